using DsLoop.Data;
using DsLoop.Store;

namespace DsLoop.App.Hosting;

/// <summary>
/// What the application services need to know about where things are, whichever host runs them (the web app or the
/// <c>dsloop</c> command): the store, the content folder and the size of the SQL practice datasets.
/// </summary>
public sealed record AppSettings
{
    /// <summary>Where the app store lives (and, beside it, the dataset cache and the cookie keys).</summary>
    public StoreSettings Store { get; init; } = StoreSettings.FromEnvironment();

    /// <summary>The content folder (frameworks, questions, loops, SQL problems).</summary>
    public string ContentDirectory { get; init; } = DefaultContentDirectory();

    /// <summary>The size of the datasets SQL problems run on: DSLOOP_SQL_SCALE (tiny, standard or large), default tiny.</summary>
    public DataScale SqlScale { get; init; } = SqlScaleFromEnvironment();

    /// <summary>The content folder shipped beside the app, unless DSLOOP_CONTENT_DIR names another.</summary>
    public static string DefaultContentDirectory() =>
        Environment.GetEnvironmentVariable("DSLOOP_CONTENT_DIR") is { Length: > 0 } custom
            ? custom
            : Path.Combine(AppContext.BaseDirectory, "content");

    /// <summary>The SQL dataset size DSLOOP_SQL_SCALE names, or tiny.</summary>
    /// <exception cref="ArgumentException">DSLOOP_SQL_SCALE names no preset.</exception>
    public static DataScale SqlScaleFromEnvironment() =>
        Environment.GetEnvironmentVariable("DSLOOP_SQL_SCALE") is { Length: > 0 } name
            ? DataScale.Preset(name) ?? throw new ArgumentException($"DSLOOP_SQL_SCALE: '{name}' is not tiny, standard or large.")
            : DataScale.Tiny;
}
