using DsLoop.Stats.Modeling;
using Xunit;

namespace DsLoop.Stats.Tests;

public sealed class LogisticRegressionTests
{
    public static TheoryData<string> Names() => [.. Fixtures.Cases("logistic.json").Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Fit_matches_statsmodels_logit_and_scikit_learn_l2(string name)
    {
        var c = Fixtures.Cases("logistic.json").Single(x => x.GetProperty("name").GetString() == name);
        IReadOnlyList<IReadOnlyList<double>> rows = [.. c.GetProperty("x").EnumerateArray().Select(r => (IReadOnlyList<double>)[.. r.EnumerateArray().Select(v => v.GetDouble())])];
        int[] labels = [.. c.GetProperty("y").EnumerateArray().Select(v => v.GetInt32())];

        var plain = LogisticRegression.Fit(rows, labels);
        if (c.Has("separable"))
        {
            Assert.False(plain.IsValid);
            Assert.Contains("perfect separation", plain.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(plain.IsValid, plain.Reason);
            var coefficients = c.GetProperty("coefficients").EnumerateArray().Select(v => v.GetDouble()).ToList();
            var errors = c.GetProperty("standardErrors").EnumerateArray().Select(v => v.GetDouble()).ToList();
            for (var j = 0; j < coefficients.Count; j++)
            {
                // Both are exact maxima of the same likelihood; 1e-8 leaves room for the two solvers' last steps.
                Fixtures.Near(coefficients[j], plain.Coefficients[j], 1e-8, 1e-10, $"{name} β{j}");
                Fixtures.Near(errors[j], plain.StandardErrors![j], 1e-8, 1e-12, $"{name} se{j}");
            }
        }

        var penalised = LogisticRegression.Fit(rows, labels, l2: 1 / c.D("l2C"));
        Assert.True(penalised.IsValid, penalised.Reason);
        var expected = c.GetProperty("l2StandardisedCoefficients").EnumerateArray().Select(v => v.GetDouble()).ToList();
        for (var j = 0; j < expected.Count; j++)
        {
            // scikit-learn's newton-cg stops at its own precision floor (about 1e-8 here).
            Fixtures.Near(expected[j], penalised.StandardisedCoefficients[j], 1e-6, 1e-8, $"{name} L2 γ{j}");
        }
    }

    [Fact]
    public void Constant_feature_and_bad_rows_are_reported()
    {
        IReadOnlyList<IReadOnlyList<double>> rows = [[1.0, 2.0], [1.0, 3.0], [1.0, 1.0]];
        Assert.Contains("feature 1 is constant", LogisticRegression.Fit(rows, [0, 1, 0]).Reason, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => LogisticRegression.Fit([[1.0], [double.NaN]], [0, 1]));
        Assert.Contains("Row 2, feature 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predictions_follow_the_fitted_coefficients()
    {
        var random = new Random(3);
        var rows = new List<IReadOnlyList<double>>();
        var labels = new List<int>();
        for (var i = 0; i < 5000; i++)
        {
            var x = (random.NextDouble() * 4) - 2;
            rows.Add([x]);
            labels.Add(random.NextDouble() < 1 / (1 + Math.Exp(-(0.5 + (1.5 * x)))) ? 1 : 0);
        }
        var fit = LogisticRegression.Fit(rows, labels);
        Assert.InRange(fit.Coefficients[1], 1.3, 1.7);
        Assert.Equal(1 / (1 + Math.Exp(-(fit.Coefficients[0] + fit.Coefficients[1]))), fit.Predict([1.0]), 12);
    }
}
