using System.Globalization;
using System.Text;

namespace DsLoop.Cases.Experiment;

/// <summary>Case A: design an experiment, then read out a generated one. The truth never leaves this class except through <see cref="Grade"/>.</summary>
public sealed class ExperimentCase
{
    private readonly Lazy<ExperimentData> _data;
    private readonly Lazy<ExperimentReadout> _readout;

    /// <summary>Builds the case of an id (the data is generated on first use).</summary>
    public ExperimentCase(CaseId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        Design = ExperimentScenarios.Design(id.Seed);
        _data = new(() => ExperimentData.Generate(id.Seed, id.Scale));
        _readout = new(() => ExperimentReadout.Analyse(_data.Value));
    }

    /// <summary>The case id.</summary>
    public CaseId Id { get; }

    /// <summary>The design scenario (public: it is part of the brief).</summary>
    public DesignScenario Design { get; }

    /// <summary>The generated readout data and its truth (server side only).</summary>
    internal ExperimentData Data => _data.Value;

    /// <summary>The engine's readout (server side only until the answer is in).</summary>
    internal ExperimentReadout Readout => _readout.Value;

    /// <summary>The brief in Markdown: never the truth.</summary>
    public string Brief()
    {
        var s = Design;
        var mde = s.MdeIsRelative
            ? $"{Fmt.Pct(s.Mde)} relative to the baseline"
            : $"{(s.Mde * 100).ToString("0.###", CultureInfo.InvariantCulture)} percentage points (absolute)";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Experiment case {Id}");
        sb.AppendLine();
        sb.AppendLine("## Part 1: design");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"The team wants to test {s.Change}. The primary metric is checkout conversion: the share of users who buy within 7 days of first seeing checkout.");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"* Baseline conversion: {s.Baseline.ToString("0.0##", CultureInfo.InvariantCulture)} (a 0/1 metric, so its variance per user is p(1 − p) = {(s.Baseline * (1 - s.Baseline)).ToString("0.#####", CultureInfo.InvariantCulture)}).");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* Minimum detectable effect: {mde}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* Two-sided test, α = {s.Alpha.ToString(CultureInfo.InvariantCulture)}, power {Fmt.Pct(s.Power)}; control and treatment split 50/50.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"* {s.DailyEligible.ToString("N0", CultureInfo.InvariantCulture)} eligible users a day, of whom {Fmt.Pct(s.TrafficShare)} enter the test.");
        sb.AppendLine();
        sb.AppendLine("Give the sample size per arm, the duration in whole days, the guardrails you would watch, and the randomisation unit.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Candidate metrics: {string.Join(", ", s.Guardrails.Select(g => $"`{g.Id}` ({g.Label})"))}.");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Units: {string.Join(", ", s.Units.Select(u => $"`{u}`"))}.");
        sb.AppendLine();
        sb.AppendLine("## Part 2: readout");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"A checkout test ran from {ExperimentData.Date(1)}, planned for {Data.Plan.PlannedDays} days with a 50/50 split, sized for a {Fmt.Pct(ReadoutPlan.PlannedRelativeMde)} relative lift. `users.csv` has one row per user the logs recorded: `user_id, variant, platform, exposure_date, converted, support_tickets, latency_ms` (7-day conversion, tickets in 7 days, mean checkout latency).");
        if (Data.DaysObserved < Data.Plan.PlannedDays)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"The product manager checked the dashboard every morning and stopped the test after day {Data.DaysObserved}, when it first showed p < 0.05.");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Guardrails: `latency_ms` may rise by at most {Fmt.Pct(ReadoutPlan.LatencyTolerance)} of control's mean, `support_tickets` by at most {Fmt.Pct(ReadoutPlan.TicketTolerance)}. A verdict is `held` when the whole 95% interval of the increase is within that, `regressed` when the whole interval is beyond it, else `inconclusive`.");
        sb.AppendLine();
        sb.AppendLine("Report the sample-ratio check (verdict at p < 0.001 and its p-value), the absolute and the relative lift in conversion with 95% intervals (as fractions: 0.05 for +5%), a verdict per guardrail, and a decision: `ship`, `dont-ship`, `extend` or `investigate`, with a short rationale.");
        sb.AppendLine();
        sb.AppendLine("## Answer format (JSON)");
        sb.AppendLine();
        sb.AppendLine("```json");
        sb.AppendLine(Template());
        sb.AppendLine("```");
        return sb.ToString();
    }

    /// <summary>An empty answer to fill in.</summary>
    public static string Template() => new ExperimentAnswer(
        new DesignAnswer(0, 0, ["latency_ms"], "user"),
        new ReadoutAnswer(new SrmAnswer(false, 0.5), new EstimateAnswer(0, 0, 0), new EstimateAnswer(0, 0, 0),
            new Dictionary<string, string> { ["latency_ms"] = "held", ["support_tickets"] = "held" }, "ship", "")).ToJson();

    /// <summary>The candidate's files.</summary>
    public IReadOnlyList<CaseFile> Files() => [new("users.csv", "text/csv", Data.ToCsv())];

    /// <summary>Grades an answer (JSON).</summary>
    public CaseResult Grade(string answerJson)
    {
        var answer = ExperimentAnswer.Parse(answerJson);
        var parts = DesignGrader.Grade(Design, answer.Design).Concat(ReadoutGrader.Grade(Readout, answer.Readout)).ToList();
        return new CaseResult(Id.ToString(), parts, ReferenceLines(), Explanation(), Metrics());
    }

    private Dictionary<string, double> Metrics() => new()
    {
        ["absoluteLift"] = Readout.Absolute.Estimate,
        ["relativeLift"] = Readout.Relative.Estimate,
        ["srmPValue"] = Readout.Srm.PValue,
    };

    private static string F(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The engine's readout, line by line.</summary>
    internal IReadOnlyList<string> ReferenceLines()
    {
        var r = Readout;
        var (lo, hi) = DesignGrader.AcceptedRange(Design);
        var (dlo, dhi) = DesignGrader.AcceptedDays(Design);
        var lines = new List<string>
        {
            $"Design: {lo:N0} to {hi:N0} users per arm, {dlo}{(dhi > dlo ? $" to {dhi}" : "")} days; guardrails {string.Join(", ", Design.Guardrails.Where(g => g.IsGuardrail).Select(g => g.Id))}; randomise by user.",
            $"Users: {r.ControlUsers:N0} control, {r.TreatmentUsers:N0} treatment; SRM χ² p = {F(r.Srm.PValue)}; platform-mix χ² p = {F(r.MixPValue)}.",
            $"Conversion: control {F(r.ControlRate)}; absolute lift {F(r.Absolute.Estimate)} ({F(r.Absolute.Low)}, {F(r.Absolute.High)}); relative lift {F(r.Relative.Estimate)} ({F(r.Relative.Low)}, {F(r.Relative.High)}), delta method; p = {F(r.PValue)}{(r.Stratified ? " (within platforms, weighted by platform share)" : "")}.",
        };
        if (r.Stratified)
        {
            lines.Add($"Pooled across platforms (misleading here): absolute {F(r.PooledAbsolute.Estimate)}, relative {F(r.PooledRelative)}.");
        }
        lines.AddRange(r.Guardrails.Select(g => $"{g.Id}: control mean {F(g.ControlMean)}, difference {F(g.Difference.Estimate)} ({F(g.Difference.Low)}, {F(g.Difference.High)}), tolerance +{F(g.Tolerance)}: {g.Verdict.ToString().ToLowerInvariant()}."));
        lines.Add($"Daily effect trend: slope {F(r.Novelty.SlopePerDay)} per day, p = {F(r.Novelty.PValue)}{(r.Novelty.Decays ? " (fading)" : "")}. Days observed {r.DaysObserved} of {r.PlannedDays}; always-valid p = {F(r.SequentialPValue)}.");
        lines.Add($"Decision: {ExperimentAnswer.Slug(r.Decision)}. {string.Join(" ", r.Reasons)}");
        return lines;
    }

    private string Explanation()
    {
        var p = Data.Plan;
        var truth = $"The planted long-run relative lift was {Fmt.Pct(p.RelativeLift, 1)} (true average effect over the observed days: {Data.TrueAbsoluteLift:G3} absolute, {Fmt.Pct(Data.TrueRelativeLift, 1)} relative).";
        var twist = p.Twist switch
        {
            ReadoutTwist.CleanLift => "A clean test: the split is balanced, the guardrails hold and the lift is real.",
            ReadoutTwist.NoEffect => "A clean test of a change that does nothing: any difference is noise.",
            ReadoutTwist.SampleRatioMismatch => $"Android lost the logs of {Fmt.Pct(p.LostAndroidTreatmentShare)} of its treatment users, so treatment is short of users. Check the split before any lift: compare the counts per arm to the planned 50/50 with a χ² test, then per platform to find where users went missing.",
            ReadoutTwist.Novelty => $"Users responded strongly at launch and less each day (an extra {Fmt.Pct(p.NoveltyBoost)} at launch, halving every {p.NoveltyHalfLifeDays:0.#} days). Plot the daily effect by exposure date: a falling trend means the average overstates the long-run lift.",
            ReadoutTwist.GuardrailRegression => p.LatencyChange > 0
                ? $"The new checkout is {Fmt.Pct(p.LatencyChange)} slower. Conversion rose, but latency breaks its guardrail."
                : $"The new checkout raised support tickets by {Fmt.Pct(p.TicketChange)}. Conversion rose, but tickets break their guardrail.",
            ReadoutTwist.Simpson => $"The rollout gave iOS users a {Fmt.Pct(p.IosTreatmentShare)} treatment share and web users {Fmt.Pct(1 - p.IosTreatmentShare)}. iOS converts far better, so pooled treatment looks better even though the change hurts every platform. Check the platform mix per arm and compare within platforms.",
            ReadoutTwist.Peeking => "The change does nothing. Checking the p-value every day and stopping at the first p < 0.05 makes a false positive likely; run to the planned size or use a sequential test.",
            _ => "",
        };
        return $"{twist} {truth}";
    }
}
