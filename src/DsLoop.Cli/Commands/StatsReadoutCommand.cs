using System.CommandLine;
using System.Globalization;
using DsLoop.Stats;
using DsLoop.Stats.Readout;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats readout</c>: a two-arm readout of a rate metric here, of a mean metric through <see cref="MeansReadout"/>.</summary>
internal static class StatsReadoutCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliConsole console)
    {
        var control = new Option<string?>("--control") { Description = "Control conversions, COUNT/TOTAL (a rate metric)." };
        var treatment = new Option<string?>("--treatment") { Description = "Treatment conversions, COUNT/TOTAL." };
        var means = new MeansReadout();
        var pooled = new Option<bool>("--pooled") { Description = "Use the pooled-variance z-test (default: unpooled Wald)." };
        var sequential = new Option<bool>("--sequential") { Description = "Also report the always-valid confidence sequence and p-value, safe under repeated looks." };
        var tuning = new Option<double>("--tuning") { Description = "Mixing variance τ² of the sequential test, on the squared-effect scale.", DefaultValueFactory = _ => 1e-4 };
        var sides = StatsArguments.AlternativeOption();
        var json = CliJson.Option();
        var command = new Command("readout",
            "Readout of a two-arm test: a rate metric from --control/--treatment COUNT/TOTAL (z-test), or a mean metric from summary numbers or --file arm,value[,covariate] (Welch, CUPED, bootstrap).")
        {
            control, treatment, pooled, sequential, tuning, sides, json,
        };
        foreach (var option in means.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (means.Requested(parse))
            {
                if (parse.GetValue(control) is not null || parse.GetValue(treatment) is not null)
                {
                    throw new CliException("give either --control/--treatment (a rate) or the mean-metric options (--file or --control-mean …), not both.", DsLoopCli.Usage);
                }
                return await means.RunAsync(parse, StatsArguments.ParseSides(parse.GetValue(sides)!), parse.GetValue(json), console, cancellationToken);
            }
            if (parse.GetValue(control) is null || parse.GetValue(treatment) is null)
            {
                throw new CliException("a readout needs --control and --treatment as COUNT/TOTAL, or --file, or --control-mean/--control-sd/--control-n with the treatment's three.", DsLoopCli.Usage);
            }
            var c = ParseFraction(parse.GetValue(control), "--control");
            var t = ParseFraction(parse.GetValue(treatment), "--treatment");
            var alternative = StatsArguments.ParseSides(parse.GetValue(sides)!);
            var test = parse.GetValue(pooled) ? ProportionTest.Pooled(c, t, alternative) : ProportionTest.Unpooled(c, t, alternative);
            var interval = ProportionTest.DifferenceInterval(c, t);
            var diff = t.Rate - c.Rate;
            if (parse.GetValue(tuning) is var tau2 && !(tau2 > 0))
            {
                throw new CliException($"--tuning: {tau2.ToString(Inv)} must be a positive variance.", DsLoopCli.Usage);
            }
            // Variances of each arm's rate (unpooled), shared by the relative intervals and the sequential test.
            var bothArms = c.Total > 0 && t.Total > 0;
            var (controlVariance, treatmentVariance) = bothArms ? (c.Rate * (1 - c.Rate) / c.Total, t.Rate * (1 - t.Rate) / t.Total) : (double.NaN, double.NaN);
            (Interval Delta, Interval Fieller) relativeIntervals = bothArms
                ? (RelativeLift.Delta(t.Rate, treatmentVariance, c.Rate, controlVariance), RelativeLift.Fieller(t.Rate, treatmentVariance, c.Rate, controlVariance))
                : (new Interval(double.NaN, double.NaN, "an arm is empty"), new Interval(double.NaN, double.NaN, "an arm is empty"));
            Interval? sequence = null;
            TestResult? always = null;
            if (parse.GetValue(sequential) && bothArms)
            {
                var variance = controlVariance + treatmentVariance;
                sequence = SequentialTest.ConfidenceSequence(diff, variance, tau2);
                always = SequentialTest.PValue(diff, variance, tau2);
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    controlRate = c.Rate,
                    treatmentRate = t.Rate,
                    absoluteLift = diff,
                    relativeLift = c.Rate == 0 ? (double?)null : diff / c.Rate,
                    relativeDelta = RelativeJson(relativeIntervals.Delta),
                    relativeFieller = RelativeJson(relativeIntervals.Fieller),
                    ciLow = interval.IsValid ? interval.Low : (double?)null,
                    ciHigh = interval.IsValid ? interval.High : (double?)null,
                    z = test.IsValid ? test.Statistic : (double?)null,
                    p = test.IsValid ? test.PValue : (double?)null,
                    test = parse.GetValue(pooled) ? "pooled" : "unpooled",
                    reason = test.Reason ?? interval.Reason,
                    sequentialLow = sequence is { IsValid: true } sl ? sl.Low : (double?)null,
                    sequentialHigh = sequence is { IsValid: true } sh ? sh.High : (double?)null,
                    sequentialP = always is { IsValid: true } ap ? ap.PValue : (double?)null,
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"Control {c.Rate:P3}, treatment {t.Rate:P3}: absolute lift {diff * 100:+0.###;-0.###;0} points{(c.Rate > 0 ? $" ({diff / c.Rate:+0.##%;-0.##%;0%} relative)" : "")}.");
            await console.Out.WriteLineAsync(interval.IsValid
                ? $"95% interval of the difference: [{interval.Low * 100:0.###}, {interval.High * 100:0.###}] points."
                : $"No interval: {interval.Reason}.");
            await console.Out.WriteLineAsync(RelativeText(relativeIntervals.Delta, relativeIntervals.Fieller));
            await console.Out.WriteLineAsync(test.IsValid
                ? $"{(parse.GetValue(pooled) ? "Pooled" : "Unpooled")} z = {test.Statistic:0.####}, p = {test.PValue:0.######} ({SidesText(alternative)})."
                : $"No test: {test.Reason}.");
            if (sequence is { } cs)
            {
                await console.Out.WriteLineAsync(cs.IsValid
                    ? $"Always-valid 95% sequence: [{cs.Low * 100:0.###}, {cs.High * 100:0.###}] points, p = {always!.Value.PValue:0.######} (τ² = {tau2.ToString(Inv)}); safe to check after every batch."
                    : $"No sequence: {cs.Reason}.");
            }
            return DsLoopCli.Ok;
        });
        return command;
    }

    /// <summary>A relative-lift interval as JSON, infinite bounds as null (shared with <see cref="MeansReadout"/>).</summary>
    internal static object RelativeJson(Interval interval) => new
    {
        low = double.IsFinite(interval.Low) ? interval.Low : (double?)null,
        high = double.IsFinite(interval.High) ? interval.High : (double?)null,
        reason = interval.Reason,
    };

    /// <summary>The delta-method and Fieller intervals of the relative lift as one line (shared with <see cref="MeansReadout"/>).</summary>
    internal static string RelativeText(Interval delta, Interval fieller)
    {
        static string Bounds(Interval i) => $"[{i.Low.ToString("+0.##%;-0.##%;0%", Inv)}, {i.High.ToString("+0.##%;-0.##%;0%", Inv)}]";
        var deltaText = delta.IsValid ? Bounds(delta) : $"none ({delta.Reason})";
        var fiellerText = fieller.IsValid ? Bounds(fieller) : $"none ({fieller.Reason})";
        return $"95% interval of the relative lift: delta method {deltaText}, Fieller {fiellerText}.";
    }

    private static string SidesText(Alternative alternative) => alternative switch
    {
        Alternative.TwoSided => "two-sided",
        Alternative.Larger => "one-sided, treatment larger",
        _ => "one-sided, treatment smaller",
    };

    private static Proportion ParseFraction(string? text, string option)
    {
        var parts = text?.Split('/') ?? [];
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, Inv, out var x) || !long.TryParse(parts[1], NumberStyles.None, Inv, out var n))
        {
            throw new CliException($"{option}: '{text}' is not COUNT/TOTAL, e.g. 120/1000.", DsLoopCli.Usage);
        }
        if (x > n)
        {
            throw new CliException($"{option}: {x} conversions is more than its {n} units.", DsLoopCli.Usage);
        }
        return new Proportion(x, n);
    }
}
