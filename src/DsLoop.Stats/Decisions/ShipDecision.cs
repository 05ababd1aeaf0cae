
namespace DsLoop.Stats.Decisions;

/// <summary>What to do with an experiment.</summary>
public enum Verdict
{
    /// <summary>The primary metric improved and no guardrail can have regressed beyond its threshold.</summary>
    Ship,
    /// <summary>The primary metric got worse, or a guardrail clearly regressed beyond its threshold.</summary>
    DontShip,
    /// <summary>Nothing is clearly wrong, but the data can't yet show the improvement or rule out a regression.</summary>
    Extend,
}

/// <summary>A metric's change with its interval, oriented so that the sign can be read.</summary>
/// <param name="Name">Metric name, for the explanation.</param>
/// <param name="Interval">Interval of treatment − control (or relative lift).</param>
/// <param name="HigherIsBetter">Whether an increase is good (conversion) or bad (latency, tickets).</param>
/// <param name="Threshold">For guardrails: the largest regression tolerated, in the same units (0 for the primary).</param>
public sealed record MetricChange(string Name, Interval Interval, bool HigherIsBetter, double Threshold = 0)
{
    /// <summary>The interval re-oriented so that positive always means better.</summary>
    public (double Worst, double Best) Goodness => HigherIsBetter ? (Interval.Low, Interval.High) : (-Interval.High, -Interval.Low);
}

/// <summary>The decision and every reason behind it.</summary>
public sealed record Decision(Verdict Verdict, IReadOnlyList<string> Reasons);

/// <summary>
/// The guardrail rule: ship only if the primary metric's interval is entirely on the good side of zero and
/// every guardrail's interval rules out a regression larger than its threshold. A guardrail whose whole
/// interval is past its threshold, or a primary metric whose whole interval is bad, means don't ship; anything
/// in between means extend the test (or investigate) rather than decide on noise.
/// </summary>
public static class ShipDecision
{
    /// <summary>Decides from the primary metric and the guardrails.</summary>
    public static Decision Decide(MetricChange primary, IReadOnlyList<MetricChange> guardrails)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(guardrails);
        var reasons = new List<string>();
        var verdict = Verdict.Ship;
        void Lower(Verdict to)
        {
            if (to == Verdict.DontShip || verdict == Verdict.Ship)
            {
                verdict = to;
            }
        }

        if (!primary.Interval.IsValid)
        {
            return new Decision(Verdict.Extend, [$"{primary.Name}: no interval yet ({primary.Interval.Reason})."]);
        }
        var (worst, best) = primary.Goodness;
        if (worst > 0)
        {
            reasons.Add($"{primary.Name} improved: the whole interval is on the good side of zero.");
        }
        else if (best < 0)
        {
            Lower(Verdict.DontShip);
            reasons.Add($"{primary.Name} got worse: the whole interval is on the bad side of zero.");
        }
        else
        {
            Lower(Verdict.Extend);
            reasons.Add($"{primary.Name} is not distinguishable from no change yet.");
        }

        foreach (var guardrail in guardrails)
        {
            if (guardrail.Threshold < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(guardrails), guardrail.Threshold, $"{guardrail.Name}: a tolerated regression can't be negative.");
            }
            if (!guardrail.Interval.IsValid)
            {
                Lower(Verdict.Extend);
                reasons.Add($"{guardrail.Name}: no interval yet ({guardrail.Interval.Reason}).");
                continue;
            }
            var (gWorst, gBest) = guardrail.Goodness;
            if (gBest < -guardrail.Threshold)
            {
                Lower(Verdict.DontShip);
                reasons.Add($"{guardrail.Name} regressed beyond its threshold of {guardrail.Threshold}: even the best end of its interval is worse.");
            }
            else if (gWorst < -guardrail.Threshold)
            {
                Lower(Verdict.Extend);
                reasons.Add($"{guardrail.Name}: a regression beyond {guardrail.Threshold} can't be ruled out yet.");
            }
            else
            {
                reasons.Add($"{guardrail.Name} held: any regression is within {guardrail.Threshold}.");
            }
        }
        return new Decision(verdict, reasons);
    }
}
