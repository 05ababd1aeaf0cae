using System.CommandLine;
using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Sql;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop sql list|show|submit</c>: practise the SQL bank in the terminal, on fresh data for every attempt.</summary>
internal static class SqlPracticeCommand
{
    public static IEnumerable<Command> Build(CliConsole console) => [List(console), Show(console), Submit(console)];

    private static Option<string?> BankOption() => new("--bank") { Description = "Folder of SQL problems (default: ./content/sql, else the shipped bank)." };

    private static IReadOnlyList<SqlProblem> Load(string? folder)
    {
        var path = ContentCommand.ResolveFolder(folder, ContentLoader.SqlFolder);
        var loaded = ContentLoader.LoadSqlProblems(path);
        return loaded.Bank?.SqlProblems
            ?? throw new CliException($"the SQL bank in {Path.GetFullPath(path)} is invalid:\n{string.Join("\n", loaded.Errors.Select(e => ContentCommand.Describe(path, e)))}");
    }

    private static SqlProblem Find(IReadOnlyList<SqlProblem> bank, string id) =>
        bank.FirstOrDefault(p => p.Id == id)
        ?? throw new CliException($"no SQL problem has the id '{id}'; 'dsloop sql list' shows them all.", DsLoopCli.Usage);

    private static Command List(CliConsole console)
    {
        var bank = BankOption();
        var difficulty = new Option<string?>("--difficulty") { Description = "Only easy, medium or hard." };
        var skill = new Option<string?>("--skill") { Description = "Only problems with this skill tag." };
        var skills = SkillsOption();
        var json = CliJson.Option();
        var command = new Command("list", "List the SQL problems with their difficulty (and, on request, their skill tags).") { bank, difficulty, skill, skills, json };
        command.SetAction(async (parse, _) =>
        {
            var level = parse.GetValue(difficulty);
            if (level is not (null or "easy" or "medium" or "hard"))
            {
                throw new CliException($"--difficulty: '{level}' is not easy, medium or hard.", DsLoopCli.Usage);
            }
            var tag = parse.GetValue(skill);
            var problems = Load(parse.GetValue(bank))
                .Where(p => level is null || p.Difficulty.Slug() == level)
                .Where(p => tag is null || p.Skills.Contains(tag, StringComparer.OrdinalIgnoreCase))
                .OrderBy(p => p.Difficulty).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            var tags = parse.GetValue(skills);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, problems.Select(p => new { id = p.Id, title = p.Title, difficulty = p.Difficulty.Slug(), skills = tags ? p.Skills : null }));
                return DsLoopCli.Ok;
            }
            var width = problems.Count == 0 ? 2 : problems.Max(p => p.Id.Length);
            foreach (var p in problems)
            {
                await console.Out.WriteLineAsync($"{p.Id.PadRight(width)}  {p.Difficulty.Slug(),-6}  {p.Title}{(tags ? $"  [{string.Join(", ", p.Skills)}]" : "")}");
            }
            await console.Out.WriteLineAsync($"{problems.Count} problem(s).");
            return DsLoopCli.Ok;
        });
        return command;
    }

    // Skill tags name the approach ("anti-join", "window-lag"), so, as on the web page, they are shown only when asked for.
    private static Option<bool> SkillsOption() => new("--skills") { Description = "Also show the skill tags (they hint at the approach)." };

    private static Command Show(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The problem's id." };
        var bank = BankOption();
        var hints = new Option<int>("--hints") { Description = "Also show the first N hints.", DefaultValueFactory = _ => 0 };
        var skills = SkillsOption();
        var json = CliJson.Option();
        var command = new Command("show", "Show a problem: the task, the required columns and, on request, hints and skill tags. Never the solution.") { id, bank, hints, skills, json };
        command.SetAction(async (parse, _) =>
        {
            var problem = Find(Load(parse.GetValue(bank)), parse.GetValue(id)!);
            var shown = problem.Hints.Take(Math.Max(0, parse.GetValue(hints))).ToList();
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { id = problem.Id, title = problem.Title, difficulty = problem.Difficulty.Slug(), skills = parse.GetValue(skills) ? problem.Skills : null, prompt = problem.Prompt, columns = problem.Columns, precision = problem.Spec.ToleranceStatement(), hints = shown, hintsAvailable = problem.Hints.Count });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync($"{problem.Title} ({problem.Difficulty.Slug()}{(parse.GetValue(skills) ? "; " + string.Join(", ", problem.Skills) : "")})\n");
            await console.Out.WriteLineAsync(problem.Prompt);
            await console.Out.WriteLineAsync($"\nReturn the columns: {string.Join(", ", problem.Columns)}");
            if (problem.Spec.ToleranceStatement() is { } precision)
            {
                await console.Out.WriteLineAsync($"Precision: {precision}");
            }
            for (var i = 0; i < shown.Count; i++)
            {
                await console.Out.WriteLineAsync($"Hint {i + 1}: {shown[i]}");
            }
            await console.Out.WriteLineAsync($"\n{problem.Hints.Count} hint(s) available (--hints N). Submit with: dsloop sql submit {problem.Id} --file answer.sql");
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static Command Submit(CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The problem's id." };
        var file = new Option<FileInfo>("--file") { Description = "Your query.", Required = true };
        var bank = BankOption();
        var dataset = new SeededDatasets();
        var json = CliJson.Option();
        var command = new Command("submit", "Grade your query for a problem on a dataset: a fresh random seed unless --seed is given.") { id, file, bank, json };
        foreach (var option in dataset.All.Where(o => o != dataset.Database))
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellationToken) =>
        {
            var problem = Find(Load(parse.GetValue(bank)), parse.GetValue(id)!);
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"--file: {path.FullName} does not exist.");
            }
            var candidate = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            var seed = parse.GetValue(dataset.Seed) ?? (ulong)Random.Shared.NextInt64(1, 1_000_000);
            var limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };
            var (sandbox, lease) = await dataset.OpenAsync(parse, limits, console, cancellationToken, seed);
            using var _ = lease;
            var result = await new ResultGrader().GradeAsync(sandbox, problem.ReferenceFor(sandbox.Engine), candidate, problem.Spec, limits, cancellationToken);
            if (sandbox is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { id = problem.Id, seed, engine = sandbox.Engine, verdict = result.Verdict, passed = result.Passed, feedback = result.Feedback, explanation = result.Passed ? problem.Explanation : null });
                return result.Passed ? DsLoopCli.Ok : DsLoopCli.Failed;
            }
            await console.Out.WriteLineAsync($"{(result.Passed ? "CORRECT" : result.Verdict == GradeVerdict.CandidateFailed ? "DID NOT RUN" : "INCORRECT")} on seed {seed} ({sandbox.Engine}).");
            foreach (var line in result.Feedback.Where(f => f != "correct"))
            {
                await console.Out.WriteLineAsync($"- {line}");
            }
            if (result.Passed)
            {
                await console.Out.WriteLineAsync($"\n{problem.Explanation}");
            }
            else
            {
                await console.Out.WriteLineAsync($"Try again on the same data with --seed {seed}, or ask for a hint: dsloop sql show {problem.Id} --hints 1");
            }
            return result.Passed ? DsLoopCli.Ok : DsLoopCli.Failed;
        });
        return command;
    }
}
