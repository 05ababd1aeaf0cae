namespace DsLoop.App.Hosting;

/// <summary>The app cannot start; the message says why and is shown as is, without a stack trace.</summary>
public sealed class StartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StartupException() { }

    /// <summary>Creates the exception with a message for the person starting the app.</summary>
    public StartupException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StartupException(string message, Exception innerException) : base(message, innerException) { }
}
