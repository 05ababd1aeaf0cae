using System.CommandLine;
using DsLoop.Drills;
using DsLoop.Drills.Answers;

namespace DsLoop.Cli.Commands;

/// <summary>
/// <c>dsloop stats drill</c>: a statistics or probability drill drawn from a seed; with <c>--answer</c> (or
/// <c>--answer -</c> for a line on stdin) it grades the answer and shows the worked solution. Exit 0 for a shown drill
/// or a right answer, 1 for a wrong one, 2 for an answer it cannot read.
/// </summary>
internal static class StatsDrillCommand
{
    public static Command Build(CliConsole console)
    {
        var family = new Option<string?>("--family") { Description = "The drill family (see --list); default: a random one." };
        var seed = new Option<int?>("--seed") { Description = "The seed that draws the numbers (0 or more); default: a random one, printed so you can return to it." };
        var answer = new Option<string?>("--answer") { Description = "Your answer (0.25, 1/4, 25%, 1,234, 1.2e3, 12k as the drill allows); '-' reads one line from stdin." };
        var list = new Option<bool>("--list") { Description = "List the drill families." };
        var json = CliJson.Option();
        var command = new Command("drill", "Practise a statistics or probability drill: new numbers for every seed, graded with named feedback.") { family, seed, answer, list, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(list))
            {
                await ListAsync(console, parse.GetValue(json));
                return DsLoopCli.Ok;
            }
            var chosen = parse.GetValue(family) is { } id
                ? DrillCatalog.Find(id) ?? throw new CliException($"--family: no family '{id}'; choose one of {string.Join(", ", DrillCatalog.Families.Select(f => f.Id))}.", DsLoopCli.Usage)
                : DrillCatalog.Families[Random.Shared.Next(DrillCatalog.Families.Count)];
            var s = parse.GetValue(seed) ?? Random.Shared.Next(1, 1_000_000);
            if (s < 0)
            {
                throw new CliException($"--seed: {s} is negative; use 0 or more.", DsLoopCli.Usage);
            }
            var drill = chosen.Generate(s);
            var text = parse.GetValue(answer) is "-" ? await console.In.ReadLineAsync(cancellationToken) ?? "" : parse.GetValue(answer);
            var verdict = text is null ? null : DrillGrader.Grade(drill, text);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, Json(drill, verdict));
            }
            else
            {
                await PrintAsync(console, drill, verdict);
            }
            return verdict?.Kind switch
            {
                VerdictKind.Wrong => DsLoopCli.Failed,
                VerdictKind.Refused => DsLoopCli.Usage,
                _ => DsLoopCli.Ok,
            };
        });
        return command;
    }

    private static async Task ListAsync(CliConsole console, bool json)
    {
        if (json)
        {
            await CliJson.WriteAsync(console.Out, DrillCatalog.Families.Select(f => new { id = f.Id, area = f.Area, title = f.Title }));
            return;
        }
        foreach (var group in DrillCatalog.Families.GroupBy(f => f.Area))
        {
            await console.Out.WriteLineAsync($"{group.Key}:");
            foreach (var f in group)
            {
                await console.Out.WriteLineAsync($"  {f.Id,-20} {f.Title}");
            }
        }
    }

    private static object Json(Drill drill, Verdict? verdict) => new
    {
        family = drill.Family,
        seed = drill.Seed,
        title = drill.Title,
        prompt = drill.Prompt,
        format = new { kind = drill.Format.Kind, unit = drill.Format.Unit, tolerance = drill.Format.Tolerance.Text, description = drill.Format.Describe(), choices = drill.Format.Choices },
        verdict = verdict?.Kind,
        given = verdict?.Given,
        message = verdict?.Message,
        mistake = verdict?.Mistake?.Name,
        answer = verdict is { Kind: not VerdictKind.Refused } ? drill.AnswerText : null,
        solution = verdict is { Kind: not VerdictKind.Refused } ? drill.Solution : null,
    };

    private static async Task PrintAsync(CliConsole console, Drill drill, Verdict? verdict)
    {
        if (verdict is { Kind: VerdictKind.Refused })
        {
            await console.Error.WriteLineAsync($"--answer: {verdict.Message}");
            await console.Error.WriteLineAsync($"The drill wants {drill.Format.Describe()}.");
            return;
        }
        if (verdict is null)
        {
            await console.Out.WriteLineAsync($"{drill.Title} (family {drill.Family}, seed {drill.Seed})");
            await console.Out.WriteLineAsync();
            await console.Out.WriteLineAsync(drill.Prompt);
            await console.Out.WriteLineAsync();
            await console.Out.WriteLineAsync($"Answer with: dsloop stats drill --family {drill.Family} --seed {drill.Seed} --answer X");
            return;
        }
        await console.Out.WriteLineAsync(verdict.Message);
        await console.Out.WriteLineAsync();
        await console.Out.WriteLineAsync("Worked solution:");
        await console.Out.WriteLineAsync(drill.Solution);
    }
}
