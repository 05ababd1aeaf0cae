using DsLoop.Content.Loops;
using DsLoop.Core;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Content.Tests.Loops;

/// <summary>
/// Draws every shipped template under 50 seeds and checks each drawn item against what its round is for, written out
/// here independently of <see cref="SlotFit"/>, so a rule or a content file that drifts fails.
/// </summary>
public sealed class ShippedLoopSlotFitTests
{
    private static readonly ContentBank Bank = LoadShipped();

    private static ContentBank LoadShipped()
    {
        var result = ContentLoader.Load(RepoPaths.Content);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Bank!;
    }

    // Recruiter-screen talk: pay and level, the background story, and one framework per logistics question.
    private static readonly HashSet<string> RecruiterFrameworks =
        ["context-range-flexibility", "star", "work-authorization", "location-and-relocation", "start-date"];

    private static IEnumerable<(LoopTemplate Loop, PlannedRound Round, PlannedSlot Slot, QuestionItem Item)> Draws()
    {
        Assert.NotEmpty(Bank.Loops);
        foreach (var loop in Bank.Loops)
        {
            for (var seed = 0L; seed < 50; seed++)
            {
                foreach (var round in LoopPlanner.Plan(loop, Bank, seed).Rounds)
                {
                    foreach (var slot in round.Slots.Where(s => s.Slot.Kind != LoopSlotKind.Sql))
                    {
                        foreach (var candidate in slot.Items)
                        {
                            yield return (loop, round, slot, Bank.ItemsById[candidate.Id]);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_item_drawn_in_50_seeds_of_every_template_fits_its_slot()
    {
        var draws = Draws().ToList();
        Assert.Equal(6, draws.Select(d => d.Loop.Id).Distinct().Count());
        Assert.True(draws.Count > 6 * 50 * 10, $"only {draws.Count} items drawn");
        foreach (var (loop, round, slot, item) in draws)
        {
            var where = $"{loop.Id}/{round.Round.Id} ({slot.Slot.Kind}) drew '{item.Id}'";
            var askedIn = slot.Slot.EffectiveRounds(round.Round).Where(item.Rounds.Contains).ToList();
            Assert.True(askedIn.Count > 0, $"{where}: not asked in the slot's round");
            var framework = Bank.Frameworks[item.FrameworkId];
            Assert.True(askedIn.Any(framework.Rounds.Contains), $"{where}: framework '{framework.Id}' is not built for the round");
            Assert.False(ReverseQuestions.Is(item) && !slot.Slot.AsksForReverseQuestions, $"{where}: a reverse question outside a reverse-question slot");
            Assert.NotEqual("company-red-flags", item.FrameworkId);
            switch (slot.Slot.Kind == LoopSlotKind.CasePart ? Round.ProductCase : round.Round.Kind)
            {
                case Round.RecruiterScreen:
                    Assert.Contains(Round.RecruiterScreen, item.Rounds);
                    Assert.True(RecruiterFrameworks.Contains(item.FrameworkId), $"{where}: framework '{item.FrameworkId}' is not recruiter-screen talk");
                    break;
                case Round.ModelingMlDesign:
                    Assert.True(item.Dimensions.Contains(Dimension.ModelingEvaluation) || item.Dimensions.Contains(Dimension.ProductionMindset),
                        $"{where}: not a modeling or production item");
                    break;
                case Round.ProductCase:
                    Assert.Contains(Round.ProductCase, item.Rounds);
                    Assert.True(item.Dimensions.Contains(Dimension.ProblemFraming), $"{where}: not a product-case item");
                    break;
                default:
                    break;
            }
        }
    }

    [Fact]
    public void Shipped_templates_hold_no_reverse_question_slot_so_no_reverse_question_is_ever_drawn()
    {
        Assert.NotEmpty(Bank.Loops);
        Assert.DoesNotContain(Bank.Loops.SelectMany(l => l.Rounds).SelectMany(r => r.Slots), s => s.AsksForReverseQuestions);
        Assert.DoesNotContain(Draws(), d => ReverseQuestions.Is(d.Item));
    }

    [Fact]
    public void Recruiter_logistics_questions_have_their_own_frameworks_and_the_pay_framework_keeps_pay_and_level()
    {
        Assert.Equal("work-authorization", Bank.ItemsById["work-authorization-sponsorship-question"].FrameworkId);
        Assert.Equal("location-and-relocation", Bank.ItemsById["remote-hybrid-relocation-preference"].FrameworkId);
        Assert.Equal("start-date", Bank.ItemsById["start-date-and-notice-period"].FrameworkId);
        Assert.Equal(
            ["compensation-expectations", "competing-offer-band-below-range", "salary-asked-before-band-shared", "startup-equity-versus-base-salary", "target-level-and-why"],
            Bank.Items.Where(i => i.FrameworkId == "context-range-flexibility").Select(i => i.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_key_result_question_is_a_hiring_manager_question_not_a_product_case_part() =>
        Assert.DoesNotContain(Draws(), d => d.Item.Id == "quarterly-key-result-target" && d.Slot.Slot.Kind == LoopSlotKind.CasePart);

    [Fact]
    public void Every_shipped_framework_names_the_rounds_it_is_built_for()
    {
        Assert.NotEmpty(Bank.Frameworks);
        Assert.All(Bank.Frameworks.Values, f => Assert.NotEmpty(f.Rounds));
        Assert.All(Bank.Items, i => Assert.True(i.Rounds.Any(Bank.Frameworks[i.FrameworkId].Rounds.Contains),
            $"'{i.Id}' is asked in no round its framework '{i.FrameworkId}' is built for"));
    }
}
