using System.CommandLine;
using DsLoop.Content.Loops;
using DsLoop.Core;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop loop</c>: the mock-loop templates, and running a loop in the terminal.</summary>
internal static class LoopCommand
{
    public static Command Build(CliConsole console)
    {
        var command = new Command("loop", "Mock interview loops: the templates a loop is built from, and running one in the terminal.");
        command.Subcommands.Add(Templates(console));
        command.Subcommands.Add(LoopStartCommand.Build(console));
        return command;
    }

    private static Command Templates(CliConsole console)
    {
        var content = new Option<string?>("--content") { Description = "Content folder (default: ./content if it exists, else the one shipped with DsLoop)." };
        var json = CliJson.Option();
        var command = new Command("templates", "List the loop templates: level, company variant, rounds with their time boxes and item mix.") { content, json };
        command.SetAction(async (parse, _) =>
        {
            var folder = ContentCommand.ResolveFolder(parse.GetValue(content));
            var bank = ContentCommand.LoadBank(folder);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, bank.Loops.Select(t => new
                {
                    id = t.Id,
                    name = t.Name,
                    level = LevelsAndVariants.Slug(t.Level),
                    variant = LevelsAndVariants.Slug(t.Variant),
                    requiredMinutes = t.RequiredMinutes,
                    rounds = t.Rounds.Select(r => new
                    {
                        id = r.Id,
                        title = r.Title,
                        round = Rounds.Slug(r.Kind),
                        minutes = r.Minutes,
                        optional = r.Optional,
                        slots = r.Slots.Select(s => new { kind = LoopSlotKinds.Slug(s.Kind), count = s.Count }),
                    }),
                }));
                return DsLoopCli.Ok;
            }
            foreach (var template in bank.Loops)
            {
                await console.Out.WriteLineAsync($"{template.Id}: {template.Name} ({LevelsAndVariants.Slug(template.Level)}, {LevelsAndVariants.Slug(template.Variant)}; {template.RequiredMinutes} min without optional rounds)");
                foreach (var round in template.Rounds)
                {
                    var mix = string.Join(", ", round.Slots.Select(s => $"{s.Count} {LoopSlotKinds.Slug(s.Kind)}"));
                    await console.Out.WriteLineAsync($"  {round.Minutes,3} min  {round.Title}{(round.Optional ? " (optional)" : "")}: {mix}");
                }
            }
            await console.Out.WriteLineAsync($"{bank.Loops.Count} template(s).");
            return DsLoopCli.Ok;
        });
        return command;
    }
}
