namespace DsLoop.Testing;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>The seed documents beside the repository (../shared/seeds), if present.</summary>
    public static string? Seeds =>
        new[] { Path.Combine(Root, "..", "shared", "seeds"), Path.Combine(Root, "shared", "seeds") }
            .Select(Path.GetFullPath)
            .FirstOrDefault(Directory.Exists);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DsLoop.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No DsLoop.slnx above {AppContext.BaseDirectory}.");
    }
}
