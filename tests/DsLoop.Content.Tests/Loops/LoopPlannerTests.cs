using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests.Loops;

public sealed class LoopPlannerTests
{
    private static readonly Lazy<ContentBank> Shipped = new(() =>
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!;
    });

    private static ContentBank Bank => Shipped.Value;

    /// <summary>The shipped templates; a test looping over none would pass without checking anything.</summary>
    private static IReadOnlyList<LoopTemplate> Loops =>
        Bank.Loops.Count > 0 ? Bank.Loops : throw new Xunit.Sdk.XunitException("The shipped content has no loop templates to plan.");

    private static LoopTemplate Loop(string id) => Bank.Loops.Single(l => l.Id == id);

    [Fact]
    public void Splitmix64_reproduces_the_reference_sequence()
    {
        var zero = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, zero.NextUInt64());
        var known = new SplitMix64(1234567);
        Assert.Equal([6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL], [known.NextUInt64(), known.NextUInt64(), known.NextUInt64()]);
    }

    [Fact]
    public void Same_seed_gives_the_same_plan()
    {
        foreach (var loop in Loops)
        {
            Assert.Equal(LoopPlanner.Plan(loop, Bank, 42).ItemIds, LoopPlanner.Plan(loop, Bank, 42).ItemIds);
        }
    }

    [Fact]
    public void Company_red_flag_items_are_never_asked_in_a_round()
    {
        var redFlags = Bank.Items.Where(i => i.FrameworkId == "company-red-flags").Select(i => i.Id).ToHashSet();
        Assert.NotEmpty(redFlags);
        foreach (var loop in Loops)
        {
            for (var seed = 0; seed < 40; seed++)
            {
                Assert.DoesNotContain(LoopPlanner.Plan(loop, Bank, seed).ItemIds, redFlags.Contains);
            }
        }
    }

    [Fact]
    public void Different_seeds_give_different_plans()
    {
        foreach (var loop in Loops)
        {
            var plans = Enumerable.Range(0, 5).Select(seed => string.Join(",", LoopPlanner.Plan(loop, Bank, seed).ItemIds)).ToHashSet();
            Assert.True(plans.Count > 1, $"{loop.Id}: five seeds gave one plan");
            Assert.NotEqual(LoopPlanner.Plan(loop, Bank, 1).ItemIds, LoopPlanner.Plan(loop, Bank, 2).ItemIds);
        }
    }

    [Fact]
    public void No_item_repeats_within_a_loop()
    {
        foreach (var loop in Loops)
        {
            for (var seed = 0; seed < 50; seed++)
            {
                var ids = LoopPlanner.Plan(loop, Bank, seed).ItemIds.ToList();
                Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            }
        }
    }

    [Fact]
    public void Every_planned_item_fits_its_slot_level_and_variant()
    {
        foreach (var loop in Loops)
        {
            var plan = LoopPlanner.Plan(loop, Bank, 7);
            foreach (var round in plan.Rounds)
            {
                foreach (var slot in round.Slots)
                {
                    var fitting = loop.BankItemsFor(round.Round, slot.Slot, Bank.Items, Bank.Frameworks).Select(i => i.Id).ToHashSet();
                    Assert.All(slot.Items, i => Assert.Contains(i.Id, fitting));
                    Assert.All(slot.Items, i => Assert.Equal(slot.Slot.Kind, i.Kind));
                }
            }
        }
    }

    [Fact]
    public void Shipped_templates_fill_every_slot_except_sql_while_no_provider_exists()
    {
        foreach (var loop in Loops)
        {
            for (var seed = 0; seed < 100; seed++)
            {
                var plan = LoopPlanner.Plan(loop, Bank, seed);
                foreach (var slot in plan.Rounds.SelectMany(r => r.Slots))
                {
                    var expected = slot.Slot.Kind == LoopSlotKind.Sql ? slot.Slot.Count : 0;
                    Assert.True(slot.Missing == expected, $"{loop.Id} seed {seed}: a {slot.Slot.Kind} slot at {slot.Slot.Source} lacks {slot.Missing}");
                }
            }
        }
    }

    [Fact]
    public void A_provider_fills_sql_slots()
    {
        var provider = new FakeSqlProvider(10);
        foreach (var loop in Loops)
        {
            var plan = LoopPlanner.Plan(loop, Bank, 3, providers: [provider]);
            Assert.True(plan.IsComplete);
            var sql = plan.Rounds.SelectMany(r => r.Slots).Where(s => s.Slot.Kind == LoopSlotKind.Sql).SelectMany(s => s.Items).ToList();
            Assert.NotEmpty(sql);
            Assert.All(sql, i => Assert.StartsWith("sql-", i.Id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_provider_with_too_few_problems_leaves_the_slot_short_without_repeats()
    {
        var loop = Loop("ds-consumer");
        var plan = LoopPlanner.Plan(loop, Bank, 3, providers: [new FakeSqlProvider(1)]);
        var sql = plan.Rounds.SelectMany(r => r.Slots).Single(s => s.Slot.Kind == LoopSlotKind.Sql);
        Assert.Single(sql.Items);
        Assert.Equal(sql.Slot.Count - 1, sql.Missing);
        Assert.False(plan.IsComplete);
    }

    [Fact]
    public void Weight_follows_the_documented_formula()
    {
        var candidate = new LoopCandidate("x", "X", LoopSlotKind.Open, [Dimension.Communication, Dimension.DataFluency]);
        Assert.Equal(1.0, LoopPlanner.Weight(candidate, null));
        Assert.Equal(1.0 + (3.0 * 0.5), LoopPlanner.Weight(candidate, new Dictionary<Dimension, double> { [Dimension.DataFluency] = 0.5, [Dimension.Communication] = 0.2 }));
        Assert.Equal(4.0, LoopPlanner.Weight(candidate, new Dictionary<Dimension, double> { [Dimension.Communication] = 7 }));
        Assert.Equal(1.0, LoopPlanner.Weight(candidate, new Dictionary<Dimension, double> { [Dimension.Communication] = -1, [Dimension.ModelingEvaluation] = 1 }));
    }

    [Fact]
    public void Weak_dimension_items_are_chosen_more_often_over_many_seeds()
    {
        var loop = Loop("senior-consumer");
        var weak = new Dictionary<Dimension, double> { [Dimension.ProductionMindset] = 1.0 };
        int Count(IReadOnlyDictionary<Dimension, double>? weakness) => Enumerable.Range(0, 300)
            .Sum(seed => LoopPlanner.Plan(loop, Bank, seed, weakness).ItemIds.Count(id => Bank.ItemsById[id].Dimensions.Contains(Dimension.ProductionMindset)));
        var neutral = Count(null);
        var favoured = Count(weak);
        Assert.True(favoured > neutral * 1.3, $"production-mindset items: {favoured} when weak vs {neutral} when neutral");
    }

    private sealed class FakeSqlProvider(int count) : ILoopExerciseProvider
    {
        public LoopSlotKind Kind => LoopSlotKind.Sql;

        public IReadOnlyList<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot) =>
            [.. Enumerable.Range(0, count).Select(i => new LoopCandidate($"sql-{i:00}", $"SQL {i}", LoopSlotKind.Sql, [Dimension.DataFluency]))];
    }
}
