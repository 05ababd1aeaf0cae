using DsLoop.Cases.KpiDrop;
using DsLoop.Data.Scenarios;

namespace DsLoop.Cases.Tests;

/// <summary>The KPI-drop deep dive: every cause's reference evidence query finds it on the seed's data, and wrong answers fail.</summary>
public sealed class KpiDropTests
{
    private static async Task<(KpiDropCase Case, string Path, string Folder)> BuildAsync(KpiDropCause cause, ulong seed = 7)
    {
        var kase = new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed), cause);
        var folder = Directory.CreateTempSubdirectory("dsloop-case-").FullName;
        var path = Path.Combine(folder, "data.sqlite");
        await Task.Run(() => kase.BuildDataset(path));
        return (kase, path, folder);
    }

    [Theory]
    [InlineData(KpiDropCause.TrackingLoss)]
    [InlineData(KpiDropCause.LoggingSchemaChange)]
    [InlineData(KpiDropCause.TimezoneBug)]
    [InlineData(KpiDropCause.FunnelRegression)]
    [InlineData(KpiDropCause.Holiday)]
    [InlineData(KpiDropCause.BotSurge)]
    [InlineData(KpiDropCause.PriceChange)]
    public async Task Reference_evidence_query_finds_each_cause_and_a_wrong_segment_fails(KpiDropCause cause)
    {
        var (kase, path, folder) = await BuildAsync(cause);
        try
        {
            var truth = kase.Truth;
            var probe = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, null).ToJson());
            var impact = probe.Metrics!["impact"];
            Assert.True(impact < 0, $"{cause}: the KPI should drop overall, changed {impact:P1}");

            var right = new KpiDropAnswer(KpiDropAnswer.Slug(cause), KpiDropAnswer.SegmentOf(cause), truth.ChangeStart, impact, truth.EvidenceSql);
            var result = await kase.GradeAsync(path, right.ToJson());
            Assert.All(result.Parts, p => Assert.True(p.Passed, $"{cause} {p.Part}: {p.Feedback}"));

            // Realistic wrong evidence: the right shape, but the segment swapped for another platform or country.
            var wrongPredicate = truth.SegmentPredicate.Contains("platform", StringComparison.Ordinal) ? "u.country = 'US'" : "s.platform = 'web'";
            var wrongSql = cause == KpiDropCause.BotSurge
                ? truth.EvidenceSql.Replace("'human'", "'humanx'", StringComparison.Ordinal).Replace("'bot'", "'human'", StringComparison.Ordinal)
                : truth.EvidenceSql.Replace(truth.SegmentPredicate, wrongPredicate, StringComparison.Ordinal);
            var wrong = await kase.GradeAsync(path, (right with { EvidenceSql = wrongSql, Cause = "holiday", StartDate = "2025-10-01" }).ToJson());
            Assert.False(wrong.Parts.Single(p => p.Part == "Evidence query").Passed, $"{cause}: wrong evidence passed");
            Assert.Equal(cause == KpiDropCause.Holiday, wrong.Parts.Single(p => p.Part == "Cause").Passed);
            Assert.False(wrong.Parts.Single(p => p.Part == "Start date").Passed);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Evidence_that_only_returns_constants_or_breaks_is_refused()
    {
        var (kase, path, folder) = await BuildAsync(KpiDropCause.TrackingLoss);
        try
        {
            const string fake = "SELECT 'affected' AS segment, 'before' AS period, 100 AS sessions, 0.1 AS conversion UNION ALL SELECT 'affected', 'after', 100, 0.02 UNION ALL SELECT 'rest', 'before', 100, 0.1 UNION ALL SELECT 'rest', 'after', 100, 0.1";
            var faked = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, fake).ToJson());
            var part = faked.Parts.Single(p => p.Part == "Evidence query");
            Assert.False(part.Passed);
            Assert.Contains("different segment", part.Feedback, StringComparison.Ordinal);

            var broken = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, "SELECT nope FROM nowhere").ToJson());
            Assert.Contains("did not run", broken.Parts.Single(p => p.Part == "Evidence query").Feedback, StringComparison.Ordinal);

            var write = await kase.GradeAsync(path, new KpiDropAnswer(null, null, null, null, "DELETE FROM users").ToJson());
            Assert.Equal(0, write.Parts.Single(p => p.Part == "Evidence query").Points);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Seeds_spread_over_the_whole_cause_catalogue_and_the_brief_never_names_the_cause()
    {
        var causes = Enumerable.Range(1, 200).Select(i => KpiDropCase.CauseFor((ulong)i)).Distinct().Count();
        Assert.Equal(7, causes);
        foreach (var seed in Enumerable.Range(1, 20).Select(i => (ulong)i))
        {
            var kase = new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed));
            var brief = kase.Brief();
            Assert.DoesNotContain(kase.Truth.Explanation, brief, StringComparison.Ordinal);
            Assert.DoesNotContain(kase.Truth.AffectedSegment, brief, StringComparison.Ordinal);
        }
    }
}
