using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Judge.Embedding;

namespace DsLoop.Judge.Judging;

/// <summary>
/// Every question of the bank seen two ways, so an answer can be compared with all of them at once: one vector per
/// question (the mean of its prompt's and model answer's sentence vectors) and the question's distinctive words
/// (TF-IDF over title, prompt and model answer). A fluent answer to a neighbouring question is closer to that
/// question than to its own, in meaning and in the words it uses. Built once per process, on first use or by
/// <see cref="AnswerJudge.Warm"/>; the words part needs no model.
/// </summary>
internal sealed class RelevanceIndex
{
    private readonly Lazy<(Dictionary<string, int> Index, float[][] Centroids)> built;
    private readonly LexicalIndex lexical;

    public RelevanceIndex(ContentBank content, VectorCache cache)
    {
        built = new(() => Build(content, cache), LazyThreadSafetyMode.ExecutionAndPublication);
        lexical = new LexicalIndex(content);
    }

    public void Warm() => _ = built.Value;

    /// <summary>The answer's TF-IDF similarity to its own question minus that to the nearest other question.</summary>
    public (double Margin, string? NearestId) Words(QuestionItem item, string answer) => lexical.Compare(item, answer);

    /// <summary>
    /// How close the answer's closest half of sentences is to its own question, and to the nearest other question.
    /// </summary>
    public (double Own, double Nearest, string? NearestId) Compare(QuestionItem item, IReadOnlyList<float[]> sentenceVectors)
    {
        var (index, centroids) = built.Value;
        if (sentenceVectors.Count == 0 || !index.TryGetValue(item.Id, out var own))
        {
            return (0, 0, null);
        }
        var ownScore = TopHalfMean(sentenceVectors, centroids[own]);
        var nearest = double.NegativeInfinity;
        string? nearestId = null;
        foreach (var (id, i) in index)
        {
            if (i == own)
            {
                continue;
            }
            var score = TopHalfMean(sentenceVectors, centroids[i]);
            if (score > nearest || (score == nearest && string.CompareOrdinal(id, nearestId) < 0))
            {
                (nearest, nearestId) = (score, id);
            }
        }
        return (ownScore, nearestId is null ? 0 : nearest, nearestId);
    }

    private static double TopHalfMean(IReadOnlyList<float[]> vectors, float[] centroid)
    {
        Span<double> scores = vectors.Count <= 256 ? stackalloc double[vectors.Count] : new double[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            scores[i] = SentenceModel.Similarity(vectors[i], centroid);
        }
        scores.Sort();
        var take = (vectors.Count + 1) / 2;
        var sum = 0.0;
        for (var i = vectors.Count - take; i < vectors.Count; i++)
        {
            sum += scores[i];
        }
        return sum / take;
    }

    private static (Dictionary<string, int>, float[][]) Build(ContentBank content, VectorCache cache)
    {
        var items = content.Items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var centroids = new float[items.Count][];
        for (var i = 0; i < items.Count; i++)
        {
            index[items[i].Id] = i;
            var vectors = cache.Get([items[i].Prompt, .. AnswerCoach.SplitSentences(items[i].ModelAnswer)]);
            var centroid = new float[SentenceModel.Dimensions];
            foreach (var v in vectors)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(centroid, v, centroid);
            }
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm<float>(centroid);
            if (norm > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(centroid, norm, centroid);
            }
            centroids[i] = centroid;
        }
        return (index, centroids);
    }
}
