using DsLoop.Content;

namespace DsLoop.App.Hosting;

/// <summary>Loads the content folder once for a host, refusing content with errors.</summary>
public static class AppContent
{
    /// <summary>How many of the errors the message lists.</summary>
    public const int ErrorsShown = 20;

    /// <summary>The bank in <paramref name="directory"/>.</summary>
    /// <exception cref="StartupException">The content has errors; the message lists them with file and line.</exception>
    public static ContentBank Load(string directory)
    {
        var result = ContentLoader.Load(directory);
        if (result.Bank is { } bank)
        {
            return bank;
        }
        var shown = result.Errors.Take(ErrorsShown).Select(e => $"  {e}");
        var more = result.Errors.Count > ErrorsShown ? $"\n  … and {result.Errors.Count - ErrorsShown} more" : "";
        throw new StartupException(
            $"the content in {Path.GetFullPath(directory)} has {result.Errors.Count} problem(s); fix them or run 'dsloop content validate':\n{string.Join('\n', shown)}{more}");
    }
}
