namespace CallSupervisor.Emulator.Http;

/// <summary>Names of the REST operations (endpoint names; fault injection targets them).</summary>
internal static class OperationNames
{
    public const string Answer = "answer";
    public const string GetCall = "getCall";
    public const string HangUp = "hangUp";
    public const string Terminate = "terminate";
    public const string ListParticipants = "listParticipants";
    public const string GetParticipant = "getParticipant";
    public const string AddParticipant = "addParticipant";
    public const string RemoveParticipant = "removeParticipant";
    public const string Mute = "mute";
    public const string CancelAddParticipant = "cancelAddParticipant";
    public const string Hold = "hold";
    public const string Unhold = "unhold";
    public const string TransferToParticipant = "transferToParticipant";
    public const string Play = "play";
    public const string Recognize = "recognize";
    public const string CancelAllMediaOperations = "cancelAllMediaOperations";
    public const string CancelMediaProcessing = "cancelMediaProcessing";
    public const string StartRecording = "startRecording";
    public const string GetRecording = "getRecording";
    public const string PauseRecording = "pauseRecording";
    public const string ResumeRecording = "resumeRecording";
    public const string StopRecording = "stopRecording";
    public const string GetGraphCall = "getGraphCall";
    public const string ListGraphParticipants = "listGraphParticipants";

    public static IReadOnlyList<string> All { get; } =
    [
        Answer, GetCall, HangUp, Terminate, ListParticipants, GetParticipant, AddParticipant, RemoveParticipant, Mute,
        CancelAddParticipant, Hold, Unhold, TransferToParticipant, Play, Recognize, CancelAllMediaOperations, CancelMediaProcessing,
        StartRecording, GetRecording, PauseRecording, ResumeRecording, StopRecording, GetGraphCall, ListGraphParticipants,
    ];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.OrdinalIgnoreCase);
}
