using System.Collections.Concurrent;

namespace DsLoop.Judge.Embedding;

/// <summary>
/// Vectors of content text (exemplars, prompts, mistakes) embedded once per process and kept: the content is fixed
/// while the app runs, so the cache is bounded by the size of the content bank.
/// </summary>
public sealed class VectorCache(SentenceModel model)
{
    private static readonly Lazy<VectorCache> SharedCache = new(() => new VectorCache(SentenceModel.Shared), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    /// <summary>
    /// The cache over <see cref="SentenceModel.Shared"/>: every judge in the process shares it, so a second host in the
    /// same process (tests, a reloaded bank) finds the bank's vectors already embedded.
    /// </summary>
    public static VectorCache Shared => SharedCache.Value;

    /// <summary>The model behind the cache.</summary>
    public SentenceModel Model { get; } = model;

    /// <summary>The vectors of the texts, embedding in one batch those not seen before.</summary>
    public float[][] Get(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var embedded = Model.Embed(missing);
            for (var i = 0; i < missing.Count; i++)
            {
                vectors.TryAdd(missing[i], embedded[i]);
            }
        }
        return [.. texts.Select(t => vectors[t])];
    }
}
