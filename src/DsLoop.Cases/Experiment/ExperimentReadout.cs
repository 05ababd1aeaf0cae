using DsLoop.Stats;
using DsLoop.Stats.Decisions;
using DsLoop.Stats.Readout;

namespace DsLoop.Cases.Experiment;

/// <summary>The four decisions a readout can end in.</summary>
public enum ReadoutDecision
{
    /// <summary>Ship the change.</summary>
    Ship,

    /// <summary>Do not ship.</summary>
    DontShip,

    /// <summary>Keep the test running.</summary>
    Extend,

    /// <summary>The data can't be trusted yet: find out what went wrong first.</summary>
    Investigate,
}

/// <summary>A guardrail's verdict.</summary>
public enum GuardrailVerdict
{
    /// <summary>Any regression is within the tolerance.</summary>
    Held,

    /// <summary>The whole interval is worse than the tolerance.</summary>
    Regressed,

    /// <summary>The interval straddles the tolerance.</summary>
    Inconclusive,
}

/// <summary>An estimate with its 95% interval.</summary>
/// <param name="Estimate">Point estimate.</param>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public sealed record IntervalEstimate(double Estimate, double Low, double High)
{
    /// <summary>Half the interval's width.</summary>
    public double HalfWidth => (High - Low) / 2;
}

/// <summary>A guardrail's readout.</summary>
/// <param name="Id">Metric id (column name).</param>
/// <param name="ControlMean">Control mean.</param>
/// <param name="Difference">Treatment − control with its interval.</param>
/// <param name="Tolerance">Largest tolerated increase, in the metric's units.</param>
/// <param name="Verdict">Held, regressed or inconclusive.</param>
public sealed record GuardrailReadout(string Id, double ControlMean, IntervalEstimate Difference, double Tolerance, GuardrailVerdict Verdict);

/// <summary>The engine's readout of the experiment data: the reference every answer is graded against.</summary>
/// <param name="ControlUsers">Users logged in control.</param>
/// <param name="TreatmentUsers">Users logged in treatment.</param>
/// <param name="Srm">The sample-ratio check against the planned 50/50 split.</param>
/// <param name="MixPValue">χ² test that the platform mix is the same in both arms.</param>
/// <param name="Stratified">Whether lifts are compared within platforms (because the mix differs).</param>
/// <param name="ControlRate">Control conversion (post-stratified when <paramref name="Stratified"/>).</param>
/// <param name="Absolute">Absolute lift (treatment − control conversion).</param>
/// <param name="Relative">Relative lift (delta method).</param>
/// <param name="PooledAbsolute">The naive pooled absolute lift, shown when it differs from the stratified one.</param>
/// <param name="PooledRelative">The naive pooled relative lift.</param>
/// <param name="PValue">Two-sided p-value of the primary comparison.</param>
/// <param name="Guardrails">Guardrail readouts.</param>
/// <param name="Novelty">Trend of the daily effect.</param>
/// <param name="DaysObserved">Days of data.</param>
/// <param name="PlannedDays">Days planned.</param>
/// <param name="SequentialPValue">Always-valid p-value (mixture sequential test) for a test stopped early.</param>
/// <param name="Decision">The engine's decision.</param>
/// <param name="Reasons">Why.</param>
public sealed record ExperimentReadout(
    long ControlUsers, long TreatmentUsers, SrmResult Srm, double MixPValue, bool Stratified, double ControlRate,
    IntervalEstimate Absolute, IntervalEstimate Relative, IntervalEstimate PooledAbsolute, double PooledRelative, double PValue, IReadOnlyList<GuardrailReadout> Guardrails,
    NoveltyResult Novelty, int DaysObserved, int PlannedDays, double SequentialPValue, ReadoutDecision Decision, IReadOnlyList<string> Reasons)
{
    /// <summary>The SRM threshold.</summary>
    public const double SrmThreshold = 0.001;

    /// <summary>Analyses the data the way the case's explanation describes.</summary>
    public static ExperimentReadout Analyse(ExperimentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var users = data.Users;
        var z = 1.959963984540054;
        long nc = 0, nt = 0;
        foreach (var u in users)
        {
            nt += u.Treatment ? 1 : 0;
        }
        nc = users.Count - nt;
        var srm = SampleRatioMismatch.Check([nc, nt]);
        var (conversion, latency, tickets) = Tally(users);
        var mixP = IndependenceTest.Pearson(conversion.N).PValue;
        var stratified = mixP < SrmThreshold;

        var conv = Compare(conversion, stratified);
        var pooled = Compare(conversion, false);
        var absolute = new IntervalEstimate(conv.Diff, conv.Diff - (z * conv.Se), conv.Diff + (z * conv.Se));
        var rel = RelativeLift.Delta(conv.Treatment, conv.TreatmentVar, conv.Control, conv.ControlVar);
        var relative = new IntervalEstimate((conv.Treatment / conv.Control) - 1, rel.Low, rel.High);
        var p = StandardNormal.PValue(conv.Diff / conv.Se, Alternative.TwoSided);

        var guardrails = new List<GuardrailReadout>
        {
            Guardrail("latency_ms", Compare(latency, stratified), ReadoutPlan.LatencyTolerance, z),
            Guardrail("support_tickets", Compare(tickets, stratified), ReadoutPlan.TicketTolerance, z),
        };
        var novelty = NoveltyCheck.Check(DailyEffects(users, data.DaysObserved));
        var sequential = SequentialTest.PValue(conv.Diff, conv.Se * conv.Se, Math.Pow(data.Baseline * ReadoutPlan.PlannedRelativeMde, 2)).PValue;
        var (decision, reasons) = Decide(srm, mixP, absolute, relative, guardrails, novelty, data.DaysObserved, data.Plan.PlannedDays, p, sequential);
        return new ExperimentReadout(nc, nt, srm, mixP, stratified, conv.Control, absolute, relative,
            new IntervalEstimate(pooled.Diff, pooled.Diff - (z * pooled.Se), pooled.Diff + (z * pooled.Se)), (pooled.Treatment / pooled.Control) - 1, p, guardrails, novelty,
            data.DaysObserved, data.Plan.PlannedDays, sequential, decision, reasons);
    }

    private static GuardrailReadout Guardrail(string id, Comparison c, double tolerance, double z)
    {
        var diff = new IntervalEstimate(c.Diff, c.Diff - (z * c.Se), c.Diff + (z * c.Se));
        var limit = tolerance * c.Control;
        var verdict = diff.Low > limit ? GuardrailVerdict.Regressed : diff.High <= limit ? GuardrailVerdict.Held : GuardrailVerdict.Inconclusive;
        return new GuardrailReadout(id, c.Control, diff, limit, verdict);
    }

    private static (ReadoutDecision, IReadOnlyList<string>) Decide(
        SrmResult srm, double mixP, IntervalEstimate absolute, IntervalEstimate relative, IReadOnlyList<GuardrailReadout> guardrails,
        NoveltyResult novelty, int days, int planned, double p, double sequential)
    {
        if (srm.IsMismatch(SrmThreshold))
        {
            return (ReadoutDecision.Investigate, [$"The logged split fails the sample-ratio check (p = {srm.PValue:G3} < {SrmThreshold}): users are missing from one arm, so no lift can be trusted until the logging is fixed."]);
        }
        if (mixP < SrmThreshold)
        {
            return (ReadoutDecision.Investigate, [$"The overall split is fine but the platform mix differs between arms (χ² p = {mixP:G3}): the rollout gave platforms different treatment shares. Within platforms the lift is {Fmt.Pct(relative.Estimate, 1)}; the pooled number mixes platforms and misleads (Simpson's paradox)."]);
        }
        if (days < planned)
        {
            return (ReadoutDecision.Extend, [$"The test was stopped on day {days} of {planned}, the first day the daily check showed p = {p:G3} < 0.05. Checking every day and stopping at the first significant look inflates false positives; an always-valid (sequential) p-value is {sequential:G3}. Run it to the planned sample."]);
        }
        var reasons = new List<string>();
        var regressed = guardrails.Where(g => g.Verdict == GuardrailVerdict.Regressed).ToList();
        if (regressed.Count > 0)
        {
            return (ReadoutDecision.DontShip, [.. regressed.Select(g => $"{g.Id} regressed beyond its tolerance of {g.Tolerance:G3}: the whole interval ({g.Difference.Low:G3}, {g.Difference.High:G3}) is worse.")]);
        }
        if (novelty.Decays && absolute.Estimate > 0)
        {
            return (ReadoutDecision.Extend, [$"The daily effect fades (slope {novelty.SlopePerDay:G3} per day, p = {novelty.PValue:G3}): much of the lift is novelty, and the long-run lift is not known yet."]);
        }
        var inconclusive = guardrails.Where(g => g.Verdict == GuardrailVerdict.Inconclusive).ToList();
        if (absolute.Low > 0)
        {
            if (inconclusive.Count > 0)
            {
                return (ReadoutDecision.Extend, [$"Conversion improved, but {string.Join(" and ", inconclusive.Select(g => g.Id))} can't rule out a regression yet."]);
            }
            reasons.Add($"Conversion improved: the 95% interval of the absolute lift ({absolute.Low:G3}, {absolute.High:G3}) is above zero, and every guardrail held.");
            return (ReadoutDecision.Ship, reasons);
        }
        if (absolute.High < 0)
        {
            return (ReadoutDecision.DontShip, [$"Conversion got worse: the whole interval ({absolute.Low:G3}, {absolute.High:G3}) is below zero."]);
        }
        if (relative.High < ReadoutPlan.PlannedRelativeMde)
        {
            return (ReadoutDecision.DontShip, [$"No detectable effect, and the interval of the relative lift (up to {Fmt.Pct(relative.High, 1)}) rules out the {Fmt.Pct(ReadoutPlan.PlannedRelativeMde)} lift the test was sized for."]);
        }
        return (ReadoutDecision.Extend, ["No detectable effect yet, but the interval still includes the lift the test was sized for."]);
    }

    private sealed record Comparison(double Control, double ControlVar, double Treatment, double TreatmentVar)
    {
        public double Diff => Treatment - Control;

        public double Se => Math.Sqrt(ControlVar + TreatmentVar);
    }

    /// <summary>Count, sum and sum of squares of one metric in each platform × arm cell.</summary>
    private sealed class Cells
    {
        public double[,] N { get; } = new double[3, 2];

        public double[,] Sum { get; } = new double[3, 2];

        public double[,] Squares { get; } = new double[3, 2];

        public void Add(int platform, int arm, double value)
        {
            N[platform, arm]++;
            Sum[platform, arm] += value;
            Squares[platform, arm] += value * value;
        }
    }

    private static (Cells Conversion, Cells Latency, Cells Tickets) Tally(IReadOnlyList<ExperimentUser> users)
    {
        var (c, l, t) = (new Cells(), new Cells(), new Cells());
        foreach (var u in users)
        {
            var (k, a) = ((int)u.Platform, u.Treatment ? 1 : 0);
            c.Add(k, a, u.Converted ? 1 : 0);
            l.Add(k, a, u.LatencyMs);
            t.Add(k, a, u.Tickets);
        }
        return (c, l, t);
    }

    /// <summary>
    /// Treatment and control means with the variances of those means: pooled, or post-stratified by platform
    /// (each platform's arm means weighted by the platform's share of all users).
    /// </summary>
    private static Comparison Compare(Cells cells, bool stratified)
    {
        var strata = stratified ? [[0], [1], [2]] : new[] { new[] { 0, 1, 2 } };
        var total = 0.0;
        for (var k = 0; k < 3; k++)
        {
            total += cells.N[k, 0] + cells.N[k, 1];
        }
        double c = 0, cv = 0, t = 0, tv = 0;
        foreach (var stratum in strata)
        {
            var (mc, vc, nc) = Moments(cells, stratum, 0);
            var (mt, vt, nt) = Moments(cells, stratum, 1);
            var w = (nc + nt) / total;
            c += w * mc;
            t += w * mt;
            cv += w * w * vc / Math.Max(nc, 1);
            tv += w * w * vt / Math.Max(nt, 1);
        }
        return new Comparison(c, cv, t, tv);
    }

    /// <summary>Mean and population variance (ddof 0) of an arm over the platforms of a stratum.</summary>
    private static (double Mean, double Variance, double N) Moments(Cells cells, int[] platforms, int arm)
    {
        double n = 0, sum = 0, squares = 0;
        foreach (var k in platforms)
        {
            n += cells.N[k, arm];
            sum += cells.Sum[k, arm];
            squares += cells.Squares[k, arm];
        }
        if (n == 0)
        {
            return (double.NaN, double.NaN, 0);
        }
        var mean = sum / n;
        return (mean, Math.Max(0, (squares / n) - (mean * mean)), n);
    }

    private static List<double> DailyEffects(IReadOnlyList<ExperimentUser> users, int days)
    {
        var n = new double[days + 1, 2];
        var x = new double[days + 1, 2];
        foreach (var u in users)
        {
            if (u.Day <= days)
            {
                var a = u.Treatment ? 1 : 0;
                n[u.Day, a]++;
                x[u.Day, a] += u.Converted ? 1 : 0;
            }
        }
        var effects = new List<double>(days);
        for (var day = 1; day <= days; day++)
        {
            if (n[day, 0] > 0 && n[day, 1] > 0)
            {
                effects.Add((x[day, 1] / n[day, 1]) - (x[day, 0] / n[day, 0]));
            }
        }
        return effects;
    }
}
