namespace CallSupervisor.Telephony.Http;

/// <summary>
/// A token for ACS or Graph could not be obtained. Its message is short and meant for the supervisor
/// ("Graph sign-in failed: AADSTS7000215: Invalid client secret provided."); the credential's own text is the
/// inner exception, for the log.
/// </summary>
public sealed class SignInFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
