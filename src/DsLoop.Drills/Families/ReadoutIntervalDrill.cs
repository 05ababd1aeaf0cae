using DsLoop.Drills.Answers;
using DsLoop.Stats;
using DsLoop.Stats.Readout;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The lower end of the 95% Wald interval of the absolute lift from counts.</summary>
internal sealed class ReadoutIntervalDrill : IDrillFamily
{
    public string Id => "readout-interval";

    public string Title => "Confidence interval of the lift from counts";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var c = ReadoutCounts.Draw(rng, b);
        var (control, treatment) = (c.Control, c.Treatment);
        var interval = ProportionTest.DifferenceInterval(control, treatment);
        var diff = c.TreatmentRate - c.ControlRate;
        var se = (diff - interval.Low) / StandardNormal.Isf(0.025);
        b.Mistake("one-sided instead of two-sided", ProportionTest.DifferenceInterval(control, treatment, 0.9).Low, "That uses z = 1.645; a two-sided 95% interval uses z = 1.96.")
         .Mistake("variance instead of standard error", diff - (StandardNormal.Isf(0.025) * se * se), "That multiplies the variance by 1.96; use its square root, the standard error.")
         .Mistake("one arm's standard error", diff - (StandardNormal.Isf(0.025) * Math.Sqrt(c.TreatmentRate * (1 - c.TreatmentRate) / c.TreatmentN)), "The difference has both arms' variances: add them before the square root.")
         .Mistake("the upper end", interval.High, "That is the upper end; the question asks for the lower end.");
        var prompt = $"An experiment ends with {c.Table}. Give the lower end of the 95% confidence interval for the absolute difference in conversion rate, "
            + "treatment − control (unpooled Wald interval; as a rate difference, e.g. -0.004 or -0.4%).";
        var solution = $"Difference = {G(c.TreatmentRate)} − {G(c.ControlRate)} = {G(diff)}. SE = √(p₁q₁/n₁ + p₂q₂/n₂) = {G(se)}. "
            + $"Lower end = {G(diff)} − 1.96 × {G(se)} = {G(interval.Low)} (upper end {G(interval.High)}). An interval that contains 0 means the test is not significant at 5%.";
        return b.Build(prompt, AnswerFormat.Number("rate difference", Tolerance.Plus(0.0005), percent: true), interval.Low, solution);
    }
}
