using System.Diagnostics;
using System.Globalization;
using System.Text;
using DsLoop.Cases;
using DsLoop.Cases.Experiment;
using DsLoop.Cases.KpiDrop;
using DsLoop.Cases.Modeling;
using DsLoop.Stats.Modeling;

namespace DsLoop.Bench;

/// <summary>
/// Wall time to generate a case (brief plus files) and to grade a submission, per kind, at the standard
/// scale, with fresh seeds each run; prints p50/p95/max. The baseline is the same work at the tiny scale.
/// KPI-drop rows use between 5 and 10 seeds (each a fresh warehouse).
/// </summary>
internal static class CaseTiming
{
    public static async Task<int> RunAsync(int runs, string? folder, string? only = null)
    {
        folder ??= Directory.CreateTempSubdirectory("dsloop-case-bench-").FullName;
        Directory.CreateDirectory(folder);
        Console.WriteLine($"runs per row: {runs} (KPI-drop: {KpiRuns(runs)}); KPI-drop warehouses in {folder}");
        Console.WriteLine("| case | scale | step | p50 | p95 | max |");
        Console.WriteLine("|---|---|---|---:|---:|---:|");
        foreach (var scale in new[] { CaseScale.Tiny, CaseScale.Standard })
        {
            if (only is null or "experiment" or "modeling")
            {
                Others(runs, scale, only);
            }
            if (only is null or "kpi-drop")
            {
                await KpiAsync(KpiRuns(runs), scale, folder);
            }
        }
        return 0;
    }

    private static int KpiRuns(int runs) => Math.Clamp(runs, 5, 10);

    private static void Others(int runs, CaseScale scale, string? only)
    {
        if (only is null or "experiment")
        {
            Report("experiment", scale, "generate", Time(runs, i => _ = new ExperimentCase(new CaseId(CaseKind.Experiment, 1000 + (ulong)i, scale)).Files()));
            Report("experiment", scale, "grade", Time(runs, i =>
            {
                var c = new ExperimentCase(new CaseId(CaseKind.Experiment, 1000 + (ulong)i, scale));
                var json = Answer(c);
                var started = Stopwatch.GetTimestamp();
                _ = new ExperimentCase(c.Id).Grade(json);
                return Stopwatch.GetElapsedTime(started);
            }));
        }
        if (only is null or "modeling")
        {
            Report("modeling", scale, "generate", Time(runs, i => _ = new ModelingCase(new CaseId(CaseKind.Modeling, 2000 + (ulong)i, scale)).Files()));
            Report("modeling", scale, "grade", Time(runs, i =>
            {
                var c = new ModelingCase(new CaseId(CaseKind.Modeling, 2000 + (ulong)i, scale));
                var upload = Predictions(c.Data);
                var started = Stopwatch.GetTimestamp();
                _ = new ModelingCase(c.Id).Grade(upload, 0.8, "I monitor drift and retrain monthly.", null);
                return Stopwatch.GetElapsedTime(started);
            }));
        }
    }

    /// <summary>A fresh seed per run (so causes and start dates vary): build the warehouse, grade a right answer, write the CSV files.</summary>
    private static async Task KpiAsync(int runs, CaseScale scale, string folder)
    {
        var seed = (ulong)Random.Shared.NextInt64(1, 1L << 40);
        var cases = new List<(KpiDropCase Case, string Path)>();
        Report("kpi-drop", scale, "generate warehouse", Time(runs, i =>
        {
            var c = new KpiDropCase(new CaseId(CaseKind.KpiDrop, seed + (ulong)i, scale));
            var path = Path.Combine(folder, $"{c.CacheKey}.sqlite");
            File.Delete(path);
            c.BuildDataset(path);
            cases.Add((c, path));
        }));
        Console.WriteLine($"<!-- seeds {seed}..{seed + (ulong)runs - 1}: {string.Join(", ", cases.Select(c => $"{KpiDropAnswer.Slug(c.Case.Cause)} from {c.Case.Truth.ChangeStart}"))} -->");
        var grades = new List<TimeSpan>();
        foreach (var (c, path) in cases)
        {
            var json = new KpiDropAnswer(KpiDropAnswer.Slug(c.Cause), KpiDropAnswer.SegmentOf(c.Cause), c.Truth.ChangeStart, -0.1, c.Truth.EvidenceSql).ToJson();
            var started = Stopwatch.GetTimestamp();
            _ = await c.GradeAsync(path, json);
            grades.Add(Stopwatch.GetElapsedTime(started));
        }
        Report("kpi-drop", scale, "grade (reference and submitted evidence queries)", grades);
        Report("kpi-drop", scale, "write the CSV files (download)", Time(cases.Count, i =>
        {
            var csv = Path.Combine(folder, "csv");
            cases[i].Case.WriteCsv(csv);
            Directory.Delete(csv, recursive: true);
        }));
        foreach (var (_, path) in cases)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static string Answer(ExperimentCase c)
    {
        var r = c.Readout;
        var (lo, hi) = DesignGrader.AcceptedRange(c.Design);
        return new ExperimentAnswer(
            new DesignAnswer((lo + hi) / 2, DesignGrader.AcceptedDays(c.Design).Low, ["latency_ms", "support_tickets"], "user"),
            new ReadoutAnswer(new SrmAnswer(r.Srm.IsMismatch(), r.Srm.PValue),
                new EstimateAnswer(r.Absolute.Estimate, r.Absolute.Low, r.Absolute.High),
                new EstimateAnswer(r.Relative.Estimate, r.Relative.Low, r.Relative.High),
                r.Guardrails.ToDictionary(g => g.Id, g => g.Verdict.ToString().ToLowerInvariant()),
                ExperimentAnswer.Slug(r.Decision), "")).ToJson();
    }

    private static byte[] Predictions(ModelingData data)
    {
        static double[] X(ModelingRow r) => [.. r.Features.Select(v => Math.Log(1 + v))];
        var fit = LogisticRegression.Fit([.. data.Train.Select(X)], [.. data.Train.Select(r => r.Label)], l2: 1.0);
        var sb = new StringBuilder("id,probability\n");
        foreach (var row in data.Holdout)
        {
            sb.Append(row.Id.ToString(CultureInfo.InvariantCulture)).Append(',').Append(fit.Predict(X(row)).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static List<TimeSpan> Time(int runs, Action<int> step) => Time(runs, i =>
    {
        var started = Stopwatch.GetTimestamp();
        step(i);
        return Stopwatch.GetElapsedTime(started);
    });

    private static List<TimeSpan> Time(int runs, Func<int, TimeSpan> step) => [.. Enumerable.Range(0, runs).Select(step)];

    private static void Report(string kind, CaseScale scale, string step, List<TimeSpan> times)
    {
        var ms = times.Select(t => t.TotalMilliseconds).Order().ToList();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {scale.ToString().ToLowerInvariant()} | {step} | {P(0.5):0} ms | {P(0.95):0} ms | {ms[^1]:0} ms |"));
    }
}
