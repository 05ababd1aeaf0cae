using DsLoop.Web.App;

// DsLoop's web server. `dotnet run --project src/DsLoop.Web` serves http://localhost:5080 in
// local mode on an embedded SQLite store; DsLoopOptions.Usage lists the flags.
DsLoopOptions options;
try
{
    options = DsLoopOptions.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync($"dsloop: {e.Message}\n\n{DsLoopOptions.Usage}");
    return 2;
}
return await DsLoopApp.RunAsync(options);
