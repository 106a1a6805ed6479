namespace CallSupervisor.Core.Actions;

/// <summary>
/// What to ask before an action that cannot be undone. <see cref="SafeLabel"/> keeps things as they are and is the
/// choice a dialog must focus first, so that Enter never destroys anything.
/// </summary>
public sealed record Confirmation(string Title, string Question, string ConfirmLabel, string SafeLabel);
