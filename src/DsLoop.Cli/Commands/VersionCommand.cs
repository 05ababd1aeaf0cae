using System.CommandLine;

namespace DsLoop.Cli.Commands;

internal static class VersionCommand
{
    public static Command Build(CliConsole console)
    {
        var json = CliJson.Option();
        var command = new Command("version", "Print the version of DsLoop and its runtime.") { json };
        command.SetAction(async (parse, _) =>
        {
            var info = new { version = DsLoopCli.Version, runtime = Environment.Version.ToString(), os = System.Runtime.InteropServices.RuntimeInformation.OSDescription };
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, info);
            }
            else
            {
                await console.Out.WriteLineAsync($"dsloop {info.version} (.NET {info.runtime}, {info.os})");
            }
            return DsLoopCli.Ok;
        });
        return command;
    }
}
