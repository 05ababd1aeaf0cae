namespace DsLoop.Judge.Numbers;

/// <summary>
/// "From 40% to 42% is a 2% lift": a move between two rates is 2 points or 5% relative. A bare "%" lift reads as
/// relative, as most readers take it; said in points (or "absolute") it must match the points.
/// </summary>
internal static class LiftCheck
{
    /// <summary>A stated lift may be off by this share of the true one (rounding "4.76%" to "5%" passes).</summary>
    public const double Tolerance = 0.06;

    public static CheckedClaim? Check(SentenceFacts facts)
    {
        if (facts.Move is not { } move || facts.Effect is not { } effect || !facts.EffectDescribesMove)
        {
            return null;
        }
        var (from, to) = (move.From.Share, move.To.Share);
        var points = Math.Abs(to - from);
        var relative = points / from;
        var stated = Math.Abs(effect.Value);
        var rounding = effect.Token.ShareStep / 2;
        bool Near(double truth) => Math.Abs(stated - truth) <= Math.Max(Tolerance * truth, rounding);
        var right = effect.Scale == EffectScale.Points ? points : relative;
        var fits = Near(right);
        var said = effect.Scale switch
        {
            EffectScale.Points => Figures.Points(stated),
            EffectScale.Relative => $"a {Figures.Rate(stated)} relative lift",
            _ => $"a {Figures.Rate(stated)} lift",
        };
        var span = $"From {Figures.Rate(from)} to {Figures.Rate(to)}";
        var truth = $"{span} is {Figures.Points(points)}, or {Figures.Rate(relative)} relative";
        string explanation;
        if (fits)
        {
            explanation = $"{truth}, so {said} is right.";
        }
        else if (effect.Scale == EffectScale.Unclear && Near(points))
        {
            explanation = $"{truth}: call it {Figures.Points(points)} or a {Figures.Rate(relative)} relative lift, not {said}.";
        }
        else
        {
            explanation = $"{truth}, not {said}.";
        }
        return CheckedClaim.Of(ClaimKind.Lift, facts.Sentence.Original, $"{Figures.Rate(from)} to {Figures.Rate(to)} is {said}", !fits, explanation, right);
    }
}
