using DsLoop.Stats.Design;

namespace DsLoop.Judge.Numbers;

/// <summary>
/// A sizing claim with unequal arms ("10% of sign-ups to the new flow … needs about 5,300 in treatment and 47,000 in
/// control"): the treatment size is checked against the requirement at the stated allocation ratio, Cohen's h with
/// statsmodels' <c>NormalIndPower</c> and <c>ratio</c> = control ÷ treatment. Same tolerances as the equal-arm check.
/// </summary>
internal static class AllocationCheck
{
    public static CheckedClaim? Check(AnswerContext context, int i)
    {
        var facts = context.Sentences[i];
        if (facts.ArmSizes is not { } sizes || facts.MentionsMeans || facts.Counts.Count > 0 || facts.PValue is not null || facts.CallsSignificant is not null)
        {
            return null;
        }
        if (!(facts.SizingWords || facts.NeedWords || facts.Baseline is not null || facts.Effect is not null || facts.Move is not null))
        {
            return null;
        }
        var baseline = context.NearestValue(i, f => f.Baseline);
        if (baseline is not { } b)
        {
            return null;
        }
        var effect = AnswerContext.EffectOf(facts) ?? TargetEffect(facts.Target, b) ?? context.Nearest(i, AnswerContext.EffectOf) ?? TargetEffect(context.Nearest(i, f => f.Target), b);
        if (effect is null)
        {
            return null;
        }
        var effects = DesignChecks.Readings(b, effect);
        if (effects.Count == 0)
        {
            return null;
        }
        var design = context.Design;
        var (treatment, control) = (sizes.Treatment.Value, sizes.Control.Value);
        var ratio = control / treatment;
        double Need(double delta, DesignInputs inputs) =>
            PowerAnalysis.SolveNobs1(Math.Abs(SampleSize.CohensH(b + delta, b)), inputs.Alpha, inputs.Power, ratio, inputs.Alternative);
        var required = effects.Select(e => Need(e.Delta, design)).ToList();
        var strict = SampleRequirement.IsStated(context, i);
        var upper = effects.Select(e => strict ? SampleRequirement.Overstated * Need(e.Delta, design) : DesignChecks.TooMany * Need(e.Delta, design)).ToList();
        var fits = required.Select((r, k) => treatment >= DesignChecks.TooFew * r && treatment <= upper[k]).Any(f => f);
        var need = required[0];
        var at = $"{effects[0].Words} at a {Figures.Rate(b)} baseline";
        var arms = $"{Figures.Exact(treatment)} in treatment and {Figures.Exact(control)} in control";
        var right = $"with control {Figures.Exact(Math.Round(ratio, 2))} times the treatment arm, detecting {at} with {Figures.Power(design)} needs about {Figures.Count(Math.Ceiling(need))} in treatment and {Figures.Count(Math.Ceiling(need * ratio))} in control";
        var explanation = fits
            ? $"{Cap(right)}, so {arms} holds up {Figures.Assumptions(design)}."
            : $"{Cap(right)}, not {arms} {Figures.Assumptions(design)}.";
        return CheckedClaim.Of(ClaimKind.SampleSize, facts.Sentence.Original, $"{arms} to detect {at}", !fits, explanation, [.. required.Select(Math.Ceiling)]);
    }

    private static StatedEffect? TargetEffect(NumberToken? target, double baseline) =>
        target is not null && target.Share != baseline ? new StatedEffect(target.Share - baseline, EffectScale.Points, target) : null;

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
