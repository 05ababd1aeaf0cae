using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using DsLoop.Stats.Classification;
using DsLoop.Stats.Modeling;
using DsLoop.Stats.Readout;

namespace DsLoop.Bench;

/// <summary>
/// The statistics engine on 10 million rows, on the same raw arrays that bench/stats/python_baseline.py times with
/// numpy, scipy and scikit-learn (set DSLOOP_STATS_DATA to its data folder; bench/run.sh stats does both).
/// Each benchmark starts from raw arrays, as the Python side does, so any per-arm split is part of the timing.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class StatsBenchmarks
{
    private byte[] _arm = [];
    private double[] _value = [];
    private double[] _covariate = [];
    private int[] _label = [];
    private double[] _score = [];
    private double[][] _x = [];
    private int[] _y = [];

    [GlobalSetup]
    public void Load()
    {
        var folder = Environment.GetEnvironmentVariable("DSLOOP_STATS_DATA")
            ?? throw new InvalidOperationException("Set DSLOOP_STATS_DATA to the folder bench/stats/python_baseline.py wrote.");
        _arm = File.ReadAllBytes(Path.Combine(folder, "arm.u8"));
        _value = Doubles(Path.Combine(folder, "value.f64"));
        _covariate = Doubles(Path.Combine(folder, "covariate.f64"));
        _label = [.. File.ReadAllBytes(Path.Combine(folder, "label.u8")).Select(b => (int)b)];
        _score = Doubles(Path.Combine(folder, "score.f64"));
        var flat = Doubles(Path.Combine(folder, "x.f64"));
        _x = [.. Enumerable.Range(0, flat.Length / 20).Select(i => flat.AsSpan(i * 20, 20).ToArray())];
        _y = [.. File.ReadAllBytes(Path.Combine(folder, "y.u8")).Select(b => (int)b)];
    }

    private static double[] Doubles(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();

    [Benchmark(Description = "Welch readout, 10M rows")]
    public double Welch()
    {
        SummaryStats control = new(), treatment = new();
        for (var i = 0; i < _value.Length; i++)
        {
            (_arm[i] == 1 ? treatment : control).Add(_value[i]);
        }
        return WelchTest.From(control, treatment).Test.PValue;
    }

    [Benchmark(Description = "CUPED readout, 10M rows")]
    public double CupedReadout()
    {
        PairedSummary control = new(), treatment = new();
        for (var i = 0; i < _value.Length; i++)
        {
            (_arm[i] == 1 ? treatment : control).Add(_covariate[i], _value[i]);
        }
        return Cuped.Analyse(control, treatment).Welch.Test.PValue;
    }

    [Benchmark(Description = "SRM check, 10M rows")]
    public double Srm()
    {
        long treated = 0;
        foreach (var arm in _arm)
        {
            treated += arm;
        }
        return SampleRatioMismatch.Check([_arm.Length - treated, treated]).PValue;
    }

    [Benchmark(Description = "ROC-AUC, 10M scores")]
    public double RocAuc() => ClassifierMetrics.RocAuc(_label, _score).Value;

    [Benchmark(Description = "Average precision, 10M scores")]
    public double AveragePrecision() => ClassifierMetrics.AveragePrecision(_label, _score).Value;

    [Benchmark(Description = "Logistic regression fit, 1M x 20 (IRLS)")]
    public double Logistic() => LogisticRegression.Fit(_x, _y).Coefficients[1];
}
