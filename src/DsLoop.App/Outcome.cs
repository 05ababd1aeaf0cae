namespace DsLoop.App;

/// <summary>What a command did: its result, or why it refused (nothing was written then).</summary>
/// <typeparam name="T">The result of a command that went through.</typeparam>
/// <param name="Value">The result, when it went through.</param>
/// <param name="Problem">Why it was refused, in words for the person who asked.</param>
/// <param name="Conflict">True when the request was well formed but clashes with the current state (already rated, out of order).</param>
public sealed record Outcome<T>(T? Value, string? Problem, bool Conflict = false) where T : class
{
    /// <summary>True when the command went through.</summary>
    public bool Ok => Problem is null;

    /// <summary>The command went through.</summary>
    public static Outcome<T> Done(T value) => new(value, null);

    /// <summary>The input was refused.</summary>
    public static Outcome<T> Invalid(string problem) => new(null, problem);

    /// <summary>The request clashes with the current state.</summary>
    public static Outcome<T> Clash(string problem) => new(null, problem, Conflict: true);
}
