using System.Text.Json.Serialization;
using DsLoop.App.Attempts;
using DsLoop.Core;

namespace DsLoop.App.SqlPractice;

/// <summary>What a SQL attempt records: the query, the dataset it ran on and the grader's verdict.</summary>
/// <param name="Sql">The submitted query (empty when the candidate gave up).</param>
/// <param name="Seed">The dataset's seed.</param>
/// <param name="Scale">The dataset's size preset.</param>
/// <param name="Verdict">correct, incorrect, did-not-run or gave-up.</param>
/// <param name="Feedback">The grader's lines, most important first.</param>
/// <param name="Rows">Rows the query returned.</param>
/// <param name="Milliseconds">Grading time on the server.</param>
/// <param name="HintsSeen">How many hints were open when it was submitted.</param>
public sealed record SqlAnswer(
    string Sql, ulong Seed, string Scale, string Verdict, IReadOnlyList<string> Feedback, long Rows, double Milliseconds, int HintsSeen)
    : AttemptPayload
{
    /// <summary>The verdicts a SQL attempt records.</summary>
    public const string Correct = "correct", Incorrect = "incorrect", DidNotRun = "did-not-run", GaveUp = "gave-up";

    /// <inheritdoc/>
    [JsonIgnore] public override AttemptKind Kind => AttemptKind.Sql;

    /// <summary>True when the grader accepted the query.</summary>
    [JsonIgnore] public bool Passed => Verdict == Correct;
}
