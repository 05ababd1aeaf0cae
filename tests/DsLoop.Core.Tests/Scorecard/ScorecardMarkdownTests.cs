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
        // (0.15·4 + 0.10·3) / 0.25 = 3.6
        Assert.Contains("**Recommendation: Strong yes.**", md, StringComparison.Ordinal);
        Assert.Contains("Overall weighted score: **3.60** of 4.", md, StringComparison.Ordinal);
        Assert.All(Dimensions.All, d => Assert.Contains(Dimensions.DisplayName(d), md, StringComparison.Ordinal));
        Assert.Contains("| Data fluency (SQL + data quality) | 15% | 60.0% | 4 – above the bar | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| Senior IC leadership | 5% | – | not assessed | 0 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_lists_evidence_self_assessment_and_signals()
    {
        var md = ScorecardMarkdown.Write(Sample());
        Assert.Contains("3 – meets the bar (includes self-assessment)", md, StringComparison.Ordinal);
        Assert.Contains("coach score 0.70, self-rating 3, self-assessed", md, StringComparison.Ordinal);
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
