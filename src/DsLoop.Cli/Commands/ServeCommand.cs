using System.CommandLine;
using DsLoop.Web.App;

namespace DsLoop.Cli.Commands;

internal static class ServeCommand
{
    public static Command Build()
    {
        var port = new Option<int?>("--port") { Description = $"Listen on http://localhost:PORT (default {DsLoopOptions.DefaultPort}, or DSLOOP_PORT)." };
        var urls = new Option<string?>("--urls") { Description = "Listen on these URLs, separated by ';'. A non-loopback address turns on multi-user mode." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder for the SQLite store (default ./.dsloop, or DSLOOP_DATA_DIR)." };
        var content = new Option<string?>("--content") { Description = "Content folder (default: the one shipped with DsLoop, or DSLOOP_CONTENT_DIR)." };
        var multiUser = new Option<bool>("--multi-user") { Description = "Require sign-up and sign-in even on loopback." };
        var command = new Command("serve", "Run the DsLoop web app (the same app as src/DsLoop.Web). Set DSLOOP_DB to use PostgreSQL.")
        {
            port, urls, dataDir, content, multiUser,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DsLoopOptions options;
            try
            {
                options = DsLoopOptions.FromValues(parse.GetValue(urls), parse.GetValue(port)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    parse.GetValue(dataDir), parse.GetValue(content), parse.GetValue(multiUser));
            }
            catch (ArgumentException e)
            {
                throw new CliException(e.Message, DsLoopCli.Usage);
            }
            return await DsLoopApp.RunAsync(options, cancellationToken);
        });
        return command;
    }
}
