using System.CommandLine;
using System.Globalization;
using DsLoop.Stats.Readout;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats adjust</c>: Holm or Benjamini–Hochberg adjusted p-values in the order given.</summary>
internal static class StatsAdjustCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Build(CliConsole console)
    {
        var method = new Option<string>("--method") { Description = "holm or bh.", Required = true };
        method.AcceptOnlyFromAmong("holm", "bh");
        var p = new Option<string>("--p") { Description = "p-values, comma-separated.", Required = true };
        var json = CliJson.Option();
        var command = new Command("adjust", "Adjust p-values for multiple comparisons (Holm or Benjamini-Hochberg), in the order given.") { method, p, json };
        command.SetAction(async (parse, _) =>
        {
            var values = StatsArguments.ParseList(parse.GetValue(p), "--p");
            for (var i = 0; i < values.Count; i++)
            {
                StatsArguments.Probability(values[i], $"--p item {i + 1}", open: false);
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
