using System.Globalization;
using DsLoop.Data.Scenarios;
using DsLoop.Sql;

namespace DsLoop.Cases.KpiDrop;

/// <summary>One row of an evidence query's result.</summary>
/// <param name="Segment">affected/rest (or all/human).</param>
/// <param name="Period">before/after.</param>
/// <param name="Sessions">Sessions counted, or null when the query did not return them.</param>
/// <param name="Conversion">KPI value.</param>
public sealed record EvidenceRow(string Segment, string Period, double? Sessions, double Conversion);

/// <summary>
/// Grades a KPI-drop answer: cause and segment exactly, the start date within a day, the impact within
/// max(2 points, 30%) of the engine's, and the evidence query by running it in the sandbox: the drop must show
/// in its target segment (at least 25% down) and not in the rest (under 20%), and its segment must be the real one
/// (its session counts within 25% of the reference query's).
/// </summary>
internal sealed class KpiDropGrader(KpiDropCase kase, ISqlSandbox sandbox)
{
    public const double DropThreshold = -0.25;
    public const double RestThreshold = 0.20;
    public const double CountTolerance = 0.25;

    private KpiDropTruth Truth => kase.Truth;

    private bool Dilution => Truth.Cause == KpiDropCause.BotSurge;

    private string Target => Dilution ? "all" : "affected";

    private string Control => Dilution ? "human" : "rest";

    private string Counted => Dilution ? "human" : "affected";

    public async Task<CaseResult> GradeAsync(KpiDropAnswer answer, CancellationToken cancellationToken)
    {
        // The reference and the candidate's query read the same file on their own connections: run them side by side.
        var referenceRun = TryRunAsync(Truth.EvidenceSql, cancellationToken);
        var candidateRun = string.IsNullOrWhiteSpace(answer.EvidenceSql) ? null : TryRunAsync(answer.EvidenceSql, cancellationToken);
        var reference = await referenceRun;
        if (reference.Error is not null)
        {
            throw new InvalidOperationException("The reference evidence query failed: " + reference.Error);
        }
        var impact = OverallChange(reference.Rows);
        var parts = new List<GradedPart>
        {
            CausePart(answer.Cause),
            SegmentPart(answer.Segment),
            StartPart(answer.StartDate),
            ImpactPart(answer.Impact, impact),
            EvidencePart(candidateRun is null ? null : await candidateRun, reference.Rows),
        };
        var lines = new List<string>
        {
            $"Cause: {KpiDropAnswer.Slug(Truth.Cause)}; segment: {KpiDropAnswer.SegmentOf(Truth.Cause)} ({Truth.AffectedSegment}); from {Truth.ChangeStart} to {EffectEnd} (exclusive{(EffectEnd == Truth.ChangeEnd ? "" : ", where the logs end; it lasts beyond them")}); {(Truth.IsRealChange ? "a real change in behaviour" : "a measurement problem")}.",
            $"Overall KPI change: {Fmt.SignedPct(impact)}.",
            "Reference evidence (segment, period, sessions, conversion): " + string.Join("; ", reference.Rows.Select(r => $"{r.Segment}/{r.Period}: {r.Sessions:N0} sessions, {r.Conversion:0.0000}")),
            "Reference evidence query:\n" + Truth.EvidenceSql,
        };
        return new CaseResult(kase.Id.ToString(), parts, lines, Truth.Explanation, new Dictionary<string, double> { ["impact"] = impact });
    }

    private GradedPart CausePart(string? cause)
    {
        var right = KpiDropAnswer.Slug(Truth.Cause);
        var given = cause?.Trim().ToLowerInvariant();
        if (given == right)
        {
            return new GradedPart("Cause", 1, 1, $"Right: {right}.");
        }
        var real = Truth.IsRealChange ? "users really changed behaviour (payments move too)" : "only the measurement changed (payments are flat)";
        return new GradedPart("Cause", 0, 1, $"It was {right}, not {given ?? "nothing"}: {real}. {Truth.Explanation}");
    }

    private GradedPart SegmentPart(string? segment)
    {
        var right = KpiDropAnswer.SegmentOf(Truth.Cause);
        var given = segment?.Trim().ToLowerInvariant();
        return given == right
            ? new GradedPart("Affected segment", 1, 1, $"Right: {Truth.AffectedSegment}.")
            : new GradedPart("Affected segment", 0, 1, $"It was {right} ({Truth.AffectedSegment}), not {given ?? "nothing"}. Split the KPI by platform, country and account type before and after the drop: the segment that moves alone is the one.");
    }

    private GradedPart StartPart(string? date)
    {
        var right = DateOnly.ParseExact(Truth.ChangeStart, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var given))
        {
            return new GradedPart("Start date", 0, 1, $"Missing or not YYYY-MM-DD; it was {Truth.ChangeStart}.");
        }
        var off = given.DayNumber - right.DayNumber;
        return Math.Abs(off) <= 1
            ? new GradedPart("Start date", 1, 1, $"Right: {Truth.ChangeStart}.")
            : new GradedPart("Start date", 0, 1, $"It started on {Truth.ChangeStart}, {Math.Abs(off)} days {(off > 0 ? "before" : "after")} your date. Look at the KPI by day (in the users' local days) for the affected segment.");
    }

    /// <summary>The end of the effect as the warehouse shows it: the truth's end, or the end of the logs when that comes first.</summary>
    private string EffectEnd
    {
        get
        {
            var logsEnd = kase.LogsUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return string.CompareOrdinal(logsEnd, Truth.ChangeEnd) < 0 ? logsEnd : Truth.ChangeEnd;
        }
    }

    private static GradedPart ImpactPart(double? impact, double engine)
    {
        var tolerance = Math.Max(0.02, 0.3 * Math.Abs(engine));
        if (impact is not { } v)
        {
            return new GradedPart("Estimated impact", 0, 1, $"Missing; the KPI changed {Fmt.SignedPct(engine)}.");
        }
        if (Math.Abs(v - engine) <= tolerance)
        {
            return new GradedPart("Estimated impact", 1, 1, $"Right: the KPI changed {Fmt.SignedPct(engine)} (you said {Fmt.SignedPct(v)}).");
        }
        if (Math.Abs(-v - engine) <= tolerance)
        {
            return new GradedPart("Estimated impact", 0, 1, $"The sign is flipped: a drop is negative ({Fmt.SignedPct(engine)}).");
        }
        if (Math.Abs((v / 100) - engine) <= tolerance)
        {
            return new GradedPart("Estimated impact", 0, 1, $"That is in percent; give a fraction ({engine:+0.000;-0.000}).");
        }
        return new GradedPart("Estimated impact", 0, 1, $"The KPI changed {Fmt.SignedPct(engine)} over all sessions, against your {Fmt.SignedPct(v)}: compare the change window with the 28 days before it.");
    }

    /// <summary>
    /// The overall KPI's relative change, from the reference evidence (one query fewer than asking again): its segments
    /// split every non-test session of each period, so the overall conversion is their session-weighted mean ('all'
    /// already is the whole for a diluting cause).
    /// </summary>
    private double OverallChange(IReadOnlyList<EvidenceRow> reference)
    {
        double Overall(string period)
        {
            var rows = reference.Where(r => r.Period == period && (!Dilution || r.Segment == Target)).ToList();
            return rows.Sum(r => r.Sessions!.Value * r.Conversion) / rows.Sum(r => r.Sessions!.Value);
        }
        return (Overall("after") / Overall("before")) - 1;
    }

    private sealed record Evidence(IReadOnlyList<EvidenceRow> Rows, string? Error);

    private async Task<Evidence> TryRunAsync(string sql, CancellationToken cancellationToken)
    {
        var run = await sandbox.RunAsync(sql, null, cancellationToken);
        if (!run.Succeeded)
        {
            return new Evidence([], $"The query did not run: {run.Message ?? run.Status.ToString()}.");
        }
        int Col(string name) => run.Columns.ToList().FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        var (seg, per, ses, conv) = (Col("segment"), Col("period"), Col("sessions"), Col("conversion"));
        if (seg < 0 || per < 0 || conv < 0)
        {
            return new Evidence([], $"The result needs the columns segment, period, sessions, conversion; it has {string.Join(", ", run.Columns.Select(c => c.Name))}.");
        }
        var rows = new List<EvidenceRow>();
        foreach (var r in run.Rows)
        {
            if (r[conv] is null || r[seg] is null || r[per] is null)
            {
                continue;
            }
            rows.Add(new EvidenceRow(
                Convert.ToString(r[seg], CultureInfo.InvariantCulture)!.Trim().ToLowerInvariant(),
                Convert.ToString(r[per], CultureInfo.InvariantCulture)!.Trim().ToLowerInvariant(),
                ses >= 0 && r[ses] is not null ? Convert.ToDouble(r[ses], CultureInfo.InvariantCulture) : null,
                Convert.ToDouble(r[conv], CultureInfo.InvariantCulture)));
        }
        return new Evidence(rows, null);
    }

    private static EvidenceRow? Find(IReadOnlyList<EvidenceRow> rows, string segment, string period) =>
        rows.FirstOrDefault(r => r.Segment == segment && r.Period == period);

    /// <summary>Grades the candidate's evidence (null when no query was given) against the reference rows.</summary>
    private GradedPart EvidencePart(Evidence? e, IReadOnlyList<EvidenceRow> reference)
    {
        const string part = "Evidence query";
        if (e is null)
        {
            return new GradedPart(part, 0, 1, "Missing: give one query that shows the drop in the segment and not elsewhere.");
        }
        if (e.Error is not null)
        {
            return new GradedPart(part, 0, 1, e.Error);
        }
        var need = new[] { (Target, "before"), (Target, "after"), (Control, "before"), (Control, "after") };
        var absent = need.Where(n => Find(e.Rows, n.Item1, n.Item2) is null).Select(n => $"{n.Item1}/{n.Item2}").ToList();
        if (absent.Count > 0)
        {
            return new GradedPart(part, 0, 1, $"The result has no row for {string.Join(", ", absent)}. {(Dilution ? "" : "Label the segment you suspect 'affected' and everything else 'rest'.")}".Trim());
        }
        double Change(string segment) => (Find(e.Rows, segment, "after")!.Conversion / Find(e.Rows, segment, "before")!.Conversion) - 1;
        var target = Change(Target);
        var rest = Change(Control);
        var shown = $"{Target} {Fmt.SignedPct(target, 0)}, {Control} {Fmt.SignedPct(rest, 0)}";
        if (!(target <= DropThreshold) || !(Math.Abs(rest) < RestThreshold))
        {
            return new GradedPart(part, 0, 1, $"The query does not isolate the drop ({shown}): the {Target} segment should fall by more than {Fmt.Pct(-DropThreshold)} while {Control} moves less than {Fmt.Pct(RestThreshold)}.");
        }
        foreach (var period in new[] { "before", "after" })
        {
            var theirs = Find(e.Rows, Counted, period)!.Sessions;
            var ours = Find(reference, Counted, period)?.Sessions;
            if (theirs is null)
            {
                return new GradedPart(part, 0.5, 1, $"The drop shows ({shown}), but without a sessions column the segment can't be checked against the data.");
            }
            if (ours is { } o && Math.Abs((theirs.Value / o) - 1) > CountTolerance)
            {
                return new GradedPart(part, 0.5, 1, $"The drop shows ({shown}), but the {Counted} segment has {theirs:N0} sessions {period} where the real one has {o:N0}: the query selects a different segment or window.");
            }
        }
        return new GradedPart(part, 1, 1, $"Your query isolates the drop on this seed's data ({shown}).");
    }
}
