using DsLoop.Drills.Answers;
using DsLoop.Stats.Design;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>Days to enrol a planned sample when only part of the daily traffic enters the test.</summary>
internal sealed class DurationDrill : IDrillFamily
{
    public string Id => "duration";

    public string Title => "Test duration from traffic";

    public DrillArea Area => DrillArea.ExperimentDesign;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var perArm = (long)b.Param("perArm", rng.Int(8, 400) * 500);
        var arms = (int)b.Param("arms", rng.Pick(2, 2, 3, 4));
        var daily = b.Param("daily", rng.Pick(4000, 6000, 10000, 15000, 25000, 40000, 80000));
        var share = b.Param("share", rng.Pick(0.1, 0.2, 0.25, 0.5, 1.0));
        var plan = new SampleSizePlan(perArm, perArm, arms, 0, 0.05);
        var days = plan.DurationDays(daily, share);
        var exact = plan.Total / (daily * share);
        b.Mistake("per-arm versus total", Math.Ceiling(perArm / (daily * share)), $"That enrols one arm; all {arms} arms need {N(plan.Total)} users.")
         .Mistake("forgot the traffic share", Math.Ceiling(plan.Total / daily), $"Only {Pct(share, 0)} of the eligible users enter the test, so {N(daily * share)} a day, not {N(daily)}.")
         .Mistake("rounded down", Math.Floor(exact), "After that many days the sample is still short; round up to the next whole day.");
        var prompt = $"A power analysis asks for {N(perArm)} users per arm in a test with {arms} arms (control included). The page sees {N(daily)} eligible users a day "
            + $"and {Pct(share, 0)} of them are put into the test. How many whole days must the test run to reach the planned sample?";
        var solution = $"Total = {arms} × {N(perArm)} = {N(plan.Total)} users. Users per day in the test = {N(daily)} × {G(share)} = {N(daily * share)}. "
            + $"{N(plan.Total)} / {N(daily * share)} = {G(exact)} days, rounded up to {days}. In practice round up again to whole weeks so each weekday is represented equally.";
        return b.Build(prompt, AnswerFormat.Count("whole days", Tolerance.Exact), days, solution);
    }
}
