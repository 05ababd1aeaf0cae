using System.Globalization;

namespace DsLoop.Cases.Experiment;

/// <summary>
/// Grades the readout half against the engine's <see cref="ExperimentReadout"/>. Estimates must sit within a
/// tenth of the engine's interval half-width (bounds within 15%), which accepts Wald, Newcombe and Fieller style
/// intervals at these sizes and rejects the wrong quantity; known wrong quantities are named.
/// </summary>
public static class ReadoutGrader
{
    /// <summary>Grades the readout parts.</summary>
    public static IReadOnlyList<GradedPart> Grade(ExperimentReadout r, ReadoutAnswer? a) =>
    [
        Srm(r, a?.Srm),
        Lift("Absolute lift and 95% CI", r.Absolute, a?.AbsoluteLift, r, absolute: true),
        Lift("Relative lift and 95% CI", r.Relative, a?.RelativeLift, r, absolute: false),
        Guardrails(r, a?.Guardrails),
        Decision(r, a?.Decision),
    ];

    private static string F(double x) => x.ToString("G4", CultureInfo.InvariantCulture);

    private static GradedPart Srm(ExperimentReadout r, SrmAnswer? a)
    {
        const string part = "Sample-ratio check";
        var mismatch = r.Srm.IsMismatch(ExperimentReadout.SrmThreshold);
        var engine = $"engine: {r.ControlUsers:N0} control vs {r.TreatmentUsers:N0} treatment, χ² p = {F(r.Srm.PValue)}, {(mismatch ? "a mismatch" : "no mismatch")} at p < {ExperimentReadout.SrmThreshold}";
        if (a is null)
        {
            return new GradedPart(part, 0, 1, $"Missing ({engine}).");
        }
        var points = 0.0;
        var notes = new List<string>();
        if (a.Mismatch == mismatch)
        {
            points += 0.5;
        }
        else
        {
            notes.Add(mismatch ? "You missed the mismatch: one arm is short of users, so the logging lost people non-randomly." : "There is no mismatch: a split this close to 50/50 is what chance gives.");
        }
        if (a.PValue is { } p && (Math.Abs(p - r.Srm.PValue) <= Math.Max(0.01, 0.15 * r.Srm.PValue) || (p < 0.001 && r.Srm.PValue < 0.001)))
        {
            points += 0.5;
        }
        else
        {
            notes.Add(a.PValue is null ? "The p-value is missing." : $"Your p-value {F(a.PValue.Value)} is not the χ² goodness-of-fit p-value of the logged counts against 50/50.");
        }
        return new GradedPart(part, points, 1, string.Join(" ", [points == 1 ? "Right." : "", .. notes, $"({engine})."]).Trim());
    }

    private static bool Close(double? value, double target, double tolerance) => value is { } v && Math.Abs(v - target) <= tolerance;

    private static GradedPart Lift(string part, IntervalEstimate engine, EstimateAnswer? a, ExperimentReadout r, bool absolute)
    {
        var shown = $"engine: {F(engine.Estimate)} ({F(engine.Low)}, {F(engine.High)})";
        if (a?.Estimate is not { } est)
        {
            return new GradedPart(part, 0, 1, $"Missing ({shown}).");
        }
        var tolEstimate = Math.Max(0.1 * engine.HalfWidth, 1e-6);
        var tolBound = Math.Max(0.15 * engine.HalfWidth, 1e-6);
        if (Close(est, engine.Estimate, tolEstimate))
        {
            if (Close(a.Low, engine.Low, tolBound) && Close(a.High, engine.High, tolBound))
            {
                return new GradedPart(part, 1, 1, $"Right ({shown}).");
            }
            var width = (a.High ?? double.NaN) - (a.Low ?? double.NaN);
            var hint = width < engine.High - engine.Low ? "too narrow (a 90% level or a one-sided bound?)" : "too wide or off-centre";
            return new GradedPart(part, 0.5, 1, $"The estimate is right but the interval is {hint} ({shown}).");
        }
        var other = absolute ? r.Relative.Estimate : r.Absolute.Estimate;
        var pooled = absolute ? r.PooledAbsolute.Estimate : r.PooledRelative;
        string mistake;
        if (r.Stratified && Close(est, pooled, tolEstimate))
        {
            mistake = "That is the pooled number. The platform mix differs between arms, so compare within platforms and weight by platform share: pooling mixes platforms with very different conversion and can even flip the sign (Simpson's paradox).";
        }
        else if (Close(est, -engine.Estimate, tolEstimate))
        {
            mistake = "The sign is flipped: the lift is treatment minus control.";
        }
        else if (Close(est, engine.Estimate * 100, tolEstimate * 100))
        {
            mistake = "That is in percent; give a fraction (0.05 for +5%).";
        }
        else if (Math.Abs(est - other) <= 0.1 * Math.Abs(other) + 1e-9)
        {
            mistake = absolute ? "That is the relative lift; the absolute lift is the difference of the two conversion rates." : "That is the absolute lift; the relative lift divides it by control's conversion.";
        }
        else
        {
            mistake = "The estimate does not match the data.";
        }
        return new GradedPart(part, 0, 1, $"{mistake} ({shown}).");
    }

    private static GradedPart Guardrails(ExperimentReadout r, IReadOnlyDictionary<string, string>? a)
    {
        const string part = "Guardrail verdicts";
        var points = 0.0;
        var notes = new List<string>();
        foreach (var g in r.Guardrails)
        {
            var given = a is not null && a.TryGetValue(g.Id, out var text) ? ExperimentAnswer.ParseVerdict(text) : null;
            var line = $"{g.Id}: engine says {g.Verdict.ToString().ToLowerInvariant()} (difference {F(g.Difference.Estimate)}, CI ({F(g.Difference.Low)}, {F(g.Difference.High)}), tolerance +{F(g.Tolerance)})";
            if (given == g.Verdict)
            {
                points += 1.0 / r.Guardrails.Count;
                notes.Add($"{line}: right.");
            }
            else
            {
                notes.Add($"{line}: you said {(given?.ToString().ToLowerInvariant() ?? "nothing")}.");
            }
        }
        return new GradedPart(part, Math.Round(points, 3), 1, string.Join(" ", notes));
    }

    private static GradedPart Decision(ExperimentReadout r, string? text)
    {
        const string part = "Decision";
        var given = ExperimentAnswer.ParseDecision(text);
        var engine = ExperimentAnswer.Slug(r.Decision);
        var why = string.Join(" ", r.Reasons);
        return given == r.Decision
            ? new GradedPart(part, 1, 1, $"Right: {engine}. {why}")
            : new GradedPart(part, 0, 1, $"The engine says {engine}, you said {(given is { } g ? ExperimentAnswer.Slug(g) : "nothing usable")}. {why}");
    }
}
