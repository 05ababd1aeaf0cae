using System.CommandLine;
using System.Reflection;
using DsLoop.Cli.Commands;

namespace DsLoop.Cli;

/// <summary>
/// The dsloop command line. Exit codes: 0 success, 1 the work failed (invalid content, store
/// unavailable …), 2 the command line itself was wrong. Errors go to stderr; data to stdout.
/// </summary>
public static class DsLoopCli
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when the requested work failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for a wrong command line.</summary>
    public const int Usage = 2;

    /// <summary>The product version, as <c>dsloop --version</c> prints it.</summary>
    public static string Version =>
        typeof(DsLoopCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Parses and runs one command line.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        await RunAsync(args, Console.In, stdout, stderr, TimeProvider.System, cancellationToken);

    /// <summary>Parses and runs one command line with the given input, outputs and clock.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdout, stderr) { In = stdin, Clock = clock };
        var root = BuildRoot(console);
        var result = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync($"dsloop: {error.Message}");
            }
            await stderr.WriteLineAsync();
            // Show the failing command's help on stderr, so stdout stays clean for scripts.
            var path = result.CommandResult.Command == root
                ? ["--help"]
                : CommandPath(result.CommandResult).Append("--help").ToArray();
            await root.Parse(path).InvokeAsync(new InvocationConfiguration { Output = stderr, Error = stderr }, cancellationToken);
            return Usage;
        }
        try
        {
            return await result.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException e)
        {
            await stderr.WriteLineAsync($"dsloop: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("dsloop: cancelled.");
            return Failed;
        }
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current?.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }
        return names;
    }

    internal static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("DsLoop: practise the Data Scientist interview loop on your own machine.");
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            // The default reads the entry assembly, which is the test host when dsloop runs in-process.
            version.Action = new PrintVersion(console);
        }
        root.Subcommands.Add(VersionCommand.Build(console));
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(ContentCommand.Build(console));
        root.Subcommands.Add(PracticeCommand.Build(console));
        root.Subcommands.Add(StatsCommand.Build(console));
        root.Subcommands.Add(DataCommand.Build(console));
        root.Subcommands.Add(SqlCommand.Build(console));
        root.Subcommands.Add(LoopCommand.Build(console));
        root.Subcommands.Add(CaseCommand.Build(console));
        root.Subcommands.Add(CoachCommand.Build(console));
        root.Subcommands.Add(HiringCommand.Build(console));
        return root;
    }
}

internal sealed class PrintVersion(CliConsole console) : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        console.Out.WriteLine(DsLoopCli.Version);
        return DsLoopCli.Ok;
    }
}

/// <summary>Where a command writes: data to <see cref="Out"/>, messages to <see cref="Error"/>.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public TextReader In { get; init; } = TextReader.Null;
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>A failure to report in one line with a given exit code.</summary>
internal sealed class CliException(string message, int exitCode = DsLoopCli.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
