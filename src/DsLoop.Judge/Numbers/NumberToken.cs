namespace DsLoop.Judge.Numbers;

/// <summary>How a spoken number was qualified.</summary>
internal enum NumberUnit
{
    /// <summary>A bare number: a count, a decimal, a day count.</summary>
    Plain,

    /// <summary>"40%", "40 percent".</summary>
    Percent,

    /// <summary>"2 points", "2pp", "2 percentage points".</summary>
    Points,
}

/// <summary>One number read from a sentence.</summary>
/// <param name="Index">Its position among the sentence's numbers; the sentence text carries it as <c>§Index</c>.</param>
/// <param name="Value">The value as said ("9.5k" is 9500, "40%" is 40).</param>
/// <param name="Unit">Percent, points or plain.</param>
/// <param name="Step">The unit of its last written digit in the same scale as <see cref="Value"/> (rounding allowance).</param>
/// <param name="Text">The words it was read from.</param>
internal sealed record NumberToken(int Index, double Value, NumberUnit Unit, double Step, string Text)
{
    /// <summary>The value on a 0–1 scale when it is a rate: percent and points divide by 100, a plain decimal stays.</summary>
    public double Share => Unit == NumberUnit.Plain ? Value : Value / 100;

    /// <summary>The rounding allowance on the 0–1 scale.</summary>
    public double ShareStep => Unit == NumberUnit.Plain ? Step : Step / 100;

    /// <summary>A plain whole number, such as a count of users.</summary>
    public bool IsCount => Unit == NumberUnit.Plain && Value >= 0 && Value == Math.Floor(Value) && Step >= 1;

    /// <summary>A rate written as a percentage or as a plain decimal strictly between 0 and 1.</summary>
    public bool IsRate => Unit == NumberUnit.Percent ? Value is > 0 and < 100 : Unit == NumberUnit.Plain && Value is > 0 and < 1;
}
