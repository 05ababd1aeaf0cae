using MathNet.Numerics.LinearAlgebra;

namespace DsLoop.Stats.Modeling;

/// <summary>A fitted logistic regression, or the reason no fit exists.</summary>
/// <param name="Coefficients">Intercept first, then one per feature, on the original feature scale.</param>
/// <param name="StandardErrors">Their standard errors (inverse observed information); null with L2.</param>
/// <param name="StandardisedCoefficients">Intercept and coefficients on standardised features (mean 0, population sd 1), the scale L2 acts on.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="Reason">Why there is no fit (perfect separation, a constant feature), or null.</param>
public sealed record LogisticFit(
    IReadOnlyList<double> Coefficients, IReadOnlyList<double>? StandardErrors, IReadOnlyList<double> StandardisedCoefficients, int Iterations, string? Reason)
{
    /// <summary>True when the coefficients are a converged fit.</summary>
    public bool IsValid => Reason is null;

    /// <summary>The predicted probability of 1 for one row of features.</summary>
    public double Predict(IReadOnlyList<double> features)
    {
        var eta = Coefficients[0];
        for (var j = 0; j < features.Count; j++)
        {
            eta += Coefficients[j + 1] * features[j];
        }
        return 1 / (1 + Math.Exp(-eta));
    }
}

/// <summary>
/// Logistic regression by maximum likelihood with Newton–Raphson (IRLS). Features are standardised inside
/// the fit and the coefficients mapped back. Without a penalty the fit and its standard errors match
/// statsmodels <c>Logit</c>; with <c>l2</c> = λ the objective adds λ/2·‖γ‖² on the standardised coefficients,
/// intercept unpenalised, which is scikit-learn's <c>LogisticRegression(C = 1/λ)</c> on standardised features.
/// Memory is O(features²) whatever the number of rows.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits the model; rows are feature vectors, labels are 0/1.</summary>
    public static LogisticFit Fit(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<int> labels, double l2 = 0, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count != labels.Count || rows.Count == 0)
        {
            throw new ArgumentException($"Need one label per row and at least one row; got {rows.Count} rows and {labels.Count} labels.", nameof(labels));
        }
        if (l2 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "The L2 penalty can't be negative.");
        }
        var p = rows[0].Count;
        var (mean, sd) = Standardisation(rows, labels, p);
        var constant = Array.FindIndex(sd, s => s == 0);
        if (constant >= 0)
        {
            return Failed(p, 0, $"feature {constant + 1} is constant, so its coefficient is not identified");
        }

        var gamma = Vector<double>.Build.Dense(p + 1);
        Matrix<double> information;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var (gradientSums, informationSums) = Accumulate(rows, labels, mean, sd, gamma.ToArray());
            var gradient = Vector<double>.Build.Dense(p + 1, i => gradientSums[i] - (i == 0 ? 0 : l2 * gamma[i]));
            information = Matrix<double>.Build.Dense(p + 1, p + 1, (a, b) => informationSums[(Math.Max(a, b) * (p + 1)) + Math.Min(a, b)] + (a == b && a > 0 ? l2 : 0));
            var step = information.Solve(gradient);
            gamma += step;
            if (l2 == 0 && gamma.AbsoluteMaximum() > 50)
            {
                // Coefficients of 50 standard deviations mean fitted probabilities of exactly 0 or 1: the
                // likelihood keeps rising forever instead of reaching a maximum.
                return Failed(p, iteration, "perfect separation: some combination of features splits the labels exactly, so the unpenalised maximum does not exist; fit with an L2 penalty");
            }
            if (step.AbsoluteMaximum() < 1e-12 * Math.Max(1, gamma.AbsoluteMaximum()))
            {
                return Build(gamma, information, mean, sd, l2, iteration);
            }
        }
        return Failed(p, maxIterations, $"no convergence in {maxIterations} Newton steps");
    }

    /// <summary>
    /// One Newton step's sums over the rows: the score Σ (y − p)·z and the lower triangle of Σ p(1 − p)·z·zᵀ
    /// (row-major, a·(p+1)+b for b ≤ a), z being the standardised row with a leading 1. Rows are split into fixed
    /// chunks summed in parallel and then added in chunk order, so the result does not depend on scheduling.
    /// </summary>
    private static (double[] Gradient, double[] Information) Accumulate(
        IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<int> labels, double[] mean, double[] sd, double[] gamma)
    {
        var width = gamma.Length;
        // Rows of the information matrix are padded to whole SIMD vectors; only b ≤ a is accumulated.
        var lanes = System.Numerics.Vector<double>.Count;
        var stride = (width + lanes - 1) / lanes * lanes;
        var inverseSd = sd.Select(v => 1 / v).ToArray();
        var coefficients = new double[stride];
        gamma.CopyTo(coefficients, 0);
        const int ChunkSize = 16_384;
        var chunks = (rows.Count + ChunkSize - 1) / ChunkSize;
        var gradients = new double[chunks][];
        var informations = new double[chunks][];
        Parallel.For(0, chunks, chunk =>
        {
            var gradient = new double[stride];
            var information = new double[width * stride];
            // Four rows at a time: each accumulator vector is loaded and stored once per four rows.
            const int Group = 4;
            var z = new double[Group * stride];
            var weights = new double[Group];
            var end = Math.Min(rows.Count, (chunk + 1) * ChunkSize);
            for (var first = chunk * ChunkSize; first < end; first += Group)
            {
                for (var r = 0; r < Group; r++)
                {
                    var zr = z.AsSpan(r * stride, stride);
                    var i = first + r;
                    if (i >= end)
                    {
                        zr.Clear();
                        weights[r] = 0;
                        continue;
                    }
                    zr[0] = 1;
                    var row = rows[i];
                    if (row is double[] array)
                    {
                        for (var j = 1; j < width; j++)
                        {
                            zr[j] = (array[j - 1] - mean[j - 1]) * inverseSd[j - 1];
                        }
                    }
                    else
                    {
                        for (var j = 1; j < width; j++)
                        {
                            zr[j] = (row[j - 1] - mean[j - 1]) * inverseSd[j - 1];
                        }
                    }
                    var eta = 0.0;
                    for (var k = 0; k < stride; k += lanes)
                    {
                        eta += System.Numerics.Vector.Dot(new System.Numerics.Vector<double>(zr[k..]), new System.Numerics.Vector<double>(coefficients, k));
                    }
                    var prob = 1 / (1 + Math.Exp(-eta));
                    weights[r] = prob * (1 - prob);
                    var residual = labels[i] - prob;
                    for (var k = 0; k < stride; k += lanes)
                    {
                        (new System.Numerics.Vector<double>(gradient, k) + (new System.Numerics.Vector<double>(zr[k..]) * residual)).CopyTo(gradient, k);
                    }
                }
                for (var a = 0; a < width; a++)
                {
                    double s0 = weights[0] * z[a], s1 = weights[1] * z[stride + a], s2 = weights[2] * z[(2 * stride) + a], s3 = weights[3] * z[(3 * stride) + a];
                    var offset = a * stride;
                    for (var k = 0; k <= a; k += lanes)
                    {
                        var target = information.AsSpan(offset + k, lanes);
                        var sum = new System.Numerics.Vector<double>(target)
                            + (new System.Numerics.Vector<double>(z, k) * s0)
                            + (new System.Numerics.Vector<double>(z, stride + k) * s1)
                            + (new System.Numerics.Vector<double>(z, (2 * stride) + k) * s2)
                            + (new System.Numerics.Vector<double>(z, (3 * stride) + k) * s3);
                        sum.CopyTo(target);
                    }
                }
            }
            gradients[chunk] = gradient;
            informations[chunk] = information;
        });
        var totalGradient = new double[width];
        var totalInformation = new double[width * width];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            for (var a = 0; a < width; a++)
            {
                totalGradient[a] += gradients[chunk][a];
                for (var b = 0; b <= a; b++)
                {
                    totalInformation[(a * width) + b] += informations[chunk][(a * stride) + b];
                }
            }
        }
        return (totalGradient, totalInformation);
    }

    private static (double[] Mean, double[] Sd) Standardisation(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<int> labels, int p)
    {
        var mean = new double[p];
        var m2 = new double[p];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != p)
            {
                throw new ArgumentException($"Row {i + 1} has {rows[i].Count} features; the first row has {p}.", nameof(rows));
            }
            if (labels[i] is not (0 or 1))
            {
                throw new ArgumentException($"Row {i + 1}: label {labels[i]} is not 0 or 1.", nameof(labels));
            }
            for (var j = 0; j < p; j++)
            {
                var x = rows[i][j];
                if (!double.IsFinite(x))
                {
                    throw new ArgumentException($"Row {i + 1}, feature {j + 1}: {x} is not a finite number.", nameof(rows));
                }
                var delta = x - mean[j];
                mean[j] += delta / (i + 1);
                m2[j] += delta * (x - mean[j]);
            }
        }
        return (mean, [.. m2.Select(v => Math.Sqrt(v / rows.Count))]);
    }

    private static LogisticFit Build(Vector<double> gamma, Matrix<double> information, double[] mean, double[] sd, double l2, int iterations)
    {
        var p = mean.Length;
        // β = T·γ maps standardised coefficients to the original scale: βⱼ = γⱼ/sdⱼ, β₀ = γ₀ − Σ γⱼ·meanⱼ/sdⱼ.
        var transform = Matrix<double>.Build.Dense(p + 1, p + 1);
        transform[0, 0] = 1;
        for (var j = 1; j <= p; j++)
        {
            transform[j, j] = 1 / sd[j - 1];
            transform[0, j] = -mean[j - 1] / sd[j - 1];
        }
        var beta = transform * gamma;
        double[]? errors = null;
        if (l2 == 0)
        {
            var covariance = transform * information.Inverse() * transform.Transpose();
            errors = [.. Enumerable.Range(0, p + 1).Select(i => Math.Sqrt(covariance[i, i]))];
        }
        return new LogisticFit([.. beta], errors, [.. gamma], iterations, null);
    }

    private static LogisticFit Failed(int p, int iterations, string reason) =>
        new([.. Enumerable.Repeat(double.NaN, p + 1)], null, [.. Enumerable.Repeat(double.NaN, p + 1)], iterations, reason);
}
