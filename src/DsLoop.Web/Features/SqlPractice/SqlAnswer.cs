using System.Text.Json;
using DsLoop.Core;
using DsLoop.Web.Features.Practice;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>What a SQL attempt records: the query, the dataset it ran on and the grader's verdict.</summary>
/// <param name="Sql">The submitted query (empty when the candidate gave up).</param>
/// <param name="Seed">The dataset's seed.</param>
/// <param name="Scale">The dataset's size preset.</param>
/// <param name="Verdict">correct, incorrect, did-not-run or gave-up.</param>
/// <param name="Feedback">The grader's lines, most important first.</param>
/// <param name="Rows">Rows the query returned.</param>
/// <param name="Milliseconds">Grading time on the server.</param>
/// <param name="HintsSeen">How many hints were open when it was submitted.</param>
internal sealed record SqlAnswer(
    string Sql, ulong Seed, string Scale, string Verdict, IReadOnlyList<string> Feedback, long Rows, double Milliseconds, int HintsSeen)
{
    public const string Correct = "correct", Incorrect = "incorrect", DidNotRun = "did-not-run", GaveUp = "gave-up";

    public bool Passed => Verdict == Correct;

    /// <summary>The SQL answer an attempt records, or null for other kinds of attempt.</summary>
    public static SqlAnswer? From(Attempt attempt) =>
        attempt.Kind == AttemptKind.Sql ? JsonSerializer.Deserialize<SqlAnswer>(attempt.PayloadJson, JsonDefaults.Options) : null;

    public string Json() => JsonSerializer.Serialize(this, JsonDefaults.Options);
}
