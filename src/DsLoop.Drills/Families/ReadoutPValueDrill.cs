using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Readout;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The two-sided p-value of a pooled two-proportion z-test from counts.</summary>
internal sealed class ReadoutPValueDrill : IDrillFamily
{
    public string Id => "readout-p";

    public string Title => "p-value from conversion counts";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        ReadoutCounts c;
        TestResult test;
        do
        {
            // Redraw until p is one a readout would discuss, not 1e-14 from an enormous lift.
            c = ReadoutCounts.Draw(rng, b);
            test = ProportionTest.Pooled(c.Control, c.Treatment);
        }
        while (test.PValue is < 0.0005 or > 0.6);
        var pooled = (double)(c.ControlX + c.TreatmentX) / (c.ControlN + c.TreatmentN);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / c.ControlN) + (1.0 / c.TreatmentN)));
        b.Mistake("one-sided instead of two-sided", test.PValue / 2, "That is one tail; a two-sided p counts both, so double it.")
         .Mistake("confidence instead of p", 1 - test.PValue, "That is 1 − p; the p-value is the chance of a difference at least this large under no effect.")
         .Mistake("variance instead of standard error", StandardNormal.PValue((c.TreatmentRate - c.ControlRate) / (se * se), Alternative.TwoSided),
            "Dividing by the variance instead of its square root inflates z; the standard error is √(p̄q̄(1/n₁ + 1/n₂)).");
        var prompt = $"An A/B test of a checkout change ends with {c.Table}. What is the two-sided p-value of the pooled two-proportion z-test?";
        var solution = $"Rates {G(c.ControlRate)} and {G(c.TreatmentRate)}; pooled rate p̄ = {N(c.ControlX + c.TreatmentX)} / {N(c.ControlN + c.TreatmentN)} = {G(pooled)}. "
            + $"SE = √(p̄(1−p̄)(1/{N(c.ControlN)} + 1/{N(c.TreatmentN)})) = {G(se)}. z = ({G(c.TreatmentRate)} − {G(c.ControlRate)}) / {G(se)} = {G(test.Statistic)}. "
            + $"p = 2·(1 − Φ(|z|)) = {G(test.PValue, 3)}.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.Within(0.03)), test.PValue, solution);
    }
}
