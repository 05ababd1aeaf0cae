using System.CommandLine;
using System.Globalization;
using DsLoop.Stats;
using DsLoop.Stats.Design;
using DsLoop.Stats.Readout;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats</c>: the statistics engine from the terminal, for checking your own numbers.</summary>
internal static class StatsCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliConsole console)
    {
        var command = new Command("stats", "Analyse your own experiment: power and sample size, readouts, sample-ratio checks, p-value adjustment.");
        command.Subcommands.Add(Power(console));
        command.Subcommands.Add(Readout(console));
        command.Subcommands.Add(Srm(console));
        command.Subcommands.Add(Adjust(console));
        command.Subcommands.Add(Classify(console));
        return command;
    }

    private static Option<string> AlternativeOption() => new("--sides")
    {
        Description = "2 for two-sided, 'larger' or 'smaller' for one-sided.",
        DefaultValueFactory = _ => "2",
    };

    private static Alternative ParseSides(string value) => value switch
    {
        "2" or "two-sided" => Alternative.TwoSided,
        "1" or "larger" => Alternative.Larger,
        "smaller" => Alternative.Smaller,
        _ => throw new CliException($"--sides: '{value}' is not 2, larger or smaller.", DsLoopCli.Usage),
    };

    private static double Probability(double value, string option, bool open = true)
    {
        var bad = open ? value is <= 0 or >= 1 : value is < 0 or > 1;
        return bad || double.IsNaN(value)
            ? throw new CliException($"{option}: {value.ToString(Inv)} is not a probability {(open ? "strictly between 0 and 1" : "in [0, 1]")}.", DsLoopCli.Usage)
            : value;
    }

    private static Command Power(CliConsole console)
    {
        var baseline = new Option<double?>("--baseline") { Description = "Baseline conversion rate, e.g. 0.10." };
        var sd = new Option<double?>("--sd") { Description = "Standard deviation of a mean metric (instead of --baseline)." };
        var mde = new Option<double?>("--mde") { Description = "Minimum detectable effect: absolute, or relative with --relative (omit it with --n to get the MDE)." };
        var perArm = new Option<long?>("--n") { Description = "Units in control per arm you already have: report the MDE, or with --mde the power." };
        var relative = new Option<bool>("--relative") { Description = "Read --mde relative to the baseline (0.05 = +5%)." };
        var alpha = new Option<double>("--alpha") { DefaultValueFactory = _ => 0.05, Description = "Significance level." };
        var power = new Option<double>("--power") { DefaultValueFactory = _ => 0.8, Description = "Target power." };
        var sides = AlternativeOption();
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
            var alternative = ParseSides(parse.GetValue(sides)!);
            var a = Probability(parse.GetValue(alpha), "--alpha");
            var p = Probability(parse.GetValue(power), "--power");
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
                    ({ } b, null) => SampleSize.ForProportions(Probability(b, "--baseline"), change, parse.GetValue(relative), a, p,
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
                    ? DetectableEffects.PowerForProportions(Probability(rate, "--baseline"), absolute, n, alpha, ratio, alternative)
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
                ? DetectableEffects.ForProportions(Probability(rateBaseline, "--baseline"), n, alpha, power, ratio, alternative)
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

    internal static object RelativeJson(Interval interval) => new
    {
        low = double.IsFinite(interval.Low) ? interval.Low : (double?)null,
        high = double.IsFinite(interval.High) ? interval.High : (double?)null,
        reason = interval.Reason,
    };

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

    private static Command Readout(CliConsole console)
    {
        var control = new Option<string?>("--control") { Description = "Control conversions, COUNT/TOTAL (a rate metric)." };
        var treatment = new Option<string?>("--treatment") { Description = "Treatment conversions, COUNT/TOTAL." };
        var means = new MeansReadout();
        var pooled = new Option<bool>("--pooled") { Description = "Use the pooled-variance z-test (default: unpooled Wald)." };
        var sequential = new Option<bool>("--sequential") { Description = "Also report the always-valid confidence sequence and p-value, safe under repeated looks." };
        var tuning = new Option<double>("--tuning") { Description = "Mixing variance τ² of the sequential test, on the squared-effect scale.", DefaultValueFactory = _ => 1e-4 };
        var sides = AlternativeOption();
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
                return await means.RunAsync(parse, ParseSides(parse.GetValue(sides)!), parse.GetValue(json), console, cancellationToken);
            }
            if (parse.GetValue(control) is null || parse.GetValue(treatment) is null)
            {
                throw new CliException("a readout needs --control and --treatment as COUNT/TOTAL, or --file, or --control-mean/--control-sd/--control-n with the treatment's three.", DsLoopCli.Usage);
            }
            var c = ParseFraction(parse.GetValue(control), "--control");
            var t = ParseFraction(parse.GetValue(treatment), "--treatment");
            var alternative = ParseSides(parse.GetValue(sides)!);
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

    private static List<double> ParseList(string? text, string option) =>
        [.. (text ?? "").Split(',', StringSplitOptions.TrimEntries).Select((v, i) => double.TryParse(v, NumberStyles.Float, Inv, out var x)
            ? x : throw new CliException($"{option}: item {i + 1} ('{v}') is not a number.", DsLoopCli.Usage))];

    private static Command Srm(CliConsole console)
    {
        var counts = new Option<string>("--counts") { Description = "Units per arm, comma-separated, control first.", Required = true };
        var weights = new Option<string?>("--weights") { Description = "Planned weights, comma-separated (default: equal)." };
        var json = CliJson.Option();
        var command = new Command("srm", "Sample-ratio mismatch: chi-square of arm counts against the planned split.") { counts, weights, json };
        command.SetAction(async (parse, _) =>
        {
            var n = ParseList(parse.GetValue(counts), "--counts");
            if (n.Any(x => x < 0 || x != Math.Floor(x)))
            {
                throw new CliException("--counts: every count must be a whole number of units, 0 or more.", DsLoopCli.Usage);
            }
            var w = parse.GetValue(weights) is { } text ? ParseList(text, "--weights") : null;
            SrmResult result;
            try
            {
                result = SampleRatioMismatch.Check([.. n.Select(x => (long)x)], w);
            }
            catch (ArgumentException e)
            {
                throw new CliException($"--{(e.ParamName == "weights" ? "weights" : "counts")}: {e.Message.Split(" (Parameter", 2)[0]}", DsLoopCli.Usage);
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    chiSquare = result.Reason is null || double.IsFinite(result.ChiSquare) ? result.ChiSquare : (double?)null,
                    degreesOfFreedom = result.DegreesOfFreedom,
                    p = double.IsNaN(result.PValue) ? (double?)null : result.PValue,
                    expected = result.Expected,
                    mismatch = result.IsMismatch(),
                    reason = result.Reason,
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"chi-square = {result.ChiSquare:0.####} on {result.DegreesOfFreedom} df, p = {result.PValue:G4}; expected {string.Join(", ", result.Expected.Select(e => e.ToString("0.#", Inv)))}.");
            await console.Out.WriteLineAsync(result.Reason is { } reason ? $"Not trustworthy: {reason}."
                : result.IsMismatch() ? "Sample-ratio MISMATCH (p < 0.001): find the assignment or logging bug before reading any metric." : "No sample-ratio mismatch at p < 0.001.");
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static Command Classify(CliConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV with a header and columns label (0/1) and score (probability of 1).", Required = true };
        var precision = new Option<double>("--precision") { Description = "Report the recall reachable at this precision.", DefaultValueFactory = _ => 0.8 };
        var casesPerDay = new Option<double?>("--cases-per-day") { Description = "Cases scored per day (with --capacity: the threshold that fits the review team)." };
        var capacity = new Option<double?>("--capacity") { Description = "Cases the review team can handle per day." };
        var costFp = new Option<double?>("--cost-fp") { Description = "Cost of a false positive (with --cost-fn: the cost-minimising threshold)." };
        var costFn = new Option<double?>("--cost-fn") { Description = "Cost of a false negative." };
        var json = CliJson.Option();
        var command = new Command("classify", "Evaluate a classifier's scores: ROC-AUC, average precision, Brier, log loss, ECE, recall at a precision, and thresholds for a review capacity or a cost matrix.")
        {
            file, precision, casesPerDay, capacity, costFp, costFn, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var minPrecision = Probability(parse.GetValue(precision), "--precision", open: false);
            if ((parse.GetValue(casesPerDay) is null) != (parse.GetValue(capacity) is null))
            {
                throw new CliException("--cases-per-day and --capacity go together.", DsLoopCli.Usage);
            }
            if ((parse.GetValue(costFp) is null) != (parse.GetValue(costFn) is null))
            {
                throw new CliException("--cost-fp and --cost-fn go together.", DsLoopCli.Usage);
            }
            if (parse.GetValue(casesPerDay) is <= 0 || parse.GetValue(capacity) is < 0)
            {
                throw new CliException(parse.GetValue(casesPerDay) is <= 0 ? "--cases-per-day: must be positive." : "--capacity: can't be negative.", DsLoopCli.Usage);
            }
            var (labels, scores) = await ReadPredictionsAsync(parse.GetValue(file)!, cancellationToken);
            var points = new List<(string Name, Stats.Classification.OperatingPoint Point)>();
            if (parse.GetValue(casesPerDay) is { } volume && parse.GetValue(capacity) is { } reviews)
            {
                points.Add(("capacity", Stats.Classification.OperatingPoints.ForCapacity(scores, volume, reviews, labels)));
            }
            if (parse.GetValue(costFp) is { } fpCost && parse.GetValue(costFn) is { } fnCost)
            {
                points.Add(("minimumCost", Stats.Classification.OperatingPoints.MinimumCost(labels, scores, new Stats.Classification.CostMatrix(fpCost, fnCost))));
            }
            var metrics = new (string Name, Stats.Classification.Metric Value)[]
            {
                ("rocAuc", Stats.Classification.ClassifierMetrics.RocAuc(labels, scores)),
                ("averagePrecision", Stats.Classification.ClassifierMetrics.AveragePrecision(labels, scores)),
                ("brier", Stats.Classification.ClassifierMetrics.Brier(labels, scores)),
                ("logLoss", Stats.Classification.ClassifierMetrics.LogLoss(labels, scores)),
                ("ece", Stats.Classification.ClassifierMetrics.ExpectedCalibrationError(labels, scores)),
                ("recallAtPrecision", Stats.Classification.ClassifierMetrics.RecallAtPrecision(labels, scores, minPrecision)),
            };
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    rows = labels.Count,
                    positives = labels.Sum(),
                    precisionTarget = minPrecision,
                    metrics = metrics.ToDictionary(m => m.Name, m => m.Value.IsDefined ? m.Value.Value : (double?)null),
                    undefined = metrics.Where(m => !m.Value.IsDefined).ToDictionary(m => m.Name, m => m.Value.Reason),
                    thresholds = points.ToDictionary(p => p.Name, p => new
                    {
                        threshold = double.IsFinite(p.Point.Threshold) ? p.Point.Threshold : (double?)null,
                        flagged = p.Point.Flagged,
                        flaggedPerDay = double.IsFinite(p.Point.FlaggedPerDay) ? p.Point.FlaggedPerDay : (double?)null,
                        precision = p.Point.Precision,
                        recall = p.Point.Recall,
                        meanCost = double.IsFinite(p.Point.Cost) ? p.Point.Cost : (double?)null,
                        note = p.Point.Note,
                    }),
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"{labels.Count:N0} rows, {labels.Sum():N0} positive ({(double)labels.Sum() / labels.Count:P2}).");
            foreach (var (name, value) in metrics)
            {
                var label = name == "recallAtPrecision" ? $"recall at precision ≥ {minPrecision.ToString(Inv)}" : name;
                await console.Out.WriteLineAsync($"  {label,-28} {(value.IsDefined ? value.Value.ToString("0.######", Inv) : $"undefined: {value.Reason}")}");
            }
            foreach (var (name, point) in points)
            {
                var cut = double.IsFinite(point.Threshold) ? $"score ≥ {point.Threshold.ToString("0.######", Inv)}" : "flag nothing";
                var perDay = double.IsFinite(point.FlaggedPerDay) ? $", about {point.FlaggedPerDay.ToString("0.#", Inv)} a day" : "";
                var cost = double.IsFinite(point.Cost) ? $", mean cost {point.Cost.ToString("0.####", Inv)} per case" : "";
                await console.Out.WriteLineAsync($"{(name == "capacity" ? "Threshold for the review capacity" : "Cost-minimising threshold")}: {cut}: flags {point.Flagged:N0} of {point.Rows:N0}{perDay}; precision {point.Precision.ToString("0.###", Inv)}, recall {point.Recall.ToString("0.###", Inv)}{cost}.{(point.Note is null ? "" : $" ({point.Note})")}");
            }
            return DsLoopCli.Ok;
        });
        return command;
    }

    /// <summary>Reads label,score rows; every problem names its line.</summary>
    private static async Task<(List<int> Labels, List<double> Scores)> ReadPredictionsAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"--file: {file.FullName} does not exist.");
        }
        using var reader = file.OpenText();
        var header = (await reader.ReadLineAsync(cancellationToken))?.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList();
        var labelColumn = header?.IndexOf("label") ?? -1;
        var scoreColumn = header?.IndexOf("score") ?? -1;
        if (labelColumn < 0 || scoreColumn < 0)
        {
            throw new CliException($"{file.Name}: line 1 must be a header with 'label' and 'score' columns; found '{string.Join(",", header ?? [])}'.", DsLoopCli.Usage);
        }
        var labels = new List<int>();
        var scores = new List<double>();
        await foreach (var (lineNumber, cells) in CsvRows.ReadAsync(reader, file, header!.Count, cancellationToken))
        {
            var labelText = cells[labelColumn].Trim();
            if (labelText is not ("0" or "1"))
            {
                throw new CliException($"{file.Name}: line {lineNumber}: label '{labelText}' is not 0 or 1.", DsLoopCli.Usage);
            }
            if (!double.TryParse(cells[scoreColumn].Trim(), NumberStyles.Float, Inv, out var score) || score is < 0 or > 1 || double.IsNaN(score))
            {
                throw new CliException($"{file.Name}: line {lineNumber}: score '{cells[scoreColumn].Trim()}' is not a probability in [0, 1].", DsLoopCli.Usage);
            }
            labels.Add(labelText == "1" ? 1 : 0);
            scores.Add(score);
        }
        return labels.Count == 0 ? throw new CliException($"{file.Name}: no rows after the header.", DsLoopCli.Usage) : (labels, scores);
    }

    private static Command Adjust(CliConsole console)
    {
        var method = new Option<string>("--method") { Description = "holm or bh.", Required = true };
        method.AcceptOnlyFromAmong("holm", "bh");
        var p = new Option<string>("--p") { Description = "p-values, comma-separated.", Required = true };
        var json = CliJson.Option();
        var command = new Command("adjust", "Adjust p-values for multiple comparisons (Holm or Benjamini-Hochberg), in the order given.") { method, p, json };
        command.SetAction(async (parse, _) =>
        {
            var values = ParseList(parse.GetValue(p), "--p");
            for (var i = 0; i < values.Count; i++)
            {
                Probability(values[i], $"--p item {i + 1}", open: false);
            }
            var adjusted = parse.GetValue(method) == "holm" ? MultipleTesting.Holm(values) : MultipleTesting.BenjaminiHochberg(values);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { method = parse.GetValue(method), p = values, adjusted });
                return DsLoopCli.Ok;
            }
            for (var i = 0; i < values.Count; i++)
            {
                await console.Out.WriteLineAsync($"{values[i].ToString("G6", Inv),-12} → {adjusted[i].ToString("G6", Inv)}");
            }
            return DsLoopCli.Ok;
        });
        return command;
    }
}
