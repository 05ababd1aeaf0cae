namespace DsLoop.Drills.Families;

/// <summary>A die game: roll a fair die; at or above a threshold win a multiple of the face, otherwise pay a fee.</summary>
internal sealed record DiceGame(int Faces, int Threshold, int Multiple, int Fee)
{
    public static DiceGame Draw(DrillRandom rng, DrillBuilder b)
    {
        var faces = (int)b.Param("faces", rng.Pick(6, 8, 10, 12, 20));
        var threshold = (int)b.Param("threshold", rng.Int(2, faces));
        var multiple = (int)b.Param("multiple", rng.Int(1, 5));
        var fee = (int)b.Param("fee", rng.Int(1, 15));
        return new DiceGame(faces, threshold, multiple, fee);
    }

    /// <summary>The payoff of each face, exactly.</summary>
    public IEnumerable<double> Payoffs => Enumerable.Range(1, Faces).Select(f => f >= Threshold ? (double)Multiple * f : -Fee);

    public double Mean => Payoffs.Average();

    public double Variance => Payoffs.Select(x => (x - Mean) * (x - Mean)).Average();

    public double MeanSquare => Payoffs.Select(x => x * x).Average();

    public string Rules => $"You roll a fair {Faces}-sided die (faces 1 to {Faces}). If it shows {Threshold} or more you win ${Multiple} times the face; "
        + $"otherwise you pay ${Fee}.";
}
