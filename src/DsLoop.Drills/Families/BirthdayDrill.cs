using DsLoop.Drills.Answers;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>P(at least two of n share a value) when values are uniform over d, computed as an exact product.</summary>
internal sealed class BirthdayDrill : IDrillFamily
{
    public string Id => "birthday";

    public string Title => "Birthday-type collisions";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var space = (int)b.Param("space", rng.Pick(365, 1000, 10000, 100000));
        var n = (int)b.Param("n", Math.Max(5, (int)Math.Round(Math.Sqrt(space) * rng.Step(0.4, 2.2, 0.1, 1))));
        var distinct = 1.0;
        for (var i = 0; i < n; i++)
        {
            distinct *= (double)(space - i) / space;
        }
        var answer = 1 - distinct;
        var pairs = n * (n - 1) / 2.0;
        b.Mistake("only pairs with one person", 1 - Math.Pow(1 - (1.0 / space), n - 1), "That is the chance someone matches one given person; any pair counts.")
         .Mistake("added the pair probabilities", pairs / space, "Adding over pairs is the union bound; it overcounts and can exceed 1.")
         .Mistake("n divided by the space", (double)n / space, "The number of pairs, not of people, drives collisions.");
        var what = space == 365 ? "birthdays (365 equally likely days)" : $"random IDs drawn uniformly from {N(space)} values";
        var prompt = $"{n} users get {what}. What is the probability that at least two of them share one?";
        var solution = $"P(all different) = ({N(space)}/{N(space)}) × ({N(space - 1)}/{N(space)}) × … × ({N(space - n + 1)}/{N(space)}) = {G(distinct, 4)}, "
            + $"so P(some match) = {G(answer, 4)}. With {N(pairs)} pairs, 1 − e^(−pairs/d) = {G(1 - Math.Exp(-pairs / space), 4)} is the usual quick approximation.";
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), answer, solution);
    }
}
