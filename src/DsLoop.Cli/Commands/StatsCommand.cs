using System.CommandLine;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop stats</c>: the statistics engine from the terminal, for checking your own numbers.</summary>
internal static class StatsCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("stats", "Analyse your own experiment: power and sample size, readouts, sample-ratio checks, p-value adjustment; practise drills.");
        command.Subcommands.Add(StatsPowerCommand.Build(console));
        command.Subcommands.Add(StatsReadoutCommand.Build(console));
        command.Subcommands.Add(StatsSrmCommand.Build(console));
        command.Subcommands.Add(StatsAdjustCommand.Build(console));
        command.Subcommands.Add(StatsClassifyCommand.Build(console));
        command.Subcommands.Add(StatsDrillCommand.Build(console));
        return command;
    }
}
