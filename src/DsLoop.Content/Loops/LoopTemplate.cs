using DsLoop.Core;

namespace DsLoop.Content.Loops;

/// <summary>What fills a slot of a loop round.</summary>
public enum LoopSlotKind
{
    /// <summary>Open questions from the content bank, answered in words and coached.</summary>
    Open,
    /// <summary>Hands-on SQL problems, supplied by an <see cref="ILoopExerciseProvider"/>; none exist yet.</summary>
    Sql,
    /// <summary>A statistics or experiment exercise; the bank's statistics questions stand in until a provider exists.</summary>
    StatsExercise,
    /// <summary>One part of a product or business case; the bank's product-case questions stand in until a provider exists.</summary>
    CasePart,
}

/// <summary>Slugs of the slot kinds, as written in loop templates.</summary>
public static class LoopSlotKinds
{
    /// <summary>Every slot kind.</summary>
    public static IReadOnlyList<LoopSlotKind> All { get; } = Enum.GetValues<LoopSlotKind>();

    /// <summary>The slug used in template files.</summary>
    public static string Slug(LoopSlotKind kind) => kind switch
    {
        LoopSlotKind.Open => "open",
        LoopSlotKind.Sql => "sql",
        LoopSlotKind.StatsExercise => "stats-exercise",
        LoopSlotKind.CasePart => "case-part",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown slot kind."),
    };

    /// <summary>Finds a slot kind by its slug.</summary>
    public static bool TryParse(string? slug, out LoopSlotKind kind) =>
        SlugLookup.TryFind(All, Slug, slug, out kind);

    /// <summary>True for the kinds the content bank can fill without a provider.</summary>
    public static bool BankFillable(LoopSlotKind kind) => kind != LoopSlotKind.Sql;
}

/// <summary>A place for <see cref="Count"/> exercises of one kind inside a round.</summary>
/// <param name="Kind">What fills it.</param>
/// <param name="Count">How many exercises it takes; at least 1.</param>
/// <param name="Dimensions">Only exercises probing one of these dimensions; empty means any.</param>
/// <param name="Rounds">Only exercises asked in one of these rounds; empty means the slot kind's default (see <see cref="EffectiveRounds"/>).</param>
/// <param name="Source">Where the slot was written.</param>
public sealed record LoopSlot(LoopSlotKind Kind, int Count, IReadOnlyList<Dimension> Dimensions, IReadOnlyList<Round> Rounds, SourceSpan Source)
{
    /// <summary>Only items answered with one of these frameworks; empty means any. Naming <c>reverse-question</c> makes it a reverse-question slot.</summary>
    public IReadOnlyList<string> Frameworks { get; init; } = [];

    /// <summary>True for a slot that asks for reverse questions (its <see cref="Frameworks"/> name the reverse-question framework); no other slot draws them.</summary>
    public bool AsksForReverseQuestions => Frameworks.Contains(ReverseQuestions.FrameworkId);

    /// <summary>
    /// The rounds an exercise must be asked in to fit: the slot's own list when given, otherwise the
    /// round's kind for <c>open</c> and <c>sql</c>, statistics &amp; experimentation for <c>stats-exercise</c>
    /// and product case for <c>case-part</c>.
    /// </summary>
    public IReadOnlyList<Round> EffectiveRounds(LoopRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        if (Rounds.Count > 0)
        {
            return Rounds;
        }
        return Kind switch
        {
            LoopSlotKind.StatsExercise => [Round.StatisticsExperimentation],
            LoopSlotKind.CasePart => [Round.ProductCase],
            _ => [round.Kind],
        };
    }

    /// <summary>
    /// The dimensions an exercise must probe: the slot's own list, or statistics &amp; experimentation for a
    /// <c>stats-exercise</c> slot without one; empty means any.
    /// </summary>
    public IReadOnlyList<Dimension> EffectiveDimensions =>
        Dimensions.Count == 0 && Kind == LoopSlotKind.StatsExercise ? [Dimension.StatisticsExperimentation] : Dimensions;
}

/// <summary>One time-boxed interview of a loop.</summary>
/// <param name="Id">Slug, unique within the template.</param>
/// <param name="Title">What the candidate sees.</param>
/// <param name="Kind">Which stage of the US process it is.</param>
/// <param name="Minutes">The time box.</param>
/// <param name="Optional">True for a round the candidate may skip, such as a take-home.</param>
/// <param name="Slots">The exercises it holds, in order.</param>
/// <param name="Source">Where the round was written.</param>
public sealed record LoopRound(string Id, string Title, Round Kind, int Minutes, bool Optional, IReadOnlyList<LoopSlot> Slots, SourceSpan Source);

/// <summary>A mock loop a candidate can run: the ordered rounds of one level and company variant.</summary>
/// <param name="Id">Slug, unique across templates.</param>
/// <param name="Name">Display name.</param>
/// <param name="Level">Data Scientist or Senior Data Scientist.</param>
/// <param name="Variant">The kind of company the loop imitates.</param>
/// <param name="Summary">What the loop is like.</param>
/// <param name="Rounds">The rounds, in the order they run.</param>
/// <param name="Source">Where the template was loaded from.</param>
public sealed record LoopTemplate(string Id, string Name, Level Level, CompanyVariant Variant, string Summary, IReadOnlyList<LoopRound> Rounds, SourceSpan Source)
{
    /// <summary>Minutes of every round that is not optional.</summary>
    public int RequiredMinutes => Rounds.Where(r => !r.Optional).Sum(r => r.Minutes);

    /// <summary>
    /// True when a bank item suits this template: its level is the template's or both, and it fits any
    /// company or the template's variant (a template for any company takes items of every variant).
    /// </summary>
    public bool Suits(QuestionItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (item.Level == Level.Both || item.Level == Level)
            && (Variant == CompanyVariant.Any || item.Variants.Contains(CompanyVariant.Any) || item.Variants.Contains(Variant));
    }

    /// <summary>The bank items that fit a slot of one of this template's rounds (<see cref="SlotFit"/>), ordered by id.</summary>
    public IReadOnlyList<QuestionItem> BankItemsFor(LoopRound round, LoopSlot slot, IEnumerable<QuestionItem> items, IReadOnlyDictionary<string, Framework> frameworks)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items
            .Where(i => SlotFit.Fits(this, round, slot, i, frameworks))
            .OrderBy(i => i.Id, StringComparer.Ordinal)];
    }
}
