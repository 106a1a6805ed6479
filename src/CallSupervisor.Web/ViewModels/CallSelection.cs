namespace CallSupervisor.Web.ViewModels;

/// <summary>A call chosen in the list; <paramref name="ByKeyboard"/> moves focus to its detail.</summary>
public sealed record CallSelection(string CallId, bool ByKeyboard);
