using DsLoop.Stats;

namespace DsLoop.Judge.Numbers;

/// <summary>α, power and sidedness for a design check, and whether the answer said them.</summary>
internal sealed record DesignInputs(double Alpha, double Power, bool OneSided, bool AlphaStated, bool PowerStated)
{
    public Alternative Alternative => OneSided ? Alternative.Larger : Alternative.TwoSided;
}

/// <summary>
/// The facts of every sentence of one answer. A check reads its inputs from the claim's own sentence first, then from
/// the nearest sentence before it (up to <see cref="Back"/>), then after it (up to <see cref="Ahead"/>): spoken answers
/// give the baseline in one sentence and the size in the next. α, power and sidedness hold for the whole answer.
/// </summary>
internal sealed class AnswerContext
{
    private const int Back = 3;
    private const int Ahead = 2;

    public AnswerContext(IReadOnlyList<SentenceFacts> sentences)
    {
        Sentences = sentences;
        var alpha = sentences.Select(s => s.Alpha).FirstOrDefault(a => a is not null);
        var power = sentences.Select(s => s.Power).FirstOrDefault(p => p is not null);
        var oneSided = sentences.Select(s => s.OneSided).FirstOrDefault(o => o is not null);
        Design = new DesignInputs(alpha ?? 0.05, power ?? 0.8, oneSided ?? false, alpha is not null, power is not null);
        MentionsMeans = sentences.Any(s => s.MentionsMeans);
    }

    /// <summary>True when the answer talks about a mean metric (a standard deviation or variance): rates may not apply.</summary>
    public bool MentionsMeans { get; }

    public IReadOnlyList<SentenceFacts> Sentences { get; }

    public DesignInputs Design { get; }

    /// <summary>The nearest value of <paramref name="read"/> around sentence <paramref name="at"/>.</summary>
    public T? Nearest<T>(int at, Func<SentenceFacts, T?> read, int back = Back, int ahead = Ahead)
        where T : class
    {
        foreach (var i in Around(at, back, ahead))
        {
            if (read(Sentences[i]) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>The nearest value of <paramref name="read"/> around sentence <paramref name="at"/>.</summary>
    public T? NearestValue<T>(int at, Func<SentenceFacts, T?> read, int back = Back, int ahead = Ahead)
        where T : struct
    {
        foreach (var i in Around(at, back, ahead))
        {
            if (read(Sentences[i]) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>The effect a sentence states: a from–to move counts as its points.</summary>
    public static StatedEffect? EffectOf(SentenceFacts facts) =>
        facts.Move is { } move
            ? new StatedEffect(move.To.Share - move.From.Share, EffectScale.Points, move.To)
            : facts.Effect;

    /// <summary>Counts of arms stated in this sentence, or else in the one or two before it.</summary>
    public IReadOnlyList<StatedCounts> CountsFor(int at)
    {
        for (var i = at; i >= Math.Max(0, at - 2); i--)
        {
            if (Sentences[i].Counts.Count > 0)
            {
                return Sentences[i].Counts;
            }
        }
        return [];
    }

    private IEnumerable<int> Around(int at, int back, int ahead)
    {
        yield return at;
        for (var i = at - 1; i >= Math.Max(0, at - back); i--)
        {
            yield return i;
        }
        for (var i = at + 1; i <= Math.Min(Sentences.Count - 1, at + ahead); i++)
        {
            yield return i;
        }
    }
}
