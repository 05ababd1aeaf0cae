using DsLoop.Core;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests.Loops;

public sealed class ShippedLoopTemplateTests
{
    private static ContentBank LoadShipped()
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!;
    }

    [Fact]
    public void Shipped_loops_cover_each_level_and_company_variant_once()
    {
        var loops = LoadShipped().Loops;
        var pairs = loops.Select(l => (l.Level, l.Variant)).ToList();
        Assert.Equal(6, pairs.Count);
        Assert.Equal(6, pairs.Distinct().Count());
        foreach (var level in new[] { Level.DataScientist, Level.SeniorDataScientist })
        {
            foreach (var variant in new[] { CompanyVariant.B2BSaas, CompanyVariant.Consumer, CompanyVariant.TrustAndSafety })
            {
                Assert.Contains((level, variant), pairs);
            }
        }
    }

    [Fact]
    public void Shipped_loops_follow_the_us_process_shape()
    {
        foreach (var loop in LoadShipped().Loops)
        {
            var recruiter = loop.Rounds[0];
            Assert.Equal(Round.RecruiterScreen, recruiter.Kind);
            Assert.InRange(recruiter.Minutes, 15, 30);
            Assert.Equal(Round.HiringManager, loop.Rounds[1].Kind);
            var interviews = loop.Rounds.Skip(2).Where(r => !r.Optional).ToList();
            Assert.InRange(interviews.Count, 3, 6);
            Assert.Contains(interviews, r => r.Kind == Round.SqlScreen);
            Assert.Contains(interviews, r => r.Kind == Round.StatisticsExperimentation);
            Assert.Contains(interviews, r => r.Kind == Round.ModelingMlDesign);
            Assert.Contains(interviews, r => r.Kind == Round.Behavioral);
            Assert.All(loop.Rounds.Where(r => r.Optional), r => Assert.True(r.Minutes >= 120, $"{loop.Id}: a take-home gets hours"));
            Assert.Equal(loop.Id, Path.GetFileNameWithoutExtension(loop.Source.File));
        }
    }
}
