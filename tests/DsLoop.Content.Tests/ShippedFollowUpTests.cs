using DsLoop.Core;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests;

/// <summary>The shipped bank's follow-up points and senior addenda keep to docs/CONTENT.md.</summary>
public sealed class ShippedFollowUpTests
{
    private static ContentBank LoadBank()
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void Every_probe_in_the_bank_has_two_to_four_expected_points_of_five_to_twenty_words()
    {
        var followUps = LoadBank().Items.SelectMany(i => i.FollowUps.Select(f => (i.Source, f))).ToList();
        Assert.NotEmpty(followUps);
        var wrong = followUps
            .Where(x => x.f.ExpectedPoints.Count is < 2 or > 4 || x.f.ExpectedPoints.Any(p => Words(p) is < 5 or > 20))
            .Select(x => $"{x.Source}: '{x.f.Probe}' has {x.f.ExpectedPoints.Count} points ({string.Join(", ", x.f.ExpectedPoints.Select(Words))} words)");
        Assert.Empty(wrong);
    }

    [Fact]
    public void Senior_addenda_are_on_items_for_seniors_and_forty_to_ninety_words()
    {
        var withAddendum = LoadBank().Items.Where(i => i.SeniorAddendum.Length > 0).ToList();
        Assert.NotEmpty(withAddendum);
        Assert.All(withAddendum, i =>
        {
            Assert.NotEqual(Level.DataScientist, i.Level);
            Assert.InRange(Words(i.SeniorAddendum), 40, 90);
        });
    }
}
