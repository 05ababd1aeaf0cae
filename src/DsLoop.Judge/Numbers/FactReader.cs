using System.Globalization;
using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// Gives each number in a sentence at most one role (power, alpha, p-value, interval bound, counts, duration, traffic,
/// sample size, effect, baseline) from the words around it, most specific role first, and reads the calls the sentence
/// makes ("significant", "no SRM").
/// </summary>
internal static partial class FactReader
{
    public static SentenceFacts Read(SpokenSentence sentence)
    {
        var facts = new SentenceFacts { Sentence = sentence };
        var text = sentence.Text;
        var roles = new Roles(sentence);

        facts.OneSided = text.Contains("onesided", StringComparison.Ordinal) ? true : text.Contains("twosided", StringComparison.Ordinal) ? false : null;
        if (SplitMark().Match(text) is { Success: true } split)
        {
            facts.Split = (double.Parse(split.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(split.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        foreach (Match m in PowerPattern().Matches(text))
        {
            facts.Power ??= roles.Take(m, accept: t => t.Share is >= 0.5 and < 1)?.Share;
        }
        foreach (Match m in AlphaPattern().Matches(text))
        {
            facts.Alpha ??= roles.Take(m, accept: t => t.Share is > 0 and <= 0.2)?.Share;
        }
        var interval = IntervalWords().IsMatch(text);
        var confidence = 0.95;
        foreach (Match m in ConfidencePattern().Matches(text))
        {
            if (roles.Take(m, accept: t => t.Share is >= 0.5 and < 1) is { } level)
            {
                confidence = level.Share;
                facts.Alpha ??= 1 - level.Share;
            }
        }
        foreach (Match m in CountsPattern().Matches(text))
        {
            var successes = sentence.At(m.Groups["s"]);
            var total = sentence.At(m.Groups["t"]);
            if (successes is { IsCount: true } && total is { IsCount: true } && successes.Value <= total.Value && total.Value >= 20
                && roles.Free(successes) && roles.Free(total))
            {
                roles.Claim(successes);
                roles.Claim(total);
                facts.Counts.Add(new StatedCounts((long)successes.Value, (long)total.Value));
            }
        }
        if (facts.Counts.Count == 0)
        {
            ReadRateCounts(facts, sentence, roles);
            ReadArmsWithCounts(facts, sentence, roles);
        }
        ReadPValue(facts, text, roles);
        ReadWidthScaling(facts, sentence, text, roles);
        ReadArmShare(facts, sentence, text, roles);
        if (interval)
        {
            ReadInterval(facts, text, confidence, roles);
        }
        ReadArmSizes(facts, sentence, text, roles);
        ReadDesign(facts, text, roles);
        ReadEffects(facts, sentence, text, roles);
        ReadCalls(facts, text);
        facts.MentionsMeans = MeansWords().IsMatch(text);
        facts.SizingWords = SizingWordsPattern().IsMatch(text);
        facts.NeedWords = NeedPattern().IsMatch(text);
        if (facts.Move is { } move && facts.Effect is { } effect)
        {
            facts.EffectDescribesMove = WordsBetween(text, move.To, effect.Token) is >= 0 and <= 6 || WordsBetween(text, effect.Token, move.From) is >= 0 and <= 6;
        }
        ReadVariance(facts, text, roles);
        facts.RatioScale = RatioWords().IsMatch(text);
        facts.FreeCounts.AddRange(sentence.Numbers.Where(t => t.IsCount && t.Value >= 20 && roles.Free(t)).Select(t => (long)t.Value));
        if (facts.SrmContext)
        {
            facts.ArmCounts.AddRange(facts.FreeCounts);
        }
        return facts;
    }

    /// <summary>Words from token <paramref name="first"/> to token <paramref name="second"/> in the text, or −1 when second comes first.</summary>
    private static int WordsBetween(string text, NumberToken first, NumberToken second)
    {
        var a = Placeholder(text, first);
        var b = Placeholder(text, second);
        return a < 0 || b <= a ? -1 : text[a..b].Count(c => c == ' ') - 1;
    }

    /// <summary>Where <c>§i</c> stands in the text (not the start of <c>§i0</c>), or −1.</summary>
    private static int Placeholder(string text, NumberToken token)
    {
        var mark = "§" + token.Index.ToString(CultureInfo.InvariantCulture);
        for (var at = text.IndexOf(mark, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mark, at + 1, StringComparison.Ordinal))
        {
            var end = at + mark.Length;
            if (end == text.Length || !char.IsAsciiDigit(text[end]))
            {
                return at;
            }
        }
        return -1;
    }

    /// <summary>"Control converted at 10% on 5,000 users, treatment at 11% on 5,000": two arms given as rates of counts.</summary>
    private static void ReadRateCounts(SentenceFacts facts, SpokenSentence sentence, Roles roles)
    {
        var pairs = RateCountsPattern().Matches(sentence.Text)
            .Select(m => (Rate: sentence.At(m.Groups["r"]), Units: sentence.At(m.Groups["t"])))
            .Where(p => p.Rate is { Unit: NumberUnit.Percent, IsRate: true } && p.Units is { IsCount: true, Value: >= 20 } && roles.Free(p.Rate) && roles.Free(p.Units))
            .ToList();
        if (pairs.Count != 2)
        {
            return;
        }
        foreach (var (rate, units) in pairs)
        {
            roles.Claim(rate!);
            roles.Claim(units!);
            facts.Counts.Add(new StatedCounts((long)Math.Round(rate!.Share * units!.Value), (long)units.Value));
        }
    }

    private static void ReadPValue(SentenceFacts facts, string text, Roles roles)
    {
        foreach (Match m in PValuePattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.Unit == NumberUnit.Plain && t.Value is >= 0 and <= 1) is not { } token)
            {
                continue;
            }
            var relation = m.Groups["rel"].Value.Replace("is ", "", StringComparison.Ordinal).Trim() switch
            {
                "<" or "<=" or "≤" or "less than" or "below" or "under" or "smaller than" => Relation.Below,
                ">" or ">=" or "≥" or "greater than" or "above" or "over" or "more than" or "bigger than" => Relation.Above,
                _ => Relation.Equal,
            };
            facts.PValue ??= new StatedPValue(token.Value, relation, token);
        }
    }

    private static void ReadInterval(SentenceFacts facts, string text, double confidence, Roles roles)
    {
        if (PlusMinusPattern().Match(text) is { Success: true } pm && roles.Take(pm, "c", null) is { } centre && roles.Take(pm, "h", null) is { } half)
        {
            var low = centre with { Value = centre.Value - half.Value, Step = Math.Max(centre.Step, half.Step) };
            var high = centre with { Value = centre.Value + half.Value, Step = Math.Max(centre.Step, half.Step) };
            facts.Interval = new StatedInterval(low, high, confidence);
            return;
        }
        foreach (Match m in BoundsPattern().Matches(text))
        {
            if (roles.Take(m, "a", null) is { } low && roles.Take(m, "b", null) is { } high)
            {
                facts.Interval = new StatedInterval(low, high, confidence);
                return;
            }
        }
    }

    private static void ReadDesign(SentenceFacts facts, string text, Roles roles)
    {
        foreach (Match m in DurationPattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.Unit == NumberUnit.Plain && t.Value is > 0 and <= 1000) is { } days && facts.Duration is null)
            {
                var unit = m.Groups["u"].Value;
                var perDay = unit.StartsWith("week", StringComparison.Ordinal) ? 7 : unit.StartsWith("month", StringComparison.Ordinal) ? 30 : 1;
                facts.Duration = (days.Value * perDay, $"{days.Text} {unit}");
            }
        }
        foreach (Match m in TrafficPattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.Unit == NumberUnit.Plain && t.Value >= 10) is { } traffic && facts.DailyTraffic is null)
            {
                facts.DailyTraffic = m.Groups["u"].Value == "week" ? traffic.Value / 7 : traffic.Value;
                facts.TrafficPerArm = PerArmAfter().IsMatch(text[(m.Index + m.Length)..]);
            }
        }
        foreach (Match m in SharePattern().Matches(text))
        {
            facts.TrafficShare ??= roles.Take(m, "n", t => t.Unit == NumberUnit.Percent && t.Value is > 0 and <= 100)?.Share;
        }
        foreach (Match m in ArmsPattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.IsCount && t.Value is >= 1 and <= 20) is { } arms)
            {
                facts.Arms ??= (int)arms.Value + (m.Groups["u"].Value.StartsWith("treatment", StringComparison.Ordinal) ? 1 : 0);
            }
        }
        foreach (Match m in PerArmPattern().Matches(text))
        {
            facts.PerArm ??= roles.Take(m, "n", t => IsSample(text, m, t));
        }
        foreach (Match m in TotalPattern().Matches(text))
        {
            facts.Total ??= roles.Take(m, "n", t => IsSample(text, m, t));
        }
        if (facts.PerArm is null && facts.Total is null && facts.Counts.Count == 0 && (NeedPattern().IsMatch(text) || SizingWordsPattern().IsMatch(text)))
        {
            foreach (Match m in UnqualifiedPattern().Matches(text))
            {
                facts.Unqualified ??= roles.Take(m, "n", t => t.IsCount && t.Value >= 20 && !IsMoney(text, t));
            }
        }
        facts.StatesMde = MdeEqualsPattern().IsMatch(text);
        facts.DetectsWithGivenSample = facts.HasSampleClaim
            && (CanDetectPattern().IsMatch(text) || ((facts.StatesMde || WithSamplePattern().IsMatch(text)) && !NeedPattern().IsMatch(text)));
    }

    private static void ReadEffects(SentenceFacts facts, SpokenSentence sentence, string text, Roles roles)
    {
        if (facts.Interval is null)
        {
            foreach (Match m in MovePattern().Matches(text))
            {
                var from = sentence.At(m.Groups["a"]);
                var to = sentence.At(m.Groups["b"]);
                if (from is { IsRate: true } && to is { IsRate: true } && from.Unit == to.Unit && from.Value != to.Value && roles.Take(m, "a", null) is not null && roles.Take(m, "b", null) is not null)
                {
                    facts.Move = (from, to);
                    facts.Baseline = from.Share;
                    break;
                }
            }
        }
        if (facts.Move is null)
        {
            foreach (Match m in TargetPattern().Matches(text))
            {
                facts.Target ??= roles.Take(m, "n", t => t.IsRate && t.Unit == NumberUnit.Percent);
            }
        }
        foreach (Match m in RelativePattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.Unit == NumberUnit.Percent && t.Value > 0) is { } relative)
            {
                facts.Effect ??= new StatedEffect(relative.Share, EffectScale.Relative, relative);
            }
        }
        foreach (Match m in AbsolutePattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.Unit == NumberUnit.Percent && t.Value > 0) is { } absolute)
            {
                facts.Effect ??= new StatedEffect(absolute.Share, EffectScale.Points, absolute);
            }
        }
        if (facts.Interval is null)
        {
            foreach (var points in sentence.Numbers.Where(t => t.Unit == NumberUnit.Points && t.Value > 0))
            {
                if (roles.Claim(points))
                {
                    facts.Effect ??= new StatedEffect(points.Share, EffectScale.Points, points);
                }
            }
        }
        foreach (Match m in LiftPattern().Matches(text))
        {
            if (roles.Take(m, "n", t => t.Value > 0 && (t.Unit == NumberUnit.Percent || (t.Unit == NumberUnit.Plain && t.Value < 0.5 && m.Groups["mde"].Success))) is { } lift)
            {
                facts.Effect ??= new StatedEffect(lift.Share, lift.Unit == NumberUnit.Percent ? EffectScale.Unclear : EffectScale.Points, lift);
            }
        }
        foreach (Match m in BaselinePattern().Matches(text))
        {
            facts.Baseline ??= roles.Take(m, "n", t => t.IsRate)?.Share;
        }
        if (facts.Baseline is null && facts.Effect is not null)
        {
            foreach (Match m in AtRatePattern().Matches(text))
            {
                facts.Baseline ??= roles.Take(m, "n", t => t.IsRate && t.Unit == NumberUnit.Percent)?.Share;
            }
        }
    }

    /// <summary>"With four times as many users the half-width drops from 1.5 to 0.75": a width scales with 1/√n.</summary>
    private static void ReadWidthScaling(SentenceFacts facts, SpokenSentence sentence, string text, Roles roles)
    {
        if (SampleMultiplierPattern().Match(text) is not { Success: true } more || WidthChangePattern().Match(text) is not { Success: true } change)
        {
            return;
        }
        var k = more.Groups["w"].Value switch
        {
            "twice" or "two" or "doubling" or "double" or "doubles" or "doubled" => 2,
            "three" or "tripling" or "triple" or "triples" or "tripled" => 3,
            "four" or "quadrupling" or "quadruple" or "quadruples" or "quadrupled" => 4,
            "five" => 5,
            "nine" => 9,
            "ten" => 10,
            "sixteen" => 16,
            "hundred" => 100,
            _ => sentence.At(more.Groups["n"]) is { Unit: NumberUnit.Plain, Value: > 1 and <= 10_000 } times ? times.Value : 0,
        };
        var from = sentence.At(change.Groups["a"]);
        var to = sentence.At(change.Groups["b"]);
        if (k <= 1 || from is not { Value: > 0 } || to is not { Value: > 0 } || (from.Unit != to.Unit && from.Unit != NumberUnit.Plain && to.Unit != NumberUnit.Plain)
            || !roles.Free(from) || !roles.Free(to))
        {
            return;
        }
        roles.Claim(from);
        roles.Claim(to);
        if (sentence.At(more.Groups["n"]) is { } multiplier)
        {
            roles.Claim(multiplier);
        }
        facts.WidthScaling = (k, more.Value, from, to);
    }

    /// <summary>"Treatment has 49.6% of users instead of 50%": an arm's share against its plan, for the SRM check.</summary>
    private static void ReadArmShare(SentenceFacts facts, SpokenSentence sentence, string text, Roles roles)
    {
        if (ArmSharePattern().Match(text) is { Success: true } arm && sentence.At(arm.Groups["s"]) is { Unit: NumberUnit.Percent, Value: > 0 and < 100 } observed
            && sentence.At(arm.Groups["e"]) is { Unit: NumberUnit.Percent, Value: > 0 and < 100 } planned && observed.Value != planned.Value && roles.Free(observed) && roles.Free(planned))
        {
            roles.Claim(observed);
            roles.Claim(planned);
            facts.ArmShare = (observed.Share, planned.Share);
        }
    }

    /// <summary>"A correlation of 0.5 … keeps 75% of the variance": the inputs of the variance-reduction check.</summary>
    private static void ReadVariance(SentenceFacts facts, string text, Roles roles)
    {
        foreach (Match m in CorrelationPattern().Matches(text))
        {
            facts.Correlation ??= roles.Take(m, "n", t => t.Unit == NumberUnit.Plain && t.Value is > 0 and < 1);
        }
        static bool IsShare(NumberToken t) => t.Unit == NumberUnit.Percent ? t.Value is > 0 and < 100 : t.Unit == NumberUnit.Plain && t.Value is > 0 and < 1;
        foreach (Match m in VarianceRemainsPattern().Matches(text))
        {
            if (facts.VarianceShare is null && roles.Take(m, "n", IsShare) is { } remains)
            {
                facts.VarianceShare = (remains, false);
            }
        }
        foreach (Match m in VarianceRemovedPattern().Matches(text))
        {
            if (facts.VarianceShare is null && roles.Take(m, "n", IsShare) is { } removed)
            {
                facts.VarianceShare = (removed, true);
            }
        }
    }

    private static void ReadCalls(SentenceFacts facts, string text)
    {
        if (NotSignificant().IsMatch(text))
        {
            facts.CallsSignificant = false;
        }
        else if (Significant().IsMatch(text))
        {
            facts.CallsSignificant = true;
        }
        facts.SrmContext = SrmWords().IsMatch(text);
        if (!facts.SrmContext)
        {
            return;
        }
        if (NoMismatch().IsMatch(text) || FineWords().IsMatch(text))
        {
            facts.CallsMismatch = false;
        }
        else if (MismatchWords().IsMatch(text))
        {
            facts.CallsMismatch = true;
        }
    }

    /// <summary>Which numbers already have a role; a number takes the first role that claims it.</summary>
    private sealed class Roles(SpokenSentence sentence)
    {
        private readonly HashSet<int> used = [];

        public bool Free(NumberToken token) => !used.Contains(token.Index);

        public bool Claim(NumberToken token) => used.Add(token.Index);

        public NumberToken? Take(Match m, string group = "n", Func<NumberToken, bool>? accept = null)
        {
            var token = sentence.At(m.Groups[group]);
            if (token is null || !Free(token) || (accept is not null && !accept(token)))
            {
                return null;
            }
            Claim(token);
            return token;
        }
    }
}
