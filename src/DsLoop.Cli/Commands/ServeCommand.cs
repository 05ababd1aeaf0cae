using System.CommandLine;
using DsLoop.Web.App;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop serve</c>: hosts the web app; its flags are the web app's own, read by the one parser in <see cref="DsLoopOptions"/>.</summary>
internal static class ServeCommand
{
    public static Command Build()
    {
        var flags = new Argument<string[]>("flags")
        {
            Description = "The web app's flags: --port N, --urls URLS, --data-dir PATH, --content PATH, --multi-user.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("serve", "Run the DsLoop web app (the same app as src/DsLoop.Web). Set DSLOOP_DB to use PostgreSQL.") { flags };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            DsLoopOptions options;
            try
            {
                options = DsLoopOptions.Parse([.. parse.GetValue(flags) ?? [], .. parse.UnmatchedTokens]);
            }
            catch (ArgumentException e)
            {
                var usage = DsLoopOptions.Usage.Replace("Usage: DsLoop.Web", "Usage: dsloop serve", StringComparison.Ordinal);
                throw new CliException($"{e.Message}\n\n{usage}", DsLoopCli.Usage);
            }
            return await DsLoopApp.RunAsync(options, cancellationToken);
        });
        return command;
    }
}
