using DsLoop.Content.Loops;
using DsLoop.Content.Sql;
using DsLoop.Core;

namespace DsLoop.Content;

/// <summary>One step of an answer framework, with the phrases that show it in an answer.</summary>
/// <param name="Id">Slug, unique within the framework.</param>
/// <param name="Name">Short name shown to the candidate.</param>
/// <param name="Description">What a good answer does in this step.</param>
/// <param name="Cues">Words or phrases whose presence suggests the step is covered.</param>
public sealed record FrameworkStep(string Id, string Name, string Description, IReadOnlyList<string> Cues);

/// <summary>A named answer structure such as STAR.</summary>
/// <param name="Id">Slug referenced by items.</param>
/// <param name="Name">Display name.</param>
/// <param name="Summary">When to use it.</param>
/// <param name="Steps">The ordered steps.</param>
/// <param name="Source">Where it was loaded from.</param>
public sealed record Framework(string Id, string Name, string Summary, IReadOnlyList<FrameworkStep> Steps, SourceSpan Source)
{
    /// <summary>The interview rounds the framework is built for; a loop slot draws its items only there. Empty means any round.</summary>
    public IReadOnlyList<Round> Rounds { get; init; } = [];
}

/// <summary>An open interview question with everything needed to practise it.</summary>
/// <param name="Id">Stable slug.</param>
/// <param name="Title">Short title.</param>
/// <param name="Prompt">The question as asked.</param>
/// <param name="Rounds">Rounds where it is asked.</param>
/// <param name="Dimensions">Scorecard dimensions it probes.</param>
/// <param name="Level">The level it targets.</param>
/// <param name="Variants">Company variants it fits.</param>
/// <param name="FrameworkId">The framework a good answer follows.</param>
/// <param name="WhyTheyAsk">What the interviewer is testing.</param>
/// <param name="ModelAnswer">A strong answer.</param>
/// <param name="WeakAnswer">A deliberately weak answer.</param>
/// <param name="CommonMistakes">Mistakes candidates often make, each with the signs that reveal it in an answer.</param>
/// <param name="FollowUps">Probes an interviewer may add, each with what a good answer to it contains.</param>
/// <param name="SeniorAddendum">What a Senior adds on the same prompt (scope, influence, standards); empty when the item has none.</param>
/// <param name="Related">Ids of related items.</param>
/// <param name="Source">Where it was loaded from.</param>
public sealed record QuestionItem(
    string Id,
    string Title,
    string Prompt,
    IReadOnlyList<Round> Rounds,
    IReadOnlyList<Dimension> Dimensions,
    Level Level,
    IReadOnlyList<CompanyVariant> Variants,
    string FrameworkId,
    string WhyTheyAsk,
    string ModelAnswer,
    string WeakAnswer,
    IReadOnlyList<CommonMistake> CommonMistakes,
    IReadOnlyList<FollowUp> FollowUps,
    string SeniorAddendum,
    IReadOnlyList<string> Related,
    SourceSpan Source);

/// <summary>A follow-up probe and the points a good answer to it must contain.</summary>
/// <param name="Probe">The probe as the interviewer asks it.</param>
/// <param name="ExpectedPoints">What a good answer to this probe contains (2–4 in a valid bank), each checkable on its own.</param>
public sealed record FollowUp(string Probe, IReadOnlyList<string> ExpectedPoints);

/// <summary>
/// A mistake candidates often make. <paramref name="Phrases"/> are words that reveal it when they appear in an
/// answer; <paramref name="Signs"/> are coach findings that reveal it (see <see cref="MistakeSigns"/>).
/// A mistake with neither is shown as a checklist line but never flagged.
/// </summary>
/// <param name="Text">The mistake, as shown.</param>
/// <param name="Phrases">Lower-case phrases matched at word starts.</param>
/// <param name="Signs">Coach-finding signs such as <c>@no-number</c> or <c>@missed:guardrails</c>.</param>
public sealed record CommonMistake(string Text, IReadOnlyList<string> Phrases, IReadOnlyList<string> Signs);

/// <summary>The coach findings a common mistake can be tied to.</summary>
public static class MistakeSigns
{
    /// <summary>No number, percentage or amount in the answer.</summary>
    public const string NoNumber = "@no-number";
    /// <summary>No stated assumption.</summary>
    public const string NoAssumption = "@no-assumption";
    /// <summary>No trade-off, risk or guardrail named.</summary>
    public const string NoTradeOff = "@no-guardrail";
    /// <summary>Fewer than two uses of "I".</summary>
    public const string NoFirstPerson = "@no-first-person";
    /// <summary>Under the length target.</summary>
    public const string TooShort = "@too-short";
    /// <summary>Over the length target.</summary>
    public const string TooLong = "@too-long";
    /// <summary>Prefix of a sign naming a framework step the answer did not show, e.g. <c>@missed:guardrails</c>.</summary>
    public const string MissedStepPrefix = "@missed:";

    /// <summary>Every sign without a step.</summary>
    public static IReadOnlyList<string> Simple { get; } = [NoNumber, NoAssumption, NoTradeOff, NoFirstPerson, TooShort, TooLong];
}

/// <summary>A file and 1-based line, for messages.</summary>
/// <param name="File">Path relative to the content folder.</param>
/// <param name="Line">1-based line number.</param>
public readonly record struct SourceSpan(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>One problem found while loading content.</summary>
/// <param name="Where">File and line.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ContentError(SourceSpan Where, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Where}: {Message}";
}

/// <summary>A fully validated content bank. It only exists when every file was valid.</summary>
public sealed class ContentBank
{
    /// <summary>Creates a bank from validated parts.</summary>
    public ContentBank(
        IReadOnlyList<Framework> frameworks, IReadOnlyList<QuestionItem> items, IReadOnlyList<LoopTemplate>? loops = null,
        IReadOnlyList<SqlProblem>? sqlProblems = null)
    {
        Frameworks = frameworks.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Items = items;
        ItemsById = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        Loops = loops ?? [];
        SqlProblems = [.. (sqlProblems ?? []).OrderBy(p => p.Difficulty).ThenBy(p => p.Title, StringComparer.Ordinal)];
        SqlProblemsById = SqlProblems.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>Frameworks by id.</summary>
    public IReadOnlyDictionary<string, Framework> Frameworks { get; }

    /// <summary>Items in load order (sorted by file path).</summary>
    public IReadOnlyList<QuestionItem> Items { get; }

    /// <summary>Items by id.</summary>
    public IReadOnlyDictionary<string, QuestionItem> ItemsById { get; }

    /// <summary>Mock-loop templates in load order (sorted by file path); empty for a pack without <c>loops/</c>.</summary>
    public IReadOnlyList<LoopTemplate> Loops { get; }

    /// <summary>SQL problems, easiest first and by title within a difficulty; empty for a pack without <c>sql/</c>.</summary>
    public IReadOnlyList<SqlProblem> SqlProblems { get; }

    /// <summary>SQL problems by id.</summary>
    public IReadOnlyDictionary<string, SqlProblem> SqlProblemsById { get; }
}

/// <summary>What loading a content folder produced: a bank, or the errors that stopped it.</summary>
/// <param name="Bank">The bank, present only when <paramref name="Errors"/> is empty.</param>
/// <param name="Errors">Every problem found, sorted by file and line.</param>
/// <param name="FilesRead">How many files were read.</param>
public sealed record ContentLoadResult(ContentBank? Bank, IReadOnlyList<ContentError> Errors, int FilesRead)
{
    /// <summary>True when the bank loaded with no errors.</summary>
    public bool IsValid => Bank is not null;
}
