using System.Text.RegularExpressions;

namespace DsLoop.Judge.Numbers;

/// <summary>The patterns <see cref="FactReader"/> reads roles with, over <see cref="SpokenSentence.Text"/> (<c>§i</c> is number i).</summary>
internal static partial class FactReader
{
    /// <summary>"± about", "plus or minus", "give or take": the words that put a margin after an estimate, before the margin's number.</summary>
    internal const string MarginWords = @"(?:±|\+/-|\+-|plus or minus|plus-minus|give or take) ?(?:about |roughly |around |approximately |~ ?)?";

    private const string Lead = @"(?:(?:of|at|is|was|level|target|targets|to|set to|set at|around|about|roughly|approximately|at least|=|:|~|≈) ?)*";

    [GeneratedRegex(@"split(\d{1,2})x(\d{1,2})")]
    private static partial Regex SplitMark();

    [GeneratedRegex(@"§(?<n>\d+) (?:statistical )?power\b|\bpower\b ?" + Lead + @"§(?<n>\d+)")]
    private static partial Regex PowerPattern();

    [GeneratedRegex(@"\b(?:alpha|α|significance level|significance threshold|level of significance|type i error(?: rate)?|false positive rate|significance)\b,? ?" + Lead + @"§(?<n>\d+)|§(?<n>\d+) (?:significance|alpha|level|false positive)\b|\bsignificant at (?:the |a )?§(?<n>\d+)")]
    private static partial Regex AlphaPattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:confidence|confident|ci\b|conf\b)|\bconfidence(?: level)? " + Lead + @"§(?<n>\d+)")]
    private static partial Regex ConfidencePattern();

    [GeneratedRegex(@"\b(?:ci|cis|confidence interval|interval|margin of error)\b|±|\+/-|plus or minus")]
    private static partial Regex IntervalWords();

    [GeneratedRegex(@"\bp(?:-value| value|value)?s?\b ?(?<rel>is less than|less than|is below|is under|smaller than|is greater than|greater than|is above|more than|came out at|comes out at|came out to|comes out|came out|come out|equal to|is about|is around|of about|<=|<|≤|>=|>|≥|==|=|≈|~|equals|is|was|of|at|around|about|below|under|above|over)? ?(?:about |around |roughly |only |just )?§(?<n>\d+)")]
    private static partial Regex PValuePattern();

    [GeneratedRegex(@"§(?<c>\d+) ?(?:±|\+/-|\+-|plus or minus) ?§(?<h>\d+)")]
    private static partial Regex PlusMinusPattern();

    [GeneratedRegex(@"[\[(] ?§(?<a>\d+) ?, ?§(?<b>\d+) ?[\])]|(?<!(?:minus|negative|-) )§(?<a>\d+) (?:to|and) (?:plus |\+ ?)?§(?<b>\d+)")]
    private static partial Regex BoundsPattern();

    [GeneratedRegex(@"§(?<s>\d+) ?(?:(?:[a-z]+ ){0,2}?(?:out of|of|among) (?:the |our |a total of |all )?|/ ?)§(?<t>\d+)")]
    private static partial Regex CountsPattern();

    [GeneratedRegex(@"(?<!\b(?:last|past|previous|prior|trailing|first|day|week|deviation of|sd of|std of|mean of|average of|median of|error of) )§(?<n>\d+) (?:more |full |extra |whole |calendar )?(?<u>days?|weeks?|months?)\b(?! (?:retention|window|lookback|active|churn|ago|old|change|difference|increase|decrease|lift|of (?:data|history|pre)|from (?:now|today)|away|out\b|later|ahead|in the future))")]
    private static partial Regex DurationPattern();

    private const string Traffic = @"(?:eligible |new |unique |active |daily |weekly |qualified |logged-in )*(?:users?|visitors?|visits|sessions|customers|sign-ups|signups|people|accounts|teams|installs|orders|buyers|shoppers|members|players|riders|drivers|merchants|sellers|requests|dau|traffic|subscribers|learners|patients|listeners|viewers)";

    [GeneratedRegex(@"§(?<n>\d+) (?:[^\s§/]+ ){0,2}?" + Traffic + @" ?(?:(?:a|per|each|every) |/ ?)(?<u>day|week)\b|§(?<n>\d+) (?:a|per|every) (?<u>day|week)\b|§(?<n>\d+)(?: [a-z]+)? (?:daily|(?<u>week)ly) " + Traffic + @"\b|\b(?:daily|(?<u>week)ly)(?: (?:traffic|users|visitors|volume|active users|eligible users|sessions))?(?: (?:is|of|are|around|about|roughly|=|~))* §(?<n>\d+)")]
    private static partial Regex TrafficPattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:of )?(?:our |the |all |total |site |eligible )*traffic\b|\b(?:ramp|ramped|allocate|allocating|expose|exposing|send|sending|route|routing)(?: [^\s§]+){0,4}? §(?<n>\d+)(?! (?:lift|relative|absolute|power|confidence|significance))")]
    private static partial Regex SharePattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:total |equal |equally sized |test )?(?<u>arms|variants|groups|variations|buckets|cells|treatments|treatment arms|conditions)\b")]
    private static partial Regex ArmsPattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:[^\s§]+ ){0,2}?(?:(?:per|in each|for each|each|in every|for every|in both|on each|in either)[ -](?:of the (?:§\d+ )?|§\d+ )?(?:arm|group|variant|variation|bucket|cell|condition|side|treatment)s?\b|(?<loose>each)\b(?! (?:day|week)))|\b(?:each|per|every) (?:arm|group|variant|variation|bucket|cell|condition)s? (?:would |will )?(?:need|needs|requires|require|gets|get|has|have|of|is|needing|with|at)(?: (?:about|around|roughly|approximately|at least|~|only|just))* ?§(?<n>\d+)")]
    private static partial Regex PerArmPattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:[^\s§]+ ){0,2}?(?:(?<loose>in total|total|overall|altogether|combined|in all)|across (?:both|all|the) ?(?:§\d+ )?(?:arms|groups|variants))\b|\btotal (?:sample(?: size)? |of |is |would be |needed |n |= |about |around |roughly |~ ?|: )*§(?<n>\d+)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"\bsample(?: size)?(?: [a-z]+){0,2}? (?:of |is |= |would be |needed |about |around |roughly |~ ?|: )*§(?<n>\d+)|\b(?:need|needs|needed|require|requires|required|recruit|enrol|enroll|collect|get)(?: [a-z]+){0,3}? §(?<n>\d+)(?! (?:days?|weeks?|months?|arms|variants))")]
    private static partial Regex UnqualifiedPattern();

    [GeneratedRegex(@"\b(?:can|could|would|will|able to|we'd|we'll|lets us|allows us to|enough to|powered to)(?: [a-z']+){0,2}? detect\b")]
    private static partial Regex CanDetectPattern();

    [GeneratedRegex(@"\bwith (?:only |just |about |around |roughly )?§\d+ (?:[^\s§]+ ){0,2}?(?:per|in each|each|total|users|visitors|people|customers)\b")]
    private static partial Regex WithSamplePattern();

    [GeneratedRegex(@"\b(?:need|needs|needed|require|requires|required|sample size|to get|we'd have to|enough|sufficient|takes|calls for)\b")]
    private static partial Regex NeedPattern();

    [GeneratedRegex(@"\b(?:lift|lifts|increase|increases|move|moves|improve|improves|raise|raises|get|bring|grow|push|goes|go|rise|rises|drop|drops|fall|falls|jump|jumps|climb|climbs|reach|reaches|shift|shifts)(?: [a-z]+){0,2}? to (?:a |an |about |around |roughly )?§(?<n>\d+)")]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"\b(?:mde|minimum detectable effect|detectable effect)\b(?: (?:is|would be|will be|of|comes out at|comes out to|=|:|around|about|roughly|~|only|just|be))* ?§")]
    private static partial Regex MdeEqualsPattern();

    [GeneratedRegex(@"\bfrom (?:a |an |the |about |around )?(?:[a-z]+ ){0,2}?§(?<a>\d+)(?: [^\s§]+){0,3}? to (?:a |an |about |around |roughly )?(?:[a-z]+ )?§(?<b>\d+)|§(?<a>\d+) ?(?:->|→|=>) ?§(?<b>\d+)")]
    private static partial Regex MovePattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:[a-z]+ )?(?:relative|proportional|multiplicative)\b|\brelative (?:[a-z]+ ){0,2}?(?:(?:of|by|is|=|around|about) )*§(?<n>\d+)")]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:[a-z]+ )?absolute\b|\babsolute (?:[a-z]+ ){0,2}?(?:(?:of|by|is|=|around|about) )*§(?<n>\d+)")]
    private static partial Regex AbsolutePattern();

    [GeneratedRegex(@"§(?<n>\d+) (?:[a-z]+ )?(?:lift|uplift|increase|improvement|change|drop|decrease|effect|bump|gain|boost|difference|reduction|decline|rise|mde|higher|lower|better|worse)\b|\b(?:(?<mde>mde|minimum detectable effect|detectable effect)|detect|lift|uplift|increase|improvement|change|effect|difference|boost|move|improve|raise|raises|increases|lifts)\b(?: (?:of|by|is|=|:|around|about|a|an|at least|as small as|as little as|roughly|approximately|would be|be|to detect|of about|of around))* ?§(?<n>\d+)")]
    private static partial Regex LiftPattern();

    [GeneratedRegex(@"\b(?:baseline|base rate|control|currently|current|today|existing|status quo|historical|historically)\b(?: [^\s§]+){0,4}? §(?<n>\d+)|§(?<n>\d+) (?:[a-z]+ ){0,2}?(?:baseline|base rate|conversion|conversions|ctr|click-through|retention|rate|convert|converts|converted|checkout|signup|sign-up)\b|\b(?:conversion|converts|convert|converted|ctr|click-through rate|retention|rate|rates)\b(?: [^\s§]+){0,3}? §(?<n>\d+)")]
    private static partial Regex BaselinePattern();

    [GeneratedRegex(@"\b(?:at|on|from) (?:a |an |the |our )?(?:baseline of |base of |base rate of )?§(?<n>\d+)(?! (?:each|per|of|a day|traffic|power|confidence|significance|alpha|relative|absolute|lift))")]
    private static partial Regex AtRatePattern();

    [GeneratedRegex(@"(?:\bnot|n't|\bno|\bnon|\bnever|\bhardly|\bbarely)(?: [a-z]+){0,2}?[ -](?:statistically )?significant\b|\b(?:insignificant|nonsignificant|fail to reject|failed to reject|fails to reject|cannot reject|can't reject|can not reject|don't reject|do not reject|not reject)\b")]
    private static partial Regex NotSignificant();

    [GeneratedRegex(@"\bsignificant(?:ly)?\b(?! (?:level|threshold))|\breject(?:ed|s)? the null\b|\bstat ?sig\b")]
    private static partial Regex Significant();

    [GeneratedRegex(@"\b(?:srm|sample ratio|ratio mismatch|split|allocation|allocated|assignment|assigned|bucketed|bucketing|imbalance|imbalanced|unbalanced|balanced|mismatch|randomi[sz]ation)\b|split\d+x\d+")]
    private static partial Regex SrmWords();

    [GeneratedRegex(@"(?:\bno|\bnot|n't|\bwithout|\bnothing)(?: [^\s§]+){0,3}? (?:srm|sample ratio mismatch|mismatch|imbalance|problem|issue|concern|red flag|sign of)\b")]
    private static partial Regex NoMismatch();

    [GeneratedRegex(@"\b(?:fine|ok|okay|acceptable|within noise|just noise|random noise|expected noise|normal|nothing to worry|healthy|as expected|looks balanced|is balanced|well balanced|close enough|reasonable|negligible)\b")]
    private static partial Regex FineWords();

    [GeneratedRegex(@"\b(?:srm|sample ratio mismatch|mismatch|imbalance|imbalanced|unbalanced|broken|bug|skewed|problem|red flag|concerning|suspicious|worrying|invalid|untrustworthy)\b")]
    private static partial Regex MismatchWords();

    [GeneratedRegex(@"\b(?:standard deviation|std|sd|variance|stdev)\b")]
    private static partial Regex MeansWords();

    [GeneratedRegex(@"\b(?:detect|detecting|detectable|mde|power|powered)\b")]
    private static partial Regex SizingWordsPattern();

    [GeneratedRegex(@"^,? (?:per|in each|for each|into each|to each|in every) (?:arm|group|variant|variation|bucket|cell)\b")]
    private static partial Regex PerArmAfter();

    [GeneratedRegex(@"§(?<r>\d+) (?:[a-z]+ ){0,2}?(?:on|of|out of|among|across|from|for) (?:the |our |a |about |around )?§(?<t>\d+)")]
    private static partial Regex RateCountsPattern();

    [GeneratedRegex(@"\b(?:correlation|correlated|correlates|correlate|rho|ρ)\b(?: [^\s§]+){0,4}? §(?<n>\d+)|§(?<n>\d+) (?:[a-z-]+ )?correlation\b")]
    private static partial Regex CorrelationPattern();

    private const string OfVariance = @" of (?:the |its |our )?(?:[a-z-]+ ){0,2}?variance\b";

    [GeneratedRegex(@"\b(?:keeps?|keeping|leaves?|leaving|retains?|retaining|remaining|left with|down to)(?: (?:only|just|about|around|roughly|approximately|~))* §(?<n>\d+)" + OfVariance + @"|§(?<n>\d+)" + OfVariance + @" (?:remains|is left|stays)\b|\bvariance (?:drops|falls|shrinks|goes down|comes down|is cut|is reduced) to (?:only |just |about |around |roughly |approximately |~ ?)*§(?<n>\d+)")]
    private static partial Regex VarianceRemainsPattern();

    [GeneratedRegex(@"\b(?:removes?|removing|explains?|explaining|eliminates?|eliminating)(?: (?:only|just|about|around|roughly|approximately|~))* §(?<n>\d+)" + OfVariance + @"|\b(?:cuts?|cutting|reduces?|reducing|lowers?|lowering|shrinks?|shrinking)(?: (?:the|its|our))? (?:[a-z-]+ )?variance by (?:only |just |about |around |roughly |approximately |~ ?)*§(?<n>\d+)|\bvariance (?:drops|falls|shrinks|goes down|decreases|declines|comes down|is cut|is reduced|is lowered) by (?:only |just |about |around |roughly |approximately |~ ?)*§(?<n>\d+)(?! ?(?:squared|\^|²))|§(?<n>\d+) (?:variance reduction|reduction in (?:the )?variance|less variance|lower variance)\b")]
    private static partial Regex VarianceRemovedPattern();

    [GeneratedRegex(@"\b(?:ratio|ratios|odds|hazard|relative risk|log)\b")]
    private static partial Regex RatioWords();

    private const string SampleNoun = @"(?:[a-z-]+ )?(?:users|sample|sample size|data|traffic|visitors|units|observations|people|customers|sessions|n)\b";

    [GeneratedRegex(@"(?:\b(?<w>twice|two|three|four|five|nine|ten|sixteen|hundred)|§(?<n>\d+)) times (?:as many |as much |more |the |our )" + SampleNoun + @"|\b(?<w>twice) (?:as many |as much |the |our )" + SampleNoun + @"|\b(?<w>doubling|double|doubles|doubled|tripling|triple|triples|tripled|quadrupling|quadruple|quadruples|quadrupled) (?:the |our )?" + SampleNoun)]
    private static partial Regex SampleMultiplierPattern();

    [GeneratedRegex(@"\b(?:half-width|half width|width|margin of error|margin|standard error|se)\b(?: [^\s§]+){0,3}? from (?:about |around |roughly |± ?|plus or minus )?§(?<a>\d+) to (?:about |around |roughly |only |± ?|plus or minus )?§(?<b>\d+)")]
    private static partial Regex WidthChangePattern();

    [GeneratedRegex(@"§(?<s>\d+) of (?:the |all |our )?(?:users|traffic|visitors|sessions|sample|assignments|units|accounts|customers)\b(?: [^\s§]+){0,2}? (?:instead of|rather than|against|versus|vs|compared to|compared with|not) (?:the |an? )?(?:expected |planned |intended |target )?§(?<e>\d+)")]
    private static partial Regex ArmSharePattern();
}
