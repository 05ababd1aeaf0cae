using System.Globalization;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Sql;

namespace DsLoop.App.SqlPractice;

/// <summary>
/// The generated datasets in the data folder's <c>datasets/</c>, shared by the web app and the <c>dsloop</c> command:
/// one folder and budget for the SQL practice datasets and the KPI-drop case warehouses (keys <c>case-kpi-…</c>), one key
/// per (scale, seed) and one way to build a practice file, so either side reuses what the other generated.
/// </summary>
public static class PracticeDatasets
{
    /// <summary>Least recently used files beyond this are evicted (files in use may exceed it).</summary>
    public const long BudgetBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>The cache folder inside a data folder.</summary>
    public static string Folder(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "datasets");

    /// <summary>The cache in a data folder's <c>datasets/</c>; one per process, shared by every feature that generates datasets.</summary>
    public static DatasetCache Open(string dataDirectory) => new(Folder(dataDirectory), BudgetBytes);

    /// <summary>The cache key of a dataset, e.g. <c>tiny-42-g3</c> (the suffix is the generator's output version).</summary>
    public static string Key(ulong seed, DataScale scale) => string.Create(CultureInfo.InvariantCulture, $"{scale.Name}-{seed}-{DatasetGenerator.CacheTag}");

    /// <summary>
    /// A lease on the seed's SQLite dataset, generated into <paramref name="cache"/> on first use;
    /// <paramref name="beforeBuild"/> runs only when it has to be generated.
    /// </summary>
    public static Task<DatasetCache.DatasetLease> LeaseAsync(
        DatasetCache cache, ulong seed, DataScale scale, Func<Task>? beforeBuild, CancellationToken cancellationToken) =>
        cache.GetAsync(Key(seed, scale), async (path, token) =>
        {
            if (beforeBuild is not null)
            {
                await beforeBuild();
            }
            using var writer = new SqliteDatasetWriter(path);
            new DatasetGenerator(new GenerationOptions(seed, scale)).Generate(writer, null, token);
            writer.Complete();
        }, cancellationToken);

    /// <summary>Reads a seed as typed in a URL or form: digits only.</summary>
    public static bool TryParseSeed(string? text, out ulong seed) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed);

    /// <summary>What is wrong with a seed <see cref="TryParseSeed"/> refused.</summary>
    public static string BadSeed(string? text) => $"The seed '{text}' is not a whole number from 0 to {ulong.MaxValue}";
}
