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
        var penalty = Matrix<double>.Build.DenseDiagonal(p + 1, p + 1, i => i == 0 ? 0 : l2);
        Matrix<double> information = penalty;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var gradient = -(penalty * gamma);
            information = penalty.Clone();
            var z = new double[p + 1];
            foreach (var (row, label) in rows.Zip(labels))
            {
                z[0] = 1;
                for (var j = 0; j < p; j++)
                {
                    z[j + 1] = (row[j] - mean[j]) / sd[j];
                }
                var eta = 0.0;
                for (var j = 0; j <= p; j++)
                {
                    eta += gamma[j] * z[j];
                }
                var prob = 1 / (1 + Math.Exp(-eta));
                var weight = prob * (1 - prob);
                for (var a = 0; a <= p; a++)
                {
                    gradient[a] += (label - prob) * z[a];
                    for (var b = 0; b <= a; b++)
                    {
                        information[a, b] += weight * z[a] * z[b];
                    }
                }
            }
            for (var a = 0; a <= p; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    information[b, a] = information[a, b];
                }
            }
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
