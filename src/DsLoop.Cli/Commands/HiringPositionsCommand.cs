using System.CommandLine;
using DsLoop.App.Hiring;
using DsLoop.Core;
using DsLoop.Core.Hiring;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop hiring positions</c>: the workspace's positions with their exercises and weights.</summary>
internal static class HiringPositionsCommand
{
    public static Command Build(CliConsole console)
    {
        var common = HiringCommand.Common.Create();
        var command = new Command("positions", "List the workspace's positions: level, variant, loop template, SQL screen, take-home and scorecard weights.");
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await PracticeCommand.OpenStoreAsync(parse.GetValue(common.DataDir), cancellationToken);
            var member = await HiringCommand.MemberAsync(store, parse, common, cancellationToken);
            var positions = HiringCommand.Ok(await new PositionService(store, ContentCommand.LoadBank(ContentCommand.ResolveFolder(null)), console.Clock).ListAsync(member, cancellationToken));
            if (parse.GetValue(common.Json))
            {
                await CliJson.WriteAsync(console.Out, positions.Select(p => new
                {
                    id = p.Id,
                    title = p.Title,
                    level = LevelsAndVariants.Slug(p.Level),
                    variant = LevelsAndVariants.Slug(p.Variant),
                    loopTemplate = p.LoopTemplateId,
                    weights = Dimensions.All.ToDictionary(Dimensions.Slug, p.Weights.Percent),
                    sqlScreen = new { problems = p.Sql.ProblemIds, minutes = p.Sql.Minutes },
                    takeHome = new { @case = HiringExercises.Slug(p.TakeHome.Case), expectedHours = p.TakeHome.ExpectedHours },
                }));
                return DsLoopCli.Ok;
            }
            foreach (var p in positions)
            {
                await console.Out.WriteLineAsync($"{p.Id}  {p.Title} ({LevelsAndVariants.Slug(p.Level)}, {LevelsAndVariants.Slug(p.Variant)}; loop {p.LoopTemplateId})");
                await console.Out.WriteLineAsync($"  SQL screen: {p.Sql.Minutes} min, {string.Join(", ", p.Sql.ProblemIds)}; take-home: {HiringExercises.Slug(p.TakeHome.Case)}, {p.TakeHome.ExpectedHours} h");
                await console.Out.WriteLineAsync($"  weights: {string.Join(" ", Dimensions.All.Select(d => $"{Dimensions.Slug(d)} {p.Weights.Percent(d)}%"))}");
            }
            await console.Out.WriteLineAsync($"{positions.Count} position(s).");
            return DsLoopCli.Ok;
        });
        return command;
    }
}
