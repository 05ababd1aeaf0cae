using DsLoop.Content;
using DsLoop.Content.Coaching;

namespace DsLoop.Web.Features.Shared;

/// <summary>What the judge's report partial needs: the report and the framework it was judged against.</summary>
/// <param name="Report">The judge's (or the cue coach's) report.</param>
/// <param name="Framework">The item's framework, for step hints; null when it is gone from the bank.</param>
/// <param name="Compact">True in a loop's round review, where the report sits under each answer.</param>
public sealed record JudgeReportView(CoachReport Report, Framework? Framework, bool Compact = false)
{
    /// <summary>The framework's name as shown.</summary>
    public string FrameworkName => Framework?.Name ?? "the framework";

    /// <summary>What a good answer does in a step, for a step the answer missed.</summary>
    public string StepHint(string stepId) => Framework?.Steps.FirstOrDefault(s => s.Id == stepId)?.Description ?? "";

    /// <summary>The rating in words, on the interviewer's 1–4 scale.</summary>
    public string Verdict => Report.OnFourPointScale switch
    {
        >= 3.5 => "strong",
        >= 2.5 => "meets the bar",
        >= 1.5 => "below the bar",
        _ => "no signal",
    };

    /// <summary>A coach finding or a quoted sentence, as the candidate reads it.</summary>
    public static string Evidence(string sign) => sign switch
    {
        "@no-number" => "no number in the answer",
        "@no-assumption" => "no assumption stated",
        "@no-guardrail" => "no trade-off or guardrail named",
        "@no-first-person" => "your own actions are hidden behind \"we\"",
        "@too-short" => "too short",
        "@too-long" => "too long",
        _ when sign.StartsWith("@missed:", StringComparison.Ordinal) => $"the {sign[8..]} step is missing",
        _ when sign.StartsWith('"') => $"you said {sign}",
        _ => $"you wrote {sign}",
    };
}
