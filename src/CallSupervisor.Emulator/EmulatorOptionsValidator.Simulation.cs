using CallSupervisor.Emulator.Engine;

namespace CallSupervisor.Emulator;

public sealed partial class EmulatorOptionsValidator
{
    private static void ValidateContactCenter(SimulationOptions s, List<string> errors)
    {
        const string p = "Emulator:Simulation:";
        if (double.IsNaN(s.ArrivalsPerMinute) || s.ArrivalsPerMinute is < 0 or > 6000)
        {
            errors.Add(p + "ArrivalsPerMinute must be between 0 and 6000.");
        }
        if (s.MaxConcurrentCalls is < 1 or > 5000)
        {
            errors.Add(p + "MaxConcurrentCalls must be between 1 and 5000.");
        }
        if (s.InitialCalls < 0 || s.InitialCalls > s.MaxConcurrentCalls)
        {
            errors.Add(p + "InitialCalls must be between 0 and MaxConcurrentCalls.");
        }
        Range(errors, p + "MenuTime", s.MenuTimeMin, s.MenuTimeMax);
        Range(errors, p + "HandleTime", s.HandleTimeMin, s.HandleTimeMax);
        Range(errors, p + "AgentRingTime", s.AgentRingTimeMin, s.AgentRingTimeMax);
        if (s.MenuWeights.Keys.FirstOrDefault(k => !DtmfKeys.IsKey(k)) is { } key)
        {
            errors.Add($"{p}MenuWeights: '{key}' is not a menu key (use {string.Join(", ", DtmfKeys.Keys)}).");
        }
        if (s.MenuWeights.Values.Any(w => double.IsNaN(w) || double.IsInfinity(w) || w < 0))
        {
            errors.Add(p + "MenuWeights must not be negative.");
        }
        if (s.PatienceMin < TimeSpan.Zero || s.PatienceMean <= s.PatienceMin || s.HandleTimeMean <= TimeSpan.Zero)
        {
            errors.Add(p + "PatienceMean must be above PatienceMin (not negative), and HandleTimeMean must be positive.");
        }
        if (double.IsNaN(s.HandleTimeSpread) || s.HandleTimeSpread is < 0 or > 3)
        {
            errors.Add(p + "HandleTimeSpread must be between 0 and 3.");
        }
        Probability(errors, p + "PatientCallerShare", s.PatientCallerShare);
        Probability(errors, p + "AgentAcceptProbability", s.AgentAcceptProbability);
        Probability(errors, p + "AgentDeclineProbability", s.AgentDeclineProbability);
        if (s.AgentAcceptProbability + s.AgentDeclineProbability > 1)
        {
            errors.Add(p + "AgentAcceptProbability + AgentDeclineProbability must not exceed 1.");
        }
        if (s.Agents.Any(a => Wire.Identifiers.FromRawId(a.Id ?? string.Empty) is null || string.IsNullOrWhiteSpace(a.Name)))
        {
            errors.Add(p + "Agents: each agent needs a raw id (8:acs:…, 8:orgid:… or 4:+…) and a name.");
        }
    }
}
