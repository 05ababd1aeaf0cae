using System.CommandLine;
using System.Globalization;
using DsLoop.Stats;
using DsLoop.Stats.Design;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats power</c>: sample size per arm, or the MDE or power of a sample you already have.</summary>
internal static class StatsPowerCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliConsole console)
    {
        var baseline = new Option<double?>("--baseline") { Description = "Baseline conversion rate, e.g. 0.10." };
        var sd = new Option<double?>("--sd") { Description = "Standard deviation of a mean metric (instead of --baseline)." };
        var mde = new Option<double?>("--mde") { Description = "Minimum detectable effect: absolute, or relative with --relative (omit it with --n to get the MDE)." };
        var perArm = new Option<long?>("--n") { Description = "Units in control per arm you already have: report the MDE, or with --mde the power." };
        var relative = new Option<bool>("--relative") { Description = "Read --mde relative to the baseline (0.05 = +5%)." };
        var alpha = new Option<double>("--alpha") { DefaultValueFactory = _ => 0.05, Description = "Significance level." };
        var power = new Option<double>("--power") { DefaultValueFactory = _ => 0.8, Description = "Target power." };
        var sides = StatsArguments.AlternativeOption();
        var ratio = new Option<double>("--ratio") { DefaultValueFactory = _ => 1, Description = "Treatment size as a multiple of control." };
        var arms = new Option<int>("--arms") { DefaultValueFactory = _ => 2, Description = "Arms including control." };
        var bonferroni = new Option<bool>("--bonferroni") { Description = "Split alpha across the treatment-versus-control comparisons." };
        var traffic = new Option<double?>("--daily-traffic") { Description = "Eligible units per day, to report the duration." };
        var method = new Option<string>("--method")
        {
            Description = "Sizing convention for rates: cohens-h (statsmodels NormalIndPower), pooled (pooled null variance), unpooled, or evan-miller.",
            DefaultValueFactory = _ => "cohens-h",
        };
        var json = CliJson.Option();
        var command = new Command("power", "Sample size per arm (normal approximation; for rates Cohen's h by default, or --method pooled|unpooled|evan-miller).")
        {
            baseline, sd, mde, relative, alpha, power, sides, ratio, arms, bonferroni, traffic, method, perArm, json,
        };
        command.SetAction(async (parse, _) =>
        {
            var alternative = StatsArguments.ParseSides(parse.GetValue(sides)!);
            var a = StatsArguments.Probability(parse.GetValue(alpha), "--alpha");
            var p = StatsArguments.Probability(parse.GetValue(power), "--power");
            var sizing = parse.GetValue(method) switch
            {
                "cohens-h" => ProportionSizing.CohensH,
                "pooled" => ProportionSizing.PooledNull,
                "unpooled" => ProportionSizing.Unpooled,
                "evan-miller" => ProportionSizing.EvanMiller,
                var other => throw new CliException($"--method: '{other}' is not cohens-h, pooled, unpooled or evan-miller.", DsLoopCli.Usage),
            };
            if (parse.GetValue(perArm) is { } n)
            {
                return await FixedSampleAsync(console, n, parse.GetValue(baseline), parse.GetValue(sd), parse.GetValue(mde), parse.GetValue(relative),
                    a, p, parse.GetValue(ratio), alternative, parse.GetValue(json));
            }
            var change = parse.GetValue(mde) ?? throw new CliException("--mde is required to size a test (or give --n to get the MDE of a sample you have).", DsLoopCli.Usage);
            SampleSizePlan plan;
            try
            {
                plan = (parse.GetValue(baseline), parse.GetValue(sd)) switch
                {
                    ({ } b, null) => SampleSize.ForProportions(StatsArguments.Probability(b, "--baseline"), change, parse.GetValue(relative), a, p,
                        parse.GetValue(ratio), alternative, parse.GetValue(arms), parse.GetValue(bonferroni), sizing),
                    (null, { } s) => SampleSize.ForMeans(s, change, a, p, parse.GetValue(ratio), alternative, parse.GetValue(arms), parse.GetValue(bonferroni)),
                    _ => throw new CliException("give exactly one of --baseline (a rate) or --sd (a mean metric).", DsLoopCli.Usage),
                };
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException($"--{e.ParamName}: {e.Message.Split(" (Parameter", 2)[0]}", DsLoopCli.Usage);
            }
            int? days = parse.GetValue(traffic) is { } t ? plan.DurationDays(t) : null;
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    controlPerArm = plan.ControlPerArm,
                    treatmentPerArm = plan.TreatmentPerArm,
                    arms = plan.Arms,
                    total = plan.Total,
                    effectSize = plan.EffectSize,
                    alphaPerComparison = plan.AlphaPerComparison,
                    durationDays = days,
                    method = parse.GetValue(baseline) is null ? "means" : parse.GetValue(method),
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"Control: {plan.ControlPerArm:N0} per arm; each treatment arm: {plan.TreatmentPerArm:N0}; total {plan.Total:N0} over {plan.Arms} arms.");
            await console.Out.WriteLineAsync($"Standardised effect {plan.EffectSize:0.#####}, alpha per comparison {plan.AlphaPerComparison:0.#####}.");
            if (days is { } d)
            {
                await console.Out.WriteLineAsync($"Duration: {d} day{(d == 1 ? "" : "s")} at {parse.GetValue(traffic):N0} eligible units a day (round up to whole weeks).");
            }
            return DsLoopCli.Ok;
        });
        return command;
    }

    /// <summary>The inverse questions for a sample you already have: its MDE, or its power for a given MDE (Cohen's h or d).</summary>
    private static async Task<int> FixedSampleAsync(
        CliConsole console, long n, double? baseline, double? sd, double? mde, bool relative, double alpha, double power, double ratio, Alternative alternative, bool json)
    {
        if (n < 2)
        {
            throw new CliException($"--n: {n} is too small; an arm needs at least 2 units.", DsLoopCli.Usage);
        }
        if ((baseline is null) == (sd is null))
        {
            throw new CliException("give exactly one of --baseline (a rate) or --sd (a mean metric).", DsLoopCli.Usage);
        }
        try
        {
            if (mde is { } change)
            {
                var absolute = baseline is { } b && relative ? b * change : change;
                var achieved = baseline is { } rate
                    ? DetectableEffects.PowerForProportions(StatsArguments.Probability(rate, "--baseline"), absolute, n, alpha, ratio, alternative)
                    : PowerAnalysis.Power(absolute / sd!.Value, n, alpha, ratio, alternative);
                if (json)
                {
                    await CliJson.WriteAsync(console.Out, new { controlPerArm = n, mde = absolute, power = achieved });
                }
                else
                {
                    await console.Out.WriteLineAsync($"Power to detect a change of {absolute.ToString("0.#####", Inv)} with {n:N0} in control: {achieved.ToString("0.####", Inv)}.");
                }
                return DsLoopCli.Ok;
            }
            var effect = baseline is { } rateBaseline
                ? DetectableEffects.ForProportions(StatsArguments.Probability(rateBaseline, "--baseline"), n, alpha, power, ratio, alternative)
                : DetectableEffects.ForMeans(sd!.Value, n, alpha, power, ratio, alternative);
            if (json)
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    controlPerArm = n,
                    effectSize = effect.EffectSize,
                    absoluteMde = double.IsFinite(effect.Absolute) ? effect.Absolute : (double?)null,
                    relativeMde = double.IsFinite(effect.Relative) ? effect.Relative : (double?)null,
                    reason = effect.Reason,
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync(effect.Reason is not null
                ? $"No detectable change: {effect.Reason}."
                : $"With {n:N0} in control the smallest change detectable at power {power.ToString(Inv)} is {effect.Absolute.ToString("0.#####", Inv)}"
                  + (double.IsFinite(effect.Relative) ? $" ({effect.Relative.ToString("0.##%", Inv)} relative)." : "."));
            return DsLoopCli.Ok;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliException($"--{e.ParamName}: {e.Message.Split(" (Parameter", 2)[0]}", DsLoopCli.Usage);
        }
    }
}
