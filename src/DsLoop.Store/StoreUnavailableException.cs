namespace DsLoop.Store;

/// <summary>
/// The store cannot be opened or used. The message is one line that names the cause and is
/// safe to show a person; callers print it and exit rather than showing a stack trace.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException() { }

    /// <summary>Creates the exception with a one-line message.</summary>
    public StoreUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public StoreUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
