using DsLoop.Drills.Answers;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>The expected value of a die game.</summary>
internal sealed class GameValueDrill : IDrillFamily
{
    public string Id => "game-ev";

    public string Title => "Expected value of a game";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var game = DiceGame.Draw(rng, b);
        var wins = game.Payoffs.Where(x => x > 0).ToList();
        b.Mistake("ignored the losses", wins.Sum() / game.Faces, $"The faces below {game.Threshold} cost ${game.Fee} each; include them with their probability.")
         .Mistake("averaged the winning payoffs", wins.Average(), "That is the average win given you win; weight it by the chance of winning and add the losses.")
         .Mistake("threshold off by one", Enumerable.Range(1, game.Faces).Select(f => f > game.Threshold ? (double)game.Multiple * f : -game.Fee).Average(), $"\"{game.Threshold} or more\" includes {game.Threshold}.");
        var prompt = $"{game.Rules} What is the expected value of one play, in dollars?";
        var solution = $"Winning faces {game.Threshold}–{game.Faces} pay ${game.Multiple}×face: total {G(wins.Sum())}. The {game.Threshold - 1} losing faces cost {G((game.Threshold - 1) * game.Fee)}. "
            + $"E = ({G(wins.Sum())} − {G((game.Threshold - 1) * game.Fee)}) / {game.Faces} = {G(game.Mean, 5)} dollars per play.";
        return b.Build(prompt, AnswerFormat.Number("dollars", new Tolerance(0.006, 0.005, "to 3 significant figures (or within ±0.005)")), game.Mean, solution);
    }
}

/// <summary>The standard deviation of a die game's payoff.</summary>
internal sealed class GameSpreadDrill : IDrillFamily
{
    public string Id => "game-sd";

    public string Title => "Standard deviation of a game";

    public DrillArea Area => DrillArea.Probability;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var game = DiceGame.Draw(rng, b);
        var sd = Math.Sqrt(game.Variance);
        b.Mistake("variance instead of standard deviation", game.Variance, "That is the variance, in squared dollars; take its square root.")
         .Mistake("forgot to subtract the squared mean", Math.Sqrt(game.MeanSquare), "Var(X) = E[X²] − (E[X])²; that is √E[X²].")
         .Mistake("mean absolute payoff", game.Payoffs.Average(Math.Abs), "That is the average size of a payoff, not its spread around the mean.");
        var prompt = $"{game.Rules} What is the standard deviation of the payoff of one play, in dollars?";
        var solution = $"E[X] = {G(game.Mean, 5)}, E[X²] = average of the squared payoffs = {G(game.MeanSquare, 6)}. "
            + $"Var = {G(game.MeanSquare, 6)} − {G(game.Mean, 5)}² = {G(game.Variance, 6)}, so SD = √{G(game.Variance, 6)} = {G(sd, 5)}.";
        return b.Build(prompt, AnswerFormat.Number("dollars", Tolerance.ThreeSignificantFigures), sd, solution);
    }
}
