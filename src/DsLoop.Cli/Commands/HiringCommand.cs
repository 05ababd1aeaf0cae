using System.CommandLine;
using DsLoop.App.Hiring;
using DsLoop.Store;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop hiring</c>: the hiring team's positions, invitations and results, against the same store, under the same roles.</summary>
internal static class HiringCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("hiring", "Hiring workspaces: list positions, invite a candidate (prints the link), read results. Acts as a member, with that member's role.");
        command.Subcommands.Add(HiringPositionsCommand.Build(console));
        command.Subcommands.Add(HiringInviteCommand.Build(console));
        command.Subcommands.Add(HiringResultsCommand.Build(console));
        return command;
    }

    /// <summary>The options every hiring subcommand takes.</summary>
    internal sealed record Common(Option<string> Workspace, Option<string> As, Option<string?> DataDir, Option<bool> Json)
    {
        public static Common Create() => new(
            new Option<string>("--workspace") { Description = "The workspace id (from the web app's address: /hiring/ID).", Required = true },
            new Option<string>("--as") { Description = "The user name to act as; that account's role in the workspace applies.", Required = true },
            new Option<string?>("--data-dir") { Description = "Folder of the store (default ./.dsloop, or DSLOOP_DATA_DIR)." },
            CliJson.Option());

        public void AddTo(Command command)
        {
            command.Options.Add(Workspace);
            command.Options.Add(As);
            command.Options.Add(DataDir);
            command.Options.Add(Json);
        }
    }

    /// <summary>The member that <c>--as</c> names in <c>--workspace</c>; fails in one line when they are not one.</summary>
    internal static async Task<HiringMember> MemberAsync(IAppStore store, ParseResult parse, Common common, CancellationToken cancellationToken)
    {
        var name = parse.GetValue(common.As)!;
        var user = await store.FindUserByNameAsync(name, cancellationToken);
        var member = user is null ? null : await new HiringAccess(store).MemberAsync(parse.GetValue(common.Workspace), user.Id, cancellationToken);
        return member ?? throw new CliException($"--as: '{name}' is not a member of workspace '{parse.GetValue(common.Workspace)}' (or it does not exist).");
    }

    /// <summary>Turns a refused command into its one-line failure: exit 2 for bad input, 1 otherwise.</summary>
    internal static T Ok<T>(HiringOutcome<T> outcome) where T : class =>
        outcome.Value ?? throw new CliException(outcome.Problem!, outcome.Refusal == HiringRefusal.BadInput ? DsLoopCli.Usage : DsLoopCli.Failed);
}
