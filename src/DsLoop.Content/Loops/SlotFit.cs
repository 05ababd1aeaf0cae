using DsLoop.Core;

namespace DsLoop.Content.Loops;

/// <summary>A rule a bank item must meet to fill a loop slot; the validator names the one that left a slot short.</summary>
public enum SlotFitRule
{
    /// <summary>The item's level is the template's or both, and it fits any company or the template's variant.</summary>
    LevelAndVariant,
    /// <summary>The item is asked in one of the slot's rounds (the round's own kind unless the slot says otherwise).</summary>
    Round,
    /// <summary>The item probes one of the slot's dimensions, when the slot lists some.</summary>
    SlotDimensions,
    /// <summary>The item probes a dimension the round exists to test (<see cref="SlotFit.CoreDimensions"/>), when it has some.</summary>
    RoundDimensions,
    /// <summary>The item's framework is built for the round it is asked in (the framework's <c>rounds</c>).</summary>
    FrameworkRound,
    /// <summary>The item's framework is one the slot asks for, when the slot lists some (<c>frameworks</c>).</summary>
    SlotFrameworks,
    /// <summary>A reverse question (the candidate asks) fills only a slot that asks for reverse questions.</summary>
    ReverseQuestion,
    /// <summary>Items the candidate works through on their own side of the table (company red flags) fill no slot.</summary>
    CandidateSide,
}

/// <summary>
/// Whether a bank item fits a slot of a loop round: its level and variant suit the template, it is asked in the slot's
/// rounds, it probes the slot's dimensions and a dimension the round exists to test, its framework is built for that
/// round (and is one the slot asks for), it is a reverse question only in a slot that asks for reverse questions, and
/// it is not a candidate-side checklist. The planner draws only fitting items; the validator reports a slot the rules
/// leave short.
/// </summary>
public static class SlotFit
{
    /// <summary>Frameworks of items a candidate works through on their own (judging a company's red flags); no interviewer asks them.</summary>
    public static readonly IReadOnlySet<string> CandidateSideFrameworks = new HashSet<string>(StringComparer.Ordinal) { "company-red-flags" };

    /// <summary>
    /// The dimensions a round exists to test: an item asked there must probe one of them. An ML design round asks
    /// modeling and production items, a product case problem framing, a statistics round statistics, a SQL screen data
    /// fluency; the recruiter, hiring-manager and behavioral rounds take any dimension.
    /// </summary>
    public static IReadOnlyList<Dimension> CoreDimensions(Round round) => round switch
    {
        Core.Round.ModelingMlDesign => [Dimension.ModelingEvaluation, Dimension.ProductionMindset],
        Core.Round.ProductCase => [Dimension.ProblemFraming],
        Core.Round.StatisticsExperimentation => [Dimension.StatisticsExperimentation],
        Core.Round.SqlScreen => [Dimension.DataFluency],
        _ => [],
    };

    /// <summary>True when the item fits the slot.</summary>
    public static bool Fits(LoopTemplate template, LoopRound round, LoopSlot slot, QuestionItem item, IReadOnlyDictionary<string, Framework> frameworks) =>
        FirstBrokenRule(template, round, slot, item, frameworks) is null;

    /// <summary>The first rule (in <see cref="SlotFitRule"/> order) the item breaks for this slot, or null when it fits.</summary>
    public static SlotFitRule? FirstBrokenRule(LoopTemplate template, LoopRound round, LoopSlot slot, QuestionItem item, IReadOnlyDictionary<string, Framework> frameworks)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(frameworks);
        var askedIn = slot.EffectiveRounds(round).Where(item.Rounds.Contains).ToList();
        var reverse = ReverseQuestions.Is(item);
        if (!template.Suits(item))
        {
            return SlotFitRule.LevelAndVariant;
        }
        if (askedIn.Count == 0)
        {
            return SlotFitRule.Round;
        }
        if (slot.EffectiveDimensions.Count > 0 && !item.Dimensions.Any(slot.EffectiveDimensions.Contains))
        {
            return SlotFitRule.SlotDimensions;
        }
        // A reverse question is judged by what it asks, not by the round's subject, so the round's dimensions do not bind it.
        if (!reverse && !askedIn.Any(r => CoreDimensions(r) is var core && (core.Count == 0 || item.Dimensions.Any(core.Contains))))
        {
            return SlotFitRule.RoundDimensions;
        }
        if (frameworks.TryGetValue(item.FrameworkId, out var framework) && framework.Rounds.Count > 0 && !askedIn.Any(framework.Rounds.Contains))
        {
            return SlotFitRule.FrameworkRound;
        }
        if (slot.Frameworks.Count > 0 && !slot.Frameworks.Contains(item.FrameworkId))
        {
            return SlotFitRule.SlotFrameworks;
        }
        if (reverse && !slot.AsksForReverseQuestions)
        {
            return SlotFitRule.ReverseQuestion;
        }
        return CandidateSideFrameworks.Contains(item.FrameworkId) ? SlotFitRule.CandidateSide : null;
    }

    /// <summary>What a rule asks, for the validator's messages.</summary>
    public static string Describe(SlotFitRule rule) => rule switch
    {
        SlotFitRule.LevelAndVariant => "the item's level and company variant must suit the template",
        SlotFitRule.Round => "the item must be asked in the slot's round",
        SlotFitRule.SlotDimensions => "the item must probe one of the slot's dimensions",
        SlotFitRule.RoundDimensions => "the item must probe a dimension the round exists to test",
        SlotFitRule.FrameworkRound => "the item's framework must be built for the round (its 'rounds')",
        SlotFitRule.SlotFrameworks => "the item's framework must be one the slot lists",
        SlotFitRule.ReverseQuestion => "a reverse question fills only a slot that asks for reverse questions (frameworks: [reverse-question])",
        SlotFitRule.CandidateSide => "a candidate-side checklist (company red flags) fills no slot",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown rule."),
    };
}
