using DsLoop.Content;

namespace DsLoop.Judge.Judging;

/// <summary>
/// TF-IDF vectors of every question (title, prompt and model answer; words cut to six letters so "randomize" and
/// "randomization" meet), for telling which question an answer's words belong to.
/// </summary>
internal sealed class LexicalIndex
{
    private const int StemLength = 6;
    private readonly Dictionary<string, double> idf;
    private readonly Dictionary<string, Dictionary<string, double>> vectors;
    private readonly double unseenIdf;
    private readonly Dictionary<string, string> frameworks;

    /// <summary>Frameworks whose answers are stories from the candidate's past (behavioural questions).</summary>
    private static readonly HashSet<string> StoryFrameworks = new(StringComparer.Ordinal) { "star" };

    /// <summary>True when the item is answered with a story from the candidate's past.</summary>
    public static bool IsStory(QuestionItem item) => StoryFrameworks.Contains(item.FrameworkId);

    public LexicalIndex(ContentBank content)
    {
        var documents = content.Items.ToDictionary(i => i.Id, i => Stems($"{i.Title} {i.Prompt} {i.ModelAnswer}"), StringComparer.Ordinal);
        var count = Math.Max(1, documents.Count);
        idf = documents.Values.SelectMany(d => d.Distinct(StringComparer.Ordinal))
            .GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Math.Log((double)count / g.Count()), StringComparer.Ordinal);
        unseenIdf = Math.Log(count);
        vectors = documents.ToDictionary(d => d.Key, d => Vector(d.Value), StringComparer.Ordinal);
        frameworks = content.Items.ToDictionary(i => i.Id, i => i.FrameworkId, StringComparer.Ordinal);
    }

    /// <summary>Own similarity minus the nearest other question's, and that question's id.</summary>
    public (double Margin, string? NearestId) Compare(QuestionItem item, string answer)
    {
        var vector = Vector(Stems(answer));
        if (vector.Count == 0 || !vectors.TryGetValue(item.Id, out var ownVector))
        {
            return (0, null);
        }
        var own = Cosine(vector, ownVector);
        var nearest = 0.0;
        string? nearestId = null;
        var story = IsStory(item);
        foreach (var (id, other) in vectors)
        {
            // A story can come from any domain, so a story is only compared with the other story questions: its
            // domain words say nothing about which of them it answers.
            if (id == item.Id || (story && frameworks[id] != item.FrameworkId))
            {
                continue;
            }
            var similarity = Cosine(vector, other);
            if (similarity > nearest || (similarity == nearest && nearestId is not null && string.CompareOrdinal(id, nearestId) < 0))
            {
                (nearest, nearestId) = (similarity, id);
            }
        }
        return (own - nearest, nearestId);
    }

    private static List<string> Stems(string text) =>
        [.. Wording.ContentWords(text).Select(w => w.Length > StemLength ? w[..StemLength] : w)];

    private Dictionary<string, double> Vector(List<string> stems)
    {
        var vector = stems.GroupBy(s => s, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (1 + Math.Log(g.Count())) * idf.GetValueOrDefault(g.Key, unseenIdf), StringComparer.Ordinal);
        var norm = Math.Sqrt(vector.Values.Sum(v => v * v));
        return norm == 0 ? [] : vector.ToDictionary(v => v.Key, v => v.Value / norm, StringComparer.Ordinal);
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var sum = 0.0;
        foreach (var (word, value) in small)
        {
            if (large.TryGetValue(word, out var other))
            {
                sum += value * other;
            }
        }
        return sum;
    }
}
