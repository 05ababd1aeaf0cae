using System.CommandLine;
using DsLoop.App.Hosting;
using DsLoop.Content;
using DsLoop.Core;

namespace DsLoop.Cli.Commands;

internal static class ContentCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("content", "Check and summarise content packs (frameworks, questions, loop templates and SQL problems).");
        command.Subcommands.Add(Validate(console));
        command.Subcommands.Add(Stats(console));
        command.Subcommands.Add(Lint(console));
        return command;
    }

    private static Argument<string?> PathArgument()
    {
        var path = new Argument<string?>("path")
        {
            Description = "The content folder (default: ./content if it exists, else the one shipped with DsLoop).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        path.RejectOptionLookalikes();
        return path;
    }

    private static string Resolve(string? path) => ResolveFolder(path);

    /// <summary>
    /// The content folder (or its <paramref name="subfolder"/>) a command reads when none is given: ./content if it
    /// exists, else the one shipped with DsLoop.
    /// </summary>
    internal static string ResolveFolder(string? path, string subfolder = "") =>
        path ?? (Directory.Exists(Path.Combine("content", subfolder))
            ? Path.GetFullPath(Path.Combine("content", subfolder))
            : Path.Combine(AppSettings.DefaultContentDirectory(), subfolder));

    /// <summary>The bank in <paramref name="folder"/>; invalid content fails the command with every error named.</summary>
    internal static ContentBank LoadBank(string folder)
    {
        try
        {
            return AppContent.Load(folder);
        }
        catch (StartupException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>An error as <c>full/path/to/file:line: message</c>, so terminals and editors can jump to it.</summary>
    internal static string Describe(string folder, ContentError error) =>
        $"{Path.Combine(folder, error.Where.File)}:{error.Where.Line}: {error.Message}";

    private static Command Validate(CliConsole console)
    {
        var path = PathArgument();
        var json = CliJson.Option();
        var command = new Command("validate", "Validate every content file; report each problem with its file and line.") { path, json };
        command.SetAction(async (parse, _) =>
        {
            var folder = Resolve(parse.GetValue(path));
            var result = ContentLoader.Load(folder);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    valid = result.IsValid,
                    folder = Path.GetFullPath(folder),
                    files = result.FilesRead,
                    frameworks = result.Bank?.Frameworks.Count ?? 0,
                    items = result.Bank?.Items.Count ?? 0,
                    sqlProblems = result.Bank?.SqlProblems.Count ?? 0,
                    errors = result.Errors.Select(e => new { file = e.Where.File, line = e.Where.Line, message = e.Message }),
                });
            }
            else if (result.Bank is { } bank)
            {
                await console.Out.WriteLineAsync($"Content is valid: {bank.Frameworks.Count} frameworks, {bank.Items.Count} items and {bank.SqlProblems.Count} SQL problems from {result.FilesRead} files in {Path.GetFullPath(folder)}.");
            }
            else
            {
                foreach (var error in result.Errors)
                {
                    await console.Error.WriteLineAsync(Describe(folder, error));
                }
                await console.Error.WriteLineAsync($"{result.Errors.Count} problem(s) in {Path.GetFullPath(folder)}; nothing was loaded.");
            }
            return result.IsValid ? DsLoopCli.Ok : DsLoopCli.Failed;
        });
        return command;
    }

    private static Command Stats(CliConsole console)
    {
        var path = PathArgument();
        var json = CliJson.Option();
        var command = new Command("stats", "Count items by dimension, round and level.") { path, json };
        command.SetAction(async (parse, _) =>
        {
            var folder = Resolve(parse.GetValue(path));
            var bank = LoadBank(folder);
            var byDimension = Dimensions.All.ToDictionary(Dimensions.Slug, d => bank.Items.Count(i => i.Dimensions.Contains(d)));
            var byRound = Rounds.All.ToDictionary(Rounds.Slug, r => bank.Items.Count(i => i.Rounds.Contains(r)));
            var byLevel = Enum.GetValues<Level>().ToDictionary(LevelsAndVariants.Slug, l => bank.Items.Count(i => i.Level == l));
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { items = bank.Items.Count, frameworks = bank.Frameworks.Count, byDimension, byRound, byLevel });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"{bank.Items.Count} items, {bank.Frameworks.Count} frameworks");
            await WriteTableAsync(console.Out, "Dimension", byDimension);
            await WriteTableAsync(console.Out, "Round", byRound);
            await WriteTableAsync(console.Out, "Level", byLevel);
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static Command Lint(CliConsole console)
    {
        var path = PathArgument();
        var json = CliJson.Option();
        var sources = new Option<string?>("--sources")
        {
            Description = "A folder of source documents (*.txt) that no content may copy 12 words in a row from (default: ../shared/seeds when present).",
        };
        var command = new Command("lint", "Check the coach rules (model answers complete and on length, weak answers weak) and copying from source documents.") { path, sources, json };
        command.SetAction(async (parse, _) =>
        {
            var folder = Resolve(parse.GetValue(path));
            var result = ContentLoader.Load(folder);
            var problems = new List<ContentError>(result.Errors);
            if (result.Bank is { } bank)
            {
                problems.AddRange(ContentLint.CheckCoaching(bank));
            }
            var sourceFolder = parse.GetValue(sources) ?? DefaultSources(folder);
            if (sourceFolder is not null)
            {
                if (!Directory.Exists(sourceFolder))
                {
                    throw new CliException($"--sources: no folder at {sourceFolder}.", DsLoopCli.Usage);
                }
                problems.AddRange(ContentLint.CheckCopying(folder, sourceFolder));
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    clean = problems.Count == 0,
                    folder = Path.GetFullPath(folder),
                    items = result.Bank?.Items.Count ?? 0,
                    sources = sourceFolder is null ? null : Path.GetFullPath(sourceFolder),
                    problems = problems.Select(e => new { file = e.Where.File, line = e.Where.Line, message = e.Message }),
                });
            }
            else if (problems.Count == 0)
            {
                await console.Out.WriteLineAsync($"Content is clean: {result.Bank!.Items.Count} items pass the coach rules"
                    + (sourceFolder is null ? " (no source documents to check copying against)." : $" and copy nothing from {Path.GetFullPath(sourceFolder)}."));
            }
            else
            {
                foreach (var problem in problems)
                {
                    await console.Error.WriteLineAsync(Describe(folder, problem));
                }
                await console.Error.WriteLineAsync($"{problems.Count} problem(s) in {Path.GetFullPath(folder)}.");
            }
            return problems.Count == 0 ? DsLoopCli.Ok : DsLoopCli.Failed;
        });
        return command;
    }

    private static string? DefaultSources(string contentFolder)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(contentFolder).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        return new[] { Path.Combine(root, "..", "shared", "seeds"), Path.Combine(root, "shared", "seeds") }
            .Select(Path.GetFullPath)
            .FirstOrDefault(Directory.Exists);
    }

    private static async Task WriteTableAsync(TextWriter output, string heading, Dictionary<string, int> counts)
    {
        var width = Math.Max(heading.Length, counts.Keys.Max(k => k.Length));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{heading.PadRight(width)}  items");
        foreach (var (key, count) in counts)
        {
            await output.WriteLineAsync($"{key.PadRight(width)}  {count,5}");
        }
    }
}
