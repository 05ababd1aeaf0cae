using System.CommandLine;
using System.Globalization;
using DsLoop.Stats;

namespace DsLoop.Cli.Commands;

/// <summary>Options and parsing shared by the <c>dsloop stats</c> subcommands; every problem is a usage error naming the option.</summary>
internal static class StatsArguments
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Option<string> AlternativeOption() => new("--sides")
    {
        Description = "2 for two-sided, 'larger' or 'smaller' for one-sided.",
        DefaultValueFactory = _ => "2",
    };

    public static Alternative ParseSides(string value) => value switch
    {
        "2" or "two-sided" => Alternative.TwoSided,
        "1" or "larger" => Alternative.Larger,
        "smaller" => Alternative.Smaller,
        _ => throw new CliException($"--sides: '{value}' is not 2, larger or smaller.", DsLoopCli.Usage),
    };

    public static double Probability(double value, string option, bool open = true)
    {
        var bad = open ? value is <= 0 or >= 1 : value is < 0 or > 1;
        return bad || double.IsNaN(value)
            ? throw new CliException($"{option}: {value.ToString(Inv)} is not a probability {(open ? "strictly between 0 and 1" : "in [0, 1]")}.", DsLoopCli.Usage)
            : value;
    }

    public static List<double> ParseList(string? text, string option) =>
        [.. (text ?? "").Split(',', StringSplitOptions.TrimEntries).Select((v, i) => double.TryParse(v, NumberStyles.Float, Inv, out var x)
            ? x : throw new CliException($"{option}: item {i + 1} ('{v}') is not a number.", DsLoopCli.Usage))];
}
