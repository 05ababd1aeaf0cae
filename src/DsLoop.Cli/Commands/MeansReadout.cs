using System.CommandLine;
using System.Globalization;
using DsLoop.Stats;
using DsLoop.Stats.Readout;

namespace DsLoop.Cli.Commands;

/// <summary>
/// The mean-metric side of <c>dsloop stats readout</c>: Welch from summary numbers, or Welch, CUPED and an
/// optional bootstrap from a CSV of <c>arm,value[,covariate]</c> rows. Without a bootstrap the file is streamed.
/// </summary>
internal sealed class MeansReadout
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public Option<double?> ControlMean { get; } = new("--control-mean") { Description = "Control mean (with --control-sd and --control-n, for a mean metric)." };
    public Option<double?> ControlSd { get; } = new("--control-sd") { Description = "Control sample standard deviation." };
    public Option<long?> ControlN { get; } = new("--control-n") { Description = "Control units." };
    public Option<double?> TreatmentMean { get; } = new("--treatment-mean") { Description = "Treatment mean." };
    public Option<double?> TreatmentSd { get; } = new("--treatment-sd") { Description = "Treatment sample standard deviation." };
    public Option<long?> TreatmentN { get; } = new("--treatment-n") { Description = "Treatment units." };
    public Option<FileInfo?> File { get; } = new("--file") { Description = "CSV with a header and columns arm,value[,covariate]: Welch, and CUPED when a covariate column is present." };
    public Option<string> ControlArm { get; } = new("--control-arm") { Description = "The arm label of control in --file.", DefaultValueFactory = _ => "control" };
    public Option<string?> BootstrapMethod { get; } = new("--bootstrap") { Description = "Also a bootstrap interval of the difference in means: percentile or bca (reads --file into memory)." };
    public Option<int> Resamples { get; } = new("--resamples") { Description = "Bootstrap resamples.", DefaultValueFactory = _ => 10_000 };
    public Option<int> Seed { get; } = new("--seed") { Description = "Bootstrap seed; the same seed gives the same interval.", DefaultValueFactory = _ => 1 };

    public IEnumerable<Option> All => [ControlMean, ControlSd, ControlN, TreatmentMean, TreatmentSd, TreatmentN, File, ControlArm, BootstrapMethod, Resamples, Seed];

    public bool Requested(ParseResult parse) =>
        parse.GetValue(File) is not null || parse.GetValue(ControlMean) is not null || parse.GetValue(TreatmentMean) is not null;

    public async Task<int> RunAsync(ParseResult parse, Alternative alternative, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        if (parse.GetValue(File) is { } file)
        {
            return await FromFileAsync(parse, file, alternative, json, console, cancellationToken);
        }
        var cMean = Need(parse.GetValue(ControlMean), "--control-mean");
        var cSd = NonNegative(Need(parse.GetValue(ControlSd), "--control-sd"), "--control-sd");
        var cN = Need(parse.GetValue(ControlN), "--control-n");
        var tMean = Need(parse.GetValue(TreatmentMean), "--treatment-mean");
        var tSd = NonNegative(Need(parse.GetValue(TreatmentSd), "--treatment-sd"), "--treatment-sd");
        var tN = Need(parse.GetValue(TreatmentN), "--treatment-n");
        if (cN < 1 || tN < 1)
        {
            throw new CliException($"{(cN < 1 ? "--control-n" : "--treatment-n")}: an arm needs at least one unit.", DsLoopCli.Usage);
        }
        var welch = WelchTest.FromStats(cMean, cSd, cN, tMean, tSd, tN, alternative);
        await WriteAsync(console, json, alternative, (cMean, cSd * cSd / cN), (tMean, tSd * tSd / tN), welch, null, null, null);
        return DsLoopCli.Ok;
    }

    private async Task<int> FromFileAsync(ParseResult parse, FileInfo file, Alternative alternative, bool json, CliConsole console, CancellationToken cancellationToken)
    {
        var method = parse.GetValue(BootstrapMethod) switch
        {
            null => (Stats.Readout.BootstrapMethod?)null,
            "percentile" => Stats.Readout.BootstrapMethod.Percentile,
            "bca" or "BCa" => Stats.Readout.BootstrapMethod.Bca,
            var other => throw new CliException($"--bootstrap: '{other}' is not percentile or bca.", DsLoopCli.Usage),
        };
        var resamples = parse.GetValue(Resamples);
        if (resamples < 100)
        {
            throw new CliException($"--resamples: {resamples} is too few; use at least 100.", DsLoopCli.Usage);
        }
        var controlArm = parse.GetValue(ControlArm)!;
        var data = await ArmFile.ReadAsync(file, controlArm, keepValues: method is not null, cancellationToken);
        var welch = WelchTest.From(data.Control, data.Treatment, alternative);
        var cuped = data.HasCovariate ? Cuped.Analyse(data.ControlPairs, data.TreatmentPairs) : null;
        var bootstrap = method is { } m
            ? Stats.Readout.Bootstrap.TwoSample(data.ControlValues, data.TreatmentValues, Stats.Readout.Bootstrap.DifferenceInMeans, m, resamples, seed: parse.GetValue(Seed))
            : null;
        await WriteAsync(console, json, alternative, (data.Control.Mean, data.Control.Variance / data.Control.Count), (data.Treatment.Mean, data.Treatment.Variance / data.Treatment.Count), welch, cuped, bootstrap, $"{data.Control.Count:N0} control and {data.Treatment.Count:N0} treatment rows ('{data.TreatmentArm}')");
        return DsLoopCli.Ok;
    }

    private static async Task WriteAsync(
        CliConsole console, bool json, Alternative alternative, (double Mean, double MeanVariance) control, (double Mean, double MeanVariance) treatment,
        WelchResult welch, CupedResult? cuped, BootstrapInterval? bootstrap, string? rows)
    {
        static double? Value(double x) => double.IsFinite(x) ? x : null;
        var (controlMean, controlMeanVariance) = control;
        var (treatmentMean, treatmentMeanVariance) = treatment;
        var delta = RelativeLift.Delta(treatmentMean, treatmentMeanVariance, controlMean, controlMeanVariance);
        var fieller = RelativeLift.Fieller(treatmentMean, treatmentMeanVariance, controlMean, controlMeanVariance);
        if (json)
        {
            await CliJson.WriteAsync(console.Out, new
            {
                controlMean = Value(controlMean),
                treatmentMean = Value(treatmentMean),
                difference = Value(welch.Difference),
                relativeLift = controlMean == 0 ? null : Value(welch.Difference / controlMean),
                relativeDelta = StatsReadoutCommand.RelativeJson(delta),
                relativeFieller = StatsReadoutCommand.RelativeJson(fieller),
                ciLow = welch.Interval.IsValid ? welch.Interval.Low : (double?)null,
                ciHigh = welch.Interval.IsValid ? welch.Interval.High : (double?)null,
                t = welch.Test.IsValid ? welch.Test.Statistic : (double?)null,
                p = welch.Test.IsValid ? welch.Test.PValue : (double?)null,
                df = Value(welch.DegreesOfFreedom),
                test = "welch",
                reason = welch.Test.Reason,
                cuped = cuped is null ? null : new
                {
                    theta = cuped.Theta,
                    difference = Value(cuped.Welch.Difference),
                    ciLow = cuped.Welch.Interval.IsValid ? cuped.Welch.Interval.Low : (double?)null,
                    ciHigh = cuped.Welch.Interval.IsValid ? cuped.Welch.Interval.High : (double?)null,
                    p = cuped.Welch.Test.IsValid ? cuped.Welch.Test.PValue : (double?)null,
                    varianceReduction = Value(cuped.VarianceReduction),
                    note = cuped.Note,
                },
                bootstrap = bootstrap is null ? null : new
                {
                    method = bootstrap.Method == Stats.Readout.BootstrapMethod.Bca ? "bca" : "percentile",
                    low = bootstrap.Interval.IsValid ? bootstrap.Interval.Low : (double?)null,
                    high = bootstrap.Interval.IsValid ? bootstrap.Interval.High : (double?)null,
                    resamples = bootstrap.Resamples,
                    seed = bootstrap.Seed,
                    reason = bootstrap.Interval.Reason,
                },
            });
            return;
        }
        if (rows is not null)
        {
            await console.Out.WriteLineAsync($"Read {rows}.");
        }
        await console.Out.WriteLineAsync($"Control mean {controlMean.ToString("0.#####", Inv)}, treatment mean {treatmentMean.ToString("0.#####", Inv)}: difference {welch.Difference.ToString("+0.#####;-0.#####;0", Inv)}"
            + (controlMean != 0 ? $" ({(welch.Difference / controlMean).ToString("+0.##%;-0.##%;0%", Inv)} relative)." : "."));
        await console.Out.WriteLineAsync(welch.Test.IsValid
            ? $"Welch t = {welch.Test.Statistic.ToString("0.####", Inv)}, df = {welch.DegreesOfFreedom.ToString("0.##", Inv)}, p = {P(welch.Test.PValue)} ({Sides(alternative)}); 95% interval [{welch.Interval.Low.ToString("0.#####", Inv)}, {welch.Interval.High.ToString("0.#####", Inv)}]."
            : $"No Welch test: {welch.Test.Reason}.");
        await console.Out.WriteLineAsync(StatsReadoutCommand.RelativeText(delta, fieller));
        if (cuped is not null)
        {
            await console.Out.WriteLineAsync(cuped.Welch.Test.IsValid
                ? $"CUPED (θ = {cuped.Theta.ToString("0.####", Inv)}, variance {cuped.VarianceReduction.ToString("0.#%", Inv)} lower): difference {cuped.Welch.Difference.ToString("+0.#####;-0.#####;0", Inv)}, 95% interval [{cuped.Welch.Interval.Low.ToString("0.#####", Inv)}, {cuped.Welch.Interval.High.ToString("0.#####", Inv)}], p = {P(cuped.Welch.Test.PValue)}."
                : $"No CUPED result: {cuped.Welch.Test.Reason}.");
            if (cuped.Note is not null)
            {
                await console.Out.WriteLineAsync($"Note: {cuped.Note}.");
            }
        }
        if (bootstrap is not null)
        {
            var name = bootstrap.Method == Stats.Readout.BootstrapMethod.Bca ? "BCa" : "Percentile";
            await console.Out.WriteLineAsync(bootstrap.Interval.IsValid
                ? $"{name} bootstrap 95% interval of the difference: [{bootstrap.Interval.Low.ToString("0.#####", Inv)}, {bootstrap.Interval.High.ToString("0.#####", Inv)}] ({bootstrap.Resamples:N0} resamples, seed {bootstrap.Seed})."
                : $"No bootstrap interval: {bootstrap.Interval.Reason}.");
        }
    }

    private static string P(double p) => p < 1e-6 ? p.ToString("0.##E+0", Inv) : p.ToString("0.######", Inv);

    private static string Sides(Alternative alternative) => alternative switch
    {
        Alternative.TwoSided => "two-sided",
        Alternative.Larger => "one-sided, treatment larger",
        _ => "one-sided, treatment smaller",
    };

    private static T Need<T>(T? value, string option) where T : struct =>
        value ?? throw new CliException($"{option} is missing: a mean readout needs --control-mean, --control-sd, --control-n and the same three for treatment (or --file).", DsLoopCli.Usage);

    private static double NonNegative(double value, string option) =>
        value < 0 || double.IsNaN(value) ? throw new CliException($"{option}: {value.ToString(Inv)} can't be negative.", DsLoopCli.Usage) : value;
}

/// <summary>One experiment's rows read from <c>arm,value[,covariate]</c> CSV; every problem names its line.</summary>
internal sealed class ArmFile
{
    public SummaryStats Control { get; } = new();
    public SummaryStats Treatment { get; } = new();
    public PairedSummary ControlPairs { get; } = new();
    public PairedSummary TreatmentPairs { get; } = new();
    public List<double> ControlValues { get; } = [];
    public List<double> TreatmentValues { get; } = [];
    public bool HasCovariate { get; private set; }
    public string? TreatmentArm { get; private set; }

    public static async Task<ArmFile> ReadAsync(FileInfo file, string controlArm, bool keepValues, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            throw new CliException($"--file: {file.FullName} does not exist.");
        }
        using var reader = file.OpenText();
        var header = (await reader.ReadLineAsync(cancellationToken))?.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToList() ?? [];
        var arm = header.IndexOf("arm");
        var value = header.IndexOf("value");
        var covariate = header.IndexOf("covariate");
        if (arm < 0 || value < 0)
        {
            throw new CliException($"{file.Name}: line 1 must be a header with 'arm' and 'value' columns (and optionally 'covariate'); found '{string.Join(",", header)}'.", DsLoopCli.Usage);
        }
        var data = new ArmFile { HasCovariate = covariate >= 0 };
        await foreach (var (lineNumber, cells) in CsvRows.ReadAsync(reader, file, header.Count, cancellationToken))
        {
            var label = cells[arm].Trim().Trim('"');
            var y = Number(cells[value], "value", file, lineNumber);
            var x = data.HasCovariate ? Number(cells[covariate], "covariate", file, lineNumber) : 0;
            var isControl = string.Equals(label, controlArm, StringComparison.OrdinalIgnoreCase);
            if (!isControl)
            {
                data.TreatmentArm ??= label;
                if (!string.Equals(label, data.TreatmentArm, StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException($"{file.Name}: line {lineNumber}: arm '{label}' is neither the control arm '{controlArm}' nor the treatment arm '{data.TreatmentArm}'; compare two arms at a time (set --control-arm if control has another label).", DsLoopCli.Usage);
                }
            }
            (isControl ? data.Control : data.Treatment).Add(y);
            (isControl ? data.ControlPairs : data.TreatmentPairs).Add(x, y);
            if (keepValues)
            {
                (isControl ? data.ControlValues : data.TreatmentValues).Add(y);
            }
        }
        if (data.Control.Count == 0 || data.Treatment.Count == 0)
        {
            throw new CliException($"{file.Name}: need rows for both '{controlArm}' and one treatment arm; found {data.Control.Count} control and {data.Treatment.Count} treatment rows (set --control-arm if control has another label).", DsLoopCli.Usage);
        }
        return data;
    }

    private static double Number(string cell, string column, FileInfo file, int line) =>
        double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x
            : throw new CliException($"{file.Name}: line {line}: {column} '{cell.Trim()}' is not a number.", DsLoopCli.Usage);
}
