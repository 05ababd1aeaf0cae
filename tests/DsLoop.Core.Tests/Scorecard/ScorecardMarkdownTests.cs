using DsLoop.Core.Scorecard;
using Xunit;

namespace DsLoop.Core.Tests.Scorecard;

public sealed class ScorecardMarkdownTests
{
    private static InterviewScorecard Sample() => ScorecardRules.Build(
        [new GradedResult("sql-retention", "Retention | by cohort", EvidenceSource.Sql, 0.9, [Dimension.DataFluency])],
        [new OpenAnswerResult("metric-disagreement", "Metric disagreement", 0.7, 3, [Dimension.Communication])],
        [new ScorecardSignal("blames-others", SignalKind.RedFlag, Dimension.Communication, "Puts the blame on others.", "It was the data team's fault.", "metric-disagreement")]);

    [Fact]
    public void Markdown_states_the_recommendation_and_every_dimension()
    {
        var md = ScorecardMarkdown.Write(Sample());
        Assert.StartsWith("# Mock loop scorecard\n", md, StringComparison.Ordinal);
        // (0.15·4 + 0.10·3.1) / 0.25 = 3.64
        Assert.Contains("**Recommendation: Strong yes.**", md, StringComparison.Ordinal);
        Assert.Contains("Overall weighted score: **3.64** of 4.", md, StringComparison.Ordinal);
        Assert.All(Dimensions.All, d => Assert.Contains(Dimensions.DisplayName(d), md, StringComparison.Ordinal));
        Assert.Contains("| Data fluency (SQL + data quality) | 15% | 60.0% | 4.0 – above the bar (auto-graded) | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| Senior IC leadership | 5% | – | not assessed | 0 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_labels_each_piece_of_evidence_and_lists_signals()
    {
        var md = ScorecardMarkdown.Write(Sample());
        Assert.Contains("3.1 – meets the bar (judged)", md, StringComparison.Ordinal);
        Assert.Contains("(`metric-disagreement`, open answer, judged): rated 3.1, coach 0.70 → 3.10 × 0.75 + self-rating 3 × 0.25", md, StringComparison.Ordinal);
        Assert.Contains("(`sql-retention`, SQL grader, auto-graded): rated 4.0, graded score 0.90 → 4", md, StringComparison.Ordinal);
        Assert.DoesNotContain("self-assessed", md, StringComparison.Ordinal);
        Assert.Contains("Retention \\| by cohort", md, StringComparison.Ordinal);
        Assert.Contains("red flag: Puts the blame on others. (`blames-others`) — \"It was the data team's fault.\"", md, StringComparison.Ordinal);
        Assert.Contains("Not assessed (left out, the other weights renormalised):", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_of_an_empty_scorecard_says_there_is_no_recommendation()
    {
        var md = ScorecardMarkdown.Write(ScorecardRules.Build([], []), "Empty");
        Assert.Contains("**Recommendation: none.**", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Overall weighted score", md, StringComparison.Ordinal);
    }
}
