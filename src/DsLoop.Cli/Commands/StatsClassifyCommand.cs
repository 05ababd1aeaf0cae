using System.CommandLine;
using System.Globalization;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats classify</c>: a classifier's metrics and operating thresholds from a CSV of labels and scores.</summary>
internal static class StatsClassifyCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliConsole console)
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
            var minPrecision = StatsArguments.Probability(parse.GetValue(precision), "--precision", open: false);
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
}
