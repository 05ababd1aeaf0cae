using System.Globalization;
using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Design;
using Xunit;

namespace DsLoop.Drills.Tests;

public sealed class GradingTests
{
    private static IEnumerable<Drill> Drills(string family) => Enumerable.Range(1, DrillFixtures.Seeds).Select(seed => DrillCatalog.Generate(family, seed));

    [Theory]
    [MemberData(nameof(DrillFixtures.FamilyIds), MemberType = typeof(DrillFixtures))]
    public void The_right_answer_as_written_passes_on_200_seeds(string family)
    {
        foreach (var drill in Drills(family))
        {
            var verdict = DrillGrader.Grade(drill, drill.AnswerText);
            Assert.True(verdict.Kind == VerdictKind.Correct, $"{family} seed {drill.Seed}: '{drill.AnswerText}' graded {verdict.Kind}: {verdict.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(DrillFixtures.FamilyIds), MemberType = typeof(DrillFixtures))]
    public void Every_listed_mistake_is_rejected_with_its_name_on_200_seeds(string family)
    {
        var checkedMistakes = 0;
        foreach (var drill in Drills(family))
        {
            Assert.NotEmpty(drill.Mistakes);
            foreach (var mistake in drill.Mistakes)
            {
                var verdict = DrillGrader.Grade(drill, drill.Format.Write(mistake.Value));
                Assert.True(verdict.Kind == VerdictKind.Wrong && verdict.Mistake == mistake,
                    $"{family} seed {drill.Seed}: mistake '{mistake.Name}' ({mistake.Value:R}) graded {verdict.Kind} ({verdict.Mistake?.Name}): {verdict.Message}");
                Assert.Contains(mistake.Name, verdict.Message, StringComparison.Ordinal);
                checkedMistakes++;
            }
        }
        Assert.True(checkedMistakes >= DrillFixtures.Seeds, $"{family}: only {checkedMistakes} mistakes over {DrillFixtures.Seeds} seeds");
    }

    [Theory]
    [MemberData(nameof(DrillFixtures.FamilyIds), MemberType = typeof(DrillFixtures))]
    public void A_drill_states_its_format_and_solution_and_the_same_seed_gives_the_same_drill(string family)
    {
        var first = DrillCatalog.Generate(family, 7);
        var again = DrillCatalog.Generate(family, 7);
        Assert.Equal((first.Prompt, first.Answer, first.Solution), (again.Prompt, again.Answer, again.Solution));
        Assert.Equal(first.Parameters, again.Parameters);
        Assert.Contains(first.Format.Describe(), first.Prompt, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(first.Solution));
        var prompts = Drills(family).Select(d => d.Prompt).Distinct().Count();
        Assert.True(prompts >= 20, $"{family}: only {prompts} different prompts in {DrillFixtures.Seeds} seeds");
    }

    [Fact]
    public void Sample_size_answer_given_as_total_is_rejected_as_per_arm_confusion()
    {
        var drill = DrillCatalog.Generate("sample-size", 11);
        var verdict = DrillGrader.Grade(drill, (drill.Answer * 2).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(VerdictKind.Wrong, verdict.Kind);
        Assert.Equal("per-arm versus total", verdict.Mistake?.Name);
    }

    [Fact]
    public void Sample_size_tolerance_accepts_every_standard_sizing_convention()
    {
        foreach (var drill in Drills("sample-size"))
        {
            var (b, m, a, p) = (drill.Parameters["baseline"], drill.Parameters["mde"], drill.Parameters["alpha"], drill.Parameters["power"]);
            foreach (var sizing in new[] { ProportionSizing.PooledNull, ProportionSizing.Unpooled, ProportionSizing.EvanMiller })
            {
                var n = SampleSize.ForProportions(b, m, alpha: a, power: p, sizing: sizing).ControlPerArm;
                Assert.True(DrillGrader.Grade(drill, n.ToString(CultureInfo.InvariantCulture)).Kind == VerdictKind.Correct,
                    $"seed {drill.Seed}: {sizing} gives {n}, the drill's answer is {drill.Answer}");
            }
        }
    }

    [Fact]
    public void Bayes_answer_equal_to_the_detection_rate_is_rejected_as_confusing_the_conditionals()
    {
        var drill = DrillCatalog.Generate("bayes", 3);
        var verdict = DrillGrader.Grade(drill, drill.Parameters["sensitivity"].ToString(CultureInfo.InvariantCulture));
        Assert.Equal("confused P(flag | fraud) with P(fraud | flag)", verdict.Mistake?.Name);
    }

    [Fact]
    public void Halved_p_value_is_rejected_as_one_sided()
    {
        var drill = DrillCatalog.Generate("readout-p", 5);
        var verdict = DrillGrader.Grade(drill, (drill.Answer / 2).ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal("one-sided instead of two-sided", verdict.Mistake?.Name);
    }

    [Fact]
    public void Cuped_answer_without_the_square_root_is_rejected_as_variance_versus_standard_deviation()
    {
        var drill = DrillCatalog.Generate("cuped", 9);
        var (sd, rho) = (drill.Parameters["sd"], drill.Parameters["rho"]);
        var verdict = DrillGrader.Grade(drill, (sd * (1 - (rho * rho))).ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal("variance instead of standard deviation", verdict.Mistake?.Name);
    }

    [Fact]
    public void An_unlisted_wrong_answer_is_wrong_without_a_named_mistake()
    {
        var drill = DrillCatalog.Generate("binomial", 4);
        var verdict = DrillGrader.Grade(drill, "0.00001");
        Assert.Equal(VerdictKind.Wrong, verdict.Kind);
        Assert.Null(verdict.Mistake);
        Assert.Contains(drill.AnswerText, verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Peeking_five_times_at_five_percent_is_the_textbook_fourteen_percent()
    {
        // Armitage, McPherson and Rowe's table: five equally spaced looks at nominal 0.05 give about 0.142.
        Assert.Equal(0.142, InterimLooks.FalsePositiveRate(5, 0.05), 3);
        Assert.Equal(0.05, InterimLooks.FalsePositiveRate(1, 0.05), 9);
        Assert.Equal(0.05, StandardNormal.PValue(StandardNormal.Isf(0.025), Alternative.TwoSided), 12);
    }

    [Fact]
    public void Unknown_family_names_the_families()
    {
        var e = Assert.Throws<ArgumentException>(() => DrillCatalog.Generate("nope", 1));
        Assert.Contains("sample-size", e.Message, StringComparison.Ordinal);
        Assert.True(DrillCatalog.Families.Count >= 12);
        Assert.Equal(DrillCatalog.Families.Count, DrillCatalog.Families.Select(f => f.Id).Distinct().Count());
    }
}
