using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Readout;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The χ² p-value of a sample-ratio check on a planned 50/50 split.</summary>
internal sealed class SrmDrill : IDrillFamily
{
    public string Id => "srm";

    public string Title => "Sample-ratio mismatch from assignment counts";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var total = rng.Int(20, 400) * 500;
        var skew = rng.Step(0.0, 4.5, 0.1, 1) * Math.Sqrt(total) / 2;
        var control = (long)b.Param("control", Math.Round((total / 2.0) + skew));
        var treatment = (long)b.Param("treatment", total - control);
        var result = SampleRatioMismatch.Check([control, treatment]);
        var expected = total / 2.0;
        var z = (control - expected) / Math.Sqrt(total / 4.0);
        b.Mistake("one-sided instead of two-sided", result.PValue / 2, "An imbalance either way is a mismatch; χ² (or a two-sided z) counts both directions.")
         .Mistake("variance instead of standard deviation", StandardNormal.PValue((control - expected) / (total / 4.0), Alternative.TwoSided), $"The count's standard deviation is √(N·¼) = {G(Math.Sqrt(total / 4.0))}, not N·¼.")
         .Mistake("the statistic, not the p-value", result.ChiSquare, "That is χ²; convert it with one degree of freedom to a p-value.");
        var prompt = $"A 50/50 test assigned {N(control)} users to control and {N(treatment)} to treatment. What is the p-value of the χ² goodness-of-fit test "
            + "against the planned split? (Teams usually treat p < 0.001 as a sample-ratio mismatch.)";
        var solution = $"Expected {N(expected)} each. χ² = Σ(observed − expected)²/expected = {G(result.ChiSquare)} on 1 degree of freedom "
            + $"(the same as z² with z = ({N(control)} − {N(expected)}) / √({N(total)}/4) = {G(z)}). p = {G(result.PValue, 3)}: "
            + (result.IsMismatch() ? "a mismatch; find the assignment or logging bug before reading any metric." : "no evidence of a mismatch at the 0.001 threshold.");
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.Within(0.03)), result.PValue, solution);
    }
}
