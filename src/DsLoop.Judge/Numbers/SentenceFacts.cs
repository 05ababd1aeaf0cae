namespace DsLoop.Judge.Numbers;

/// <summary>How an effect was stated.</summary>
internal enum EffectScale
{
    /// <summary>Points of rate: "2 points", "2pp", "an absolute 2%", "from 40% to 42%".</summary>
    Points,

    /// <summary>Relative to the baseline: "a 5% relative lift".</summary>
    Relative,

    /// <summary>"A 2% lift": points or relative, the words don't say.</summary>
    Unclear,
}

/// <summary>An effect the candidate named, on the 0–1 scale (2 points is 0.02, 5% relative is 0.05).</summary>
internal sealed record StatedEffect(double Value, EffectScale Scale, NumberToken Token);

/// <summary>A count of successes out of units, e.g. "480 out of 10,000".</summary>
internal sealed record StatedCounts(long Successes, long Total);

/// <summary>How a stated p-value relates to the number: "p = 0.01", "p &lt; 0.05", "p &gt; 0.1".</summary>
internal enum Relation
{
    /// <summary>"p = 0.01".</summary>
    Equal,

    /// <summary>"p &lt; 0.05".</summary>
    Below,

    /// <summary>"p &gt; 0.05".</summary>
    Above,
}

/// <summary>A stated p-value.</summary>
internal sealed record StatedPValue(double Value, Relation Relation, NumberToken Token);

/// <summary>Stated interval bounds, as written (scale resolved by the check) and their confidence.</summary>
internal sealed record StatedInterval(NumberToken Low, NumberToken High, double Confidence);

/// <summary>The numbers one sentence commits to, by role. Null means the sentence did not say.</summary>
internal sealed class SentenceFacts
{
    public required SpokenSentence Sentence { get; init; }

    public double? Baseline { get; set; }

    public StatedEffect? Effect { get; set; }

    /// <summary>"From 40% to 42%": both rates.</summary>
    public (NumberToken From, NumberToken To)? Move { get; set; }

    /// <summary>"A lift to 42%": the rate aimed for, without its baseline.</summary>
    public NumberToken? Target { get; set; }

    public double? Alpha { get; set; }

    public double? Power { get; set; }

    /// <summary>True one-sided, false two-sided, null unsaid.</summary>
    public bool? OneSided { get; set; }

    public NumberToken? PerArm { get; set; }

    public NumberToken? Total { get; set; }

    /// <summary>A sample size without "per arm" or "total".</summary>
    public NumberToken? Unqualified { get; set; }

    public int? Arms { get; set; }

    /// <summary>Unequal arms said as sizes: "5,300 in treatment and 47,000 in control".</summary>
    public (NumberToken Treatment, NumberToken Control)? ArmSizes { get; set; }

    /// <summary>Eligible units a day (a weekly figure divided by 7).</summary>
    public double? DailyTraffic { get; set; }

    /// <summary>True when the daily traffic is per arm ("5k users a day per arm").</summary>
    public bool TrafficPerArm { get; set; }

    /// <summary>The share of traffic put into the test, 0–1.</summary>
    public double? TrafficShare { get; set; }

    /// <summary>A stated duration in days, and the words it was read from.</summary>
    public (double Days, string Words)? Duration { get; set; }

    /// <summary>True when the sentence reads "with N we can detect X" rather than "to detect X we need N".</summary>
    public bool DetectsWithGivenSample { get; set; }

    /// <summary>True when it states the MDE as an equality ("the MDE is 1 point") rather than a reach.</summary>
    public bool StatesMde { get; set; }

    public List<StatedCounts> Counts { get; } = [];

    public StatedPValue? PValue { get; set; }

    /// <summary>True "significant", false "not significant", null unsaid.</summary>
    public bool? CallsSignificant { get; set; }

    public StatedInterval? Interval { get; set; }

    public List<long> ArmCounts { get; } = [];

    /// <summary>Whole numbers of at least 20 left without a role, in any sentence (arm counts said just before an SRM call).</summary>
    public List<long> FreeCounts { get; } = [];

    /// <summary>A correlation between 0 and 1 ("a pre-period correlation of 0.5").</summary>
    public NumberToken? Correlation { get; set; }

    /// <summary>A share of variance said to remain (<c>Removed</c> false) or to be removed (true) by an adjustment.</summary>
    public (NumberToken Share, bool Removed)? VarianceShare { get; set; }

    /// <summary>"With four times the users the margin goes from 1.5 to 0.75": a sample multiplier and a width before and after.</summary>
    public (double Multiplier, string Words, NumberToken From, NumberToken To)? WidthScaling { get; set; }

    /// <summary>"Treatment has 49.6% of users instead of 50%": an arm's observed and planned share (0–1).</summary>
    public (double Observed, double Planned)? ArmShare { get; set; }

    /// <summary>True when the sentence speaks of a ratio scale (odds, hazard, risk ratio), where an interval's null is not 0.</summary>
    public bool RatioScale { get; set; }

    /// <summary>The intended split as weights, e.g. (90, 10).</summary>
    public (double First, double Second)? Split { get; set; }

    /// <summary>True "this is a mismatch", false "the split is fine", null unsaid.</summary>
    public bool? CallsMismatch { get; set; }

    public bool SrmContext { get; set; }

    /// <summary>True when the sentence speaks of a standard deviation or variance: its sizes are for a mean, not a rate.</summary>
    public bool MentionsMeans { get; set; }

    /// <summary>True when the sentence speaks of detecting, an MDE or power: a size in it is a sizing claim.</summary>
    public bool SizingWords { get; set; }

    /// <summary>True when the sentence speaks of needing or requiring units ("we need", "is enough", "sample size").</summary>
    public bool NeedWords { get; set; }

    /// <summary>True when the effect is said right next to the from–to move it describes.</summary>
    public bool EffectDescribesMove { get; set; }

    /// <summary>Any sample-size claim: per arm, total or unqualified.</summary>
    public bool HasSampleClaim => PerArm is not null || Total is not null || Unqualified is not null;
}
