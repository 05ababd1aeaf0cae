using System.Globalization;
using System.Text;
using DsLoop.Stats;

namespace DsLoop.Cases.Modeling;

/// <summary>One account row: safe features, the leaky column and the label.</summary>
/// <param name="Id">Row id (random, unrelated to the label).</param>
/// <param name="Features">Safe features in <see cref="ModelingScenario.Features"/> order.</param>
/// <param name="Leak">The leaky column's value in this file.</param>
/// <param name="Label">1 for a positive.</param>
/// <param name="Segment">Index of the row's value of <see cref="ModelingScenario.Segment"/>.</param>
public sealed record ModelingRow(long Id, double[] Features, double Leak, int Label, int Segment = 0);

/// <summary>
/// A modeling take-home's data: a training snapshot and a later holdout snapshot. Safe features are computed
/// from the weeks before each snapshot; the leaky column in train was filled at export time, after the outcome,
/// while in the holdout it holds what is known at prediction time, so it says nothing about the label there.
/// </summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Train">Training rows (labels given to the candidate).</param>
/// <param name="Holdout">Holdout rows (labels kept on the server).</param>
/// <param name="Weakness">The segment planted as the baseline's weak spot (server side only).</param>
public sealed record ModelingData(ModelingScenario Scenario, IReadOnlyList<ModelingRow> Train, IReadOnlyList<ModelingRow> Holdout, PlantedWeakness Weakness)
{
    /// <summary>Training snapshot date.</summary>
    public const string TrainSnapshot = "2025-06-30";

    /// <summary>Holdout snapshot date (a later window).</summary>
    public const string HoldoutSnapshot = "2025-09-29";

    /// <summary>The label column's name.</summary>
    public string LabelColumn => Scenario.Kind switch
    {
        ModelingKind.Churn => "churned",
        ModelingKind.Upgrade => "upgraded",
        _ => "abusive",
    };

    /// <summary>Rows per file by scale.</summary>
    public static (int Train, int Holdout) SizeFor(CaseScale scale) => scale == CaseScale.Standard ? (60_000, 30_000) : (6_000, 3_000);

    /// <summary>Generates the data of a seed.</summary>
    public static ModelingData Generate(ulong seed, CaseScale scale)
    {
        var (train, holdout) = SizeFor(scale);
        return Generate(seed, ModelingScenario.For(ModelingScenario.KindFor(seed)), train, holdout);
    }

    /// <summary>Generates data for an explicit scenario and size; <paramref name="weakness"/> overrides the seed's planted weak segment.</summary>
    public static ModelingData Generate(ulong seed, ModelingScenario scenario, int trainRows, int holdoutRows, PlantedWeakness? weakness = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var weak = weakness ?? PlantedWeakness.For(seed, scenario);
        var rng = CaseRng.For(seed, "modeling-data");
        // Segments and the weak segment's hidden drivers come from their own stream, so the features of a seed stay put.
        var segmentRng = CaseRng.For(seed, "modeling-segments");
        var shares = scenario.Segment.Shares;
        var w = scenario.Features.Select(f => f.Weight).ToArray();
        // Latent drivers share a common factor (correlation 0.25), so the log-odds variance is Σw² ·0.75 + (Σw)² ·0.25.
        var variance = (0.75 * w.Sum(x => x * x)) + (0.25 * Math.Pow(w.Sum(), 2));
        var intercept = 1.7 * Math.Sqrt(1 + (variance / 2.89)) * StandardNormal.Ppf(scenario.BaseRate);
        var id = 10_000_000L + rng.Next(1_000_000);
        List<ModelingRow> Rows(int n, bool isTrain)
        {
            var rows = new List<ModelingRow>(n);
            for (var i = 0; i < n; i++)
            {
                id += 1 + rng.Next(5);
                var segment = Draw(segmentRng, shares);
                var common = rng.Normal();
                var features = new double[w.Length];
                var zs = new double[w.Length];
                for (var j = 0; j < w.Length; j++)
                {
                    var z = zs[j] = (0.5 * common) + (Math.Sqrt(0.75) * rng.Normal());
                    var f = scenario.Features[j];
                    var value = f.Level * Math.Exp(f.Scale * z);
                    features[j] = f.Level < 1 ? Math.Round(value, 2) : Math.Round(value);
                }
                if (segment == weak.Segment && weak.Error == BaselineError.RanksPoorly)
                {
                    // The weak segment's outcome follows drivers that are not in the table (same distribution, so the same rate).
                    var hidden = segmentRng.Normal();
                    for (var j = 0; j < w.Length; j++)
                    {
                        zs[j] = (0.5 * hidden) + (Math.Sqrt(0.75) * segmentRng.Normal());
                    }
                }
                var eta = intercept + (isTrain ? 0 : 0.1) + Eta(w, zs);
                if (segment == weak.Segment)
                {
                    eta += weak.Error switch
                    {
                        BaselineError.UnderPredicts => PlantedWeakness.UnderShift,
                        BaselineError.OverPredicts => -PlantedWeakness.OverShift,
                        _ => 0,
                    };
                }
                var label = rng.Bernoulli(1 / (1 + Math.Exp(-eta))) ? 1 : 0;
                rows.Add(new ModelingRow(id, features, Leak(rng, scenario.Kind, isTrain ? label : null), label, segment));
            }
            return rows;
        }
        return new ModelingData(scenario, Rows(trainRows, true), Rows(holdoutRows, false), weak);
    }

    /// <summary>The label's log-odds from the latent drivers, without the intercept.</summary>
    private static double Eta(double[] w, double[] zs)
    {
        var eta = 0.0;
        for (var j = 0; j < w.Length; j++)
        {
            eta += w[j] * zs[j];
        }
        // Effects a linear model on the columns misses (an interaction and a threshold), so better models can beat the baseline.
        return eta + (0.5 * Math.Sign(w[0] * w[1]) * zs[0] * zs[1]) + (zs[3] > 1.2 ? 0.9 * Math.Sign(w[3]) : 0) - 0.1;
    }

    private static int Draw(CaseRng rng, IReadOnlyList<double> shares)
    {
        var u = rng.Uniform();
        for (var k = 0; k < shares.Count - 1; k++)
        {
            u -= shares[k];
            if (u < 0)
            {
                return k;
            }
        }
        return shares.Count - 1;
    }

    /// <summary>The position of a named feature in each row's <see cref="ModelingRow.Features"/>.</summary>
    internal int FeatureIndex(string name)
    {
        for (var j = 0; j < Scenario.Features.Count; j++)
        {
            if (Scenario.Features[j].Name == name)
            {
                return j;
            }
        }
        throw new ArgumentException($"No feature named {name}.", nameof(name));
    }

    /// <summary>The leaky column: label-driven in train (filled after the outcome), label-free at prediction time.</summary>
    private static double Leak(CaseRng rng, ModelingKind kind, int? label) => (kind, label) switch
    {
        (ModelingKind.Churn, 1) => Math.Round(Math.Exp(3.6 + (0.5 * rng.Normal()))),
        (ModelingKind.Churn, _) => Math.Round(Math.Exp(1.2 + (0.8 * rng.Normal()))),
        (_, 1) => 1 + rng.Poisson(1),
        (_, 0) => rng.Poisson(0.05),
        _ => rng.Poisson(0.3),
    };

    /// <summary>The candidate's train.csv (with the label).</summary>
    public byte[] TrainCsv() => Csv(Train, withLabel: true, TrainSnapshot);

    /// <summary>The candidate's holdout_features.csv (no label).</summary>
    public byte[] HoldoutCsv() => Csv(Holdout, withLabel: false, HoldoutSnapshot);

    private byte[] Csv(IReadOnlyList<ModelingRow> rows, bool withLabel, string snapshot)
    {
        var sb = new StringBuilder(rows.Count * 64);
        sb.Append("id,snapshot_date,").Append(Scenario.Segment.Column);
        foreach (var f in Scenario.Features)
        {
            sb.Append(',').Append(f.Name);
        }
        sb.Append(',').Append(Scenario.LeakyColumn);
        if (withLabel)
        {
            sb.Append(',').Append(LabelColumn);
        }
        sb.Append('\n');
        foreach (var r in rows)
        {
            sb.Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append(',').Append(snapshot).Append(',').Append(Scenario.Segment.Values[r.Segment]);
            foreach (var v in r.Features)
            {
                sb.Append(',').Append(v.ToString("0.##", CultureInfo.InvariantCulture));
            }
            sb.Append(',').Append(r.Leak.ToString("0.##", CultureInfo.InvariantCulture));
            if (withLabel)
            {
                sb.Append(',').Append(r.Label);
            }
            sb.Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
