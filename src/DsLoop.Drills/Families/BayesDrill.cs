using DsLoop.Drills.Answers;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>P(condition | positive flag) from a base rate, sensitivity and specificity.</summary>
internal sealed class BayesDrill : IDrillFamily
{
    public string Id => "bayes";

    public string Title => "Bayes' rule with a base rate";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var prior = b.Param("prior", rng.Pick(0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2));
        var sensitivity = b.Param("sensitivity", rng.Step(0.8, 0.99, 0.01, 2));
        var specificity = b.Param("specificity", rng.Step(0.9, 0.995, 0.005, 3));
        var truePositive = prior * sensitivity;
        var falsePositive = (1 - prior) * (1 - specificity);
        var posterior = truePositive / (truePositive + falsePositive);
        b.Mistake("confused P(flag | fraud) with P(fraud | flag)", sensitivity, "The detection rate is P(flag | fraud); the question is the reverse, which depends on how rare fraud is.")
         .Mistake("forgot the base rate", sensitivity / (sensitivity + (1 - specificity)), "That weighs fraud and honest orders equally; weight each by how common it is.")
         .Mistake("specificity instead", specificity, "Specificity is P(no flag | honest); it is not the share of flags that are fraud.");
        var prompt = $"{Pct(prior, 1)} of orders are fraudulent. A model flags {Pct(sensitivity, 1)} of fraudulent orders and wrongly flags {Pct(1 - specificity, 1)} of honest ones. "
            + "An order is flagged. What is the probability it is fraudulent?";
        var solution = $"Out of 100,000 orders: fraud {N(100000 * prior)}, of which flagged {G(100000 * truePositive)}; honest {N(100000 * (1 - prior))}, of which flagged {G(100000 * falsePositive)}. "
            + $"P(fraud | flag) = {G(truePositive)} / ({G(truePositive)} + {G(falsePositive)}) = {G(posterior, 4)}. "
            + (posterior < 0.5 ? "Most flags are false alarms because honest orders vastly outnumber fraud." : "The base rate is high enough that most flags are real.");
        return b.Build(prompt, AnswerFormat.Probability(Tolerance.ThreeSignificantFigures), posterior, solution);
    }
}
