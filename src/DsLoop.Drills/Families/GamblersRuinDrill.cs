using DsLoop.Drills.Answers;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>P(a ±1 random walk reaches the target before 0).</summary>
internal sealed class GamblersRuinDrill : IDrillFamily
{
    public string Id => "gamblers-ruin";

    public string Title => "Random walk and gambler's ruin";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var start = (int)b.Param("start", rng.Int(1, 9));
        var target = (int)b.Param("target", start + rng.Int(1, 8));
        var p = b.Param("p", rng.Pick(0.4, 0.42, 0.45, 0.47, 0.48, 0.52, 0.55, 0.58, 0.6, 0.65));
        var answer = Reach(start, target, p);
        b.Mistake("the fair-game formula", (double)start / target, $"i/N holds only when p = 0.5; here each bet is won with p = {G(p)}.")
         .Mistake("ratio inverted", Reach(start, target, 1 - p), "The ratio in the formula is q/p (losing over winning); that answer uses p/q.")
         .Mistake("winning every bet in a row", Math.Pow(p, target - start), "Winning straight away is one path; the walk may go down and recover.");
        var prompt = $"You have ${start} and bet $1 at a time, winning each bet with probability {G(p)}. You stop when you reach ${target} or go broke. "
            + $"What is the probability you reach ${target}?";
        var r = (1 - p) / p;
        var solution = $"With r = q/p = {G(r, 4)}: P = (1 − r^{start}) / (1 − r^{target}) = (1 − {G(Math.Pow(r, start), 4)}) / (1 − {G(Math.Pow(r, target), 4)}) = {G(answer, 4)}. "
            + $"(For a fair game it would be {start}/{target} = {G((double)start / target, 4)}.)";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }

    private static double Reach(int start, int target, double p)
    {
        var r = (1 - p) / p;
        return (1 - Math.Pow(r, start)) / (1 - Math.Pow(r, target));
    }
}
