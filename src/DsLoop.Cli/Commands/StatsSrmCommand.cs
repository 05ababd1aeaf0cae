using System.CommandLine;
using System.Globalization;
using DsLoop.Stats.Readout;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats srm</c>: the sample-ratio check of arm counts against the planned split.</summary>
internal static class StatsSrmCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliConsole console)
    {
        var counts = new Option<string>("--counts") { Description = "Units per arm, comma-separated, control first.", Required = true };
        var weights = new Option<string?>("--weights") { Description = "Planned weights, comma-separated (default: equal)." };
        var json = CliJson.Option();
        var command = new Command("srm", "Sample-ratio mismatch: chi-square of arm counts against the planned split.") { counts, weights, json };
        command.SetAction(async (parse, _) =>
        {
            var n = StatsArguments.ParseList(parse.GetValue(counts), "--counts");
            if (n.Any(x => x < 0 || x != Math.Floor(x)))
            {
                throw new CliException("--counts: every count must be a whole number of units, 0 or more.", DsLoopCli.Usage);
            }
            var w = parse.GetValue(weights) is { } text ? StatsArguments.ParseList(text, "--weights") : null;
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
}
