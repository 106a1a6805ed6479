namespace CallSupervisor.Web.ViewModels.Figures;

/// <summary>Whether a figure meets its target: said in words and colour together, never colour alone.</summary>
public enum Verdict
{
    /// <summary>The figure has no target, or no value to judge yet.</summary>
    None,
    Met,
    Missed,
}

/// <summary>
/// One figure as a tile shows it: its label, its value in words ("—" for none), its definition (the help tooltip), and
/// against its target, the verdict and a note that says it in words ("below target 80 % in 20 s").
/// </summary>
public sealed record FigureTileModel(string Key, string Label, string Value, string Help, Verdict Verdict = Verdict.None, string? Note = null);
