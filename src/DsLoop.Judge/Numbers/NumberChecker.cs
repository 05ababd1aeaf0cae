using DsLoop.Content.Coaching;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Checked numbers: reads the figures a statistics or experiment answer commits to (baseline, effect, α, power, sample
/// per arm or in total, duration, traffic, counts, p-values, intervals, arm splits) and checks each claim with the
/// statistics engine. Verdicts are arithmetic only; the tolerances are in docs/COACH-NUMBERS.md. Deterministic, never
/// throws, and linear in the answer's length.
/// </summary>
public static class NumberChecker
{
    /// <summary>At most this many "unchecked" notes per answer: they are shown to candidates.</summary>
    private const int MaxUnchecked = 1;

    /// <summary>The checked claims of <paramref name="answer"/>, in answer order.</summary>
    public static IReadOnlyList<NumberNote> Check(string? answer) => [.. Examine(answer).Select(c => c.Note)];

    /// <summary>The checked claims with the figures computed for them.</summary>
    internal static IReadOnlyList<CheckedClaim> Examine(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return [];
        }
        var sentences = AnswerCoach.SplitSentences(answer).Select(s => FactReader.Read(SpokenSentence.Read(s))).ToList();
        var context = new AnswerContext(sentences);
        var claims = new List<CheckedClaim>();
        var uncheckedNotes = 0;
        for (var i = 0; i < sentences.Count; i++)
        {
            foreach (var claim in ChecksOf(context, i))
            {
                if (claim.Note.Verdict == CheckedClaim.Unchecked && ++uncheckedNotes > MaxUnchecked)
                {
                    continue;
                }
                claims.Add(claim);
            }
        }
        return claims;
    }

    private static IEnumerable<CheckedClaim> ChecksOf(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        var checks = new Func<CheckedClaim?>[]
        {
            () => LiftCheck.Check(facts),
            () => Design(context, i),
            () => Duration(context, i),
            () => ReadoutChecks.SignificanceCheck(facts, context.CountsFor(i), context.Design),
            () => ReadoutChecks.IntervalCheck(facts, context.CountsFor(i)),
            () => ReadoutChecks.SampleRatioCheck(facts, context.Sentences.ElementAtOrDefault(i - 1)),
            () => StatedRelationChecks.IntervalPValueCheck(context, i),
            () => StatedRelationChecks.VarianceCheck(context, i),
            () => StatedRelationChecks.WidthScalingCheck(facts),
            () => ArithmeticClaims.ShareOfAmount(context, i),
            () => ArithmeticClaims.RatioAsPercent(context, i),
            () => ArithmeticClaims.Annualised(context, i),
            () => PartsClaims.AddedOnTop(context, i),
            () => PartsClaims.PlusSum(context, i),
            () => PartsClaims.SegmentContribution(context, i),
            () => PartsClaims.LiftOfPreviousMove(context, i),
            () => AmountClaims.ShareOfStatedWhole(context, i),
            () => AmountClaims.UnitPriceProduct(context, i),
            () => AmountClaims.ShareChain(context, i),
            () => AmountClaims.RateOfAmounts(context, i),
            () => CompensationClaims.TotalOfParts(context, i),
            () => MixShiftClaims.AverageRevenueChange(context, i),
            () => AllocationCheck.Check(context, i),
            () => RateIntervalCheck.Check(context, i),
            () => IntervalEndsCheck.Check(context, i),
            () => ClassifierRateCheck.RecallCheck(context, i),
            () => ClassifierRateCheck.PrecisionCheck(context, i),
            () => PeekingCheck.Check(context, i),
            () => DesignEffectCheck.Check(context, i),
            () => MultipleTestingCheck.CutoffCheck(context, i),
            () => MultipleTestingCheck.FamilyWiseCheck(context, i),
            () => MultipleTestingCheck.ExpectedCheck(context, i),
            () => OneSidedCheck.Check(context, i),
        };
        foreach (var check in checks)
        {
            CheckedClaim? claim;
            try
            {
                claim = check();
            }
            catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException)
            {
                // An input the engine refuses (a rate of 0 or 1, an effect too small to size): no note rather than a guess.
                claim = null;
            }
            if (claim is not null)
            {
                yield return claim;
            }
        }
    }

    private static CheckedClaim? Design(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        if (!facts.HasSampleClaim || facts.MentionsMeans || UnequalAllocation.Applies(facts) || facts.Counts.Count > 0 || facts.Interval is not null || facts.PValue is not null || facts.CallsSignificant is not null)
        {
            return null;
        }
        var sizing = facts.SizingWords || facts.NeedWords || facts.Baseline is not null || facts.Effect is not null || facts.Move is not null || facts.Target is not null;
        if (!sizing)
        {
            return null;
        }
        var baseline = context.NearestValue(i, f => f.Baseline);
        var effect = AnswerContext.EffectOf(facts) ?? TargetEffect(facts.Target, baseline) ?? context.Nearest(i, AnswerContext.EffectOf)
            ?? TargetEffect(context.Nearest(i, f => f.Target), baseline);
        var arms = context.NearestValue(i, f => f.Arms) ?? 2;
        if (baseline is null || effect is null)
        {
            return facts.SizingWords && !context.MentionsMeans && (baseline is not null || effect is not null)
                ? new CheckedClaim(ClaimKind.SampleSize, new NumberNote(facts.Sentence.Original, "a sample size",
                    CheckedClaim.Unchecked, $"Say {(baseline is null ? "the baseline rate" : "the effect you want to detect")} as well, so this size can be checked."), [])
                : null;
        }
        return facts.DetectsWithGivenSample
            ? DesignChecks.DetectableEffectCheck(facts, baseline.Value, effect, arms, context.Design)
            : DesignChecks.SampleSizeCheck(facts, baseline.Value, effect, arms, context.Design, SampleRequirement.IsStated(context, i));
    }

    private static StatedEffect? TargetEffect(NumberToken? target, double? baseline) =>
        target is not null && baseline is { } b && target.Share != b ? new StatedEffect(target.Share - b, EffectScale.Points, target) : null;

    private static CheckedClaim? Duration(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        if (facts.Duration is null)
        {
            return null;
        }
        var trafficFacts = context.Nearest(i, f => f.DailyTraffic is not null ? f : null, back: 2, ahead: 1);
        var sample = facts.HasSampleClaim ? facts : context.Nearest(i, f => f.PerArm is not null || f.Total is not null ? f : null, back: 2, ahead: 1);
        if (trafficFacts?.DailyTraffic is not { } perDay || sample is null)
        {
            return null;
        }
        var arms = context.NearestValue(i, f => f.Arms) ?? 2;
        var daily = trafficFacts.TrafficPerArm ? perDay * arms : perDay;
        var share = context.NearestValue(i, f => f.TrafficShare) ?? 1;
        IReadOnlyList<(double Total, string Words)> totals =
            sample.Total is { } total ? [(total.Value, $"{Figures.Exact(total.Value)} in total")]
            : sample.PerArm is { } perArm ? [(perArm.Value * arms, $"{Figures.Exact(perArm.Value)} per arm over {arms} arms")]
            : sample.Unqualified is { } n ? [(n.Value, Figures.Exact(n.Value)), (n.Value * arms, $"{Figures.Exact(n.Value)} per arm")]
            : [];
        return DesignChecks.DurationCheck(facts, totals, daily, share);
    }
}
