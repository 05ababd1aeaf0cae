using Xunit;

namespace DsLoop.Drills.Tests;

/// <summary>
/// The probability families against plain simulation: 100,000 seeded trials (500,000 orders for Bayes) of the story each prompt tells, on five
/// seeds per family. The simulated share must be within 5 standard errors of the drill's answer; a wrong formula (one-sided, off by one, ignoring the base rate) misses by far more.
/// </summary>
public sealed class SimulationTests
{
    private const int Trials = 100_000;

    public static TheoryData<string> Families() => ["bayes", "binomial", "geometric", "poisson", "hypergeometric", "birthday", "gamblers-ruin", "peeking"];

    [Theory]
    [MemberData(nameof(Families))]
    public void Simulating_the_story_reproduces_the_answer(string family)
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var drill = DrillCatalog.Generate(family, seed);
            var rng = new Random(seed);
            var q = drill.Parameters;
            Func<bool> trial = family switch
            {
                "binomial" => () => Enumerable.Range(0, (int)q["n"]).Count(_ => rng.NextDouble() < q["p"]) >= q["k"],
                "geometric" => () => Enumerable.Range(0, (int)q["k"]).Any(_ => rng.NextDouble() < q["p"]),
                "poisson" => () => Arrivals(rng, q["rate"], q["hours"]) >= q["k"],
                "hypergeometric" => () => Draw(rng, (int)q["population"], (int)q["bad"], (int)q["draws"]) == q["k"],
                "birthday" => () => Collides(rng, (int)q["space"], (int)q["n"]),
                "gamblers-ruin" => () => Reaches(rng, (int)q["start"], (int)q["target"], q["p"]),
                "peeking" => () => RejectsAtSomeLook(rng, (int)q["looks"], q["alpha"]),
                _ => () => true,
            };
            double share;
            int n;
            if (family == "bayes")
            {
                // Among simulated orders that are flagged, the share that are fraud.
                var (flagged, fraud) = (0, 0);
                for (var i = 0; i < Trials * 5; i++)
                {
                    var isFraud = rng.NextDouble() < q["prior"];
                    if (rng.NextDouble() < (isFraud ? q["sensitivity"] : 1 - q["specificity"]))
                    {
                        flagged++;
                        fraud += isFraud ? 1 : 0;
                    }
                }
                (share, n) = ((double)fraud / flagged, flagged);
            }
            else
            {
                (share, n) = ((double)Enumerable.Range(0, Trials).Count(_ => trial()) / Trials, Trials);
            }
            var se = Math.Sqrt(Math.Max(drill.Answer * (1 - drill.Answer), 1e-6) / n);
            var allowed = 5 * se;
            Assert.True(Math.Abs(share - drill.Answer) <= allowed, $"{family} seed {seed}: simulated {share:F5}, answer {drill.Answer:F5}, allowed ±{allowed:F5}");
        }
    }

    private static int Arrivals(Random rng, double rate, double hours)
    {
        var (t, count) = (-Math.Log(1 - rng.NextDouble()) / rate, 0);
        while (t <= hours)
        {
            count++;
            t += -Math.Log(1 - rng.NextDouble()) / rate;
        }
        return count;
    }

    private static int Draw(Random rng, int population, int bad, int draws)
    {
        var (left, badLeft, found) = (population, bad, 0);
        for (var i = 0; i < draws; i++, left--)
        {
            if (rng.Next(left) < badLeft)
            {
                found++;
                badLeft--;
            }
        }
        return found;
    }

    private static bool Collides(Random rng, int space, int n)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < n; i++)
        {
            if (!seen.Add(rng.Next(space)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Reaches(Random rng, int start, int target, double p)
    {
        var money = start;
        while (money > 0 && money < target)
        {
            money += rng.NextDouble() < p ? 1 : -1;
        }
        return money == target;
    }

    private static bool RejectsAtSomeLook(Random rng, int looks, double alpha)
    {
        // Each look adds a batch whose sum is N(0, 1); the look's z is the running sum over √(looks so far).
        var critical = Stats.StandardNormal.Isf(alpha / 2);
        var sum = 0.0;
        for (var j = 1; j <= looks; j++)
        {
            sum += Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            if (Math.Abs(sum / Math.Sqrt(j)) > critical)
            {
                return true;
            }
        }
        return false;
    }
}
