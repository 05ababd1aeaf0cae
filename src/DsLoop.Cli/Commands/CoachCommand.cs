using System.CommandLine;
using System.Globalization;
using DsLoop.App.Judging;
using DsLoop.Content.Coaching;
using DsLoop.Judge.Judging;

namespace DsLoop.Cli.Commands;

/// <summary>
/// <c>dsloop coach ITEM --file answer.txt</c>: judges one answer without a store, for scripts and the evaluation;
/// <c>coach evaluate</c> and <c>coach calibrate</c> measure the judge against its labelled set.
/// </summary>
internal static class CoachCommand
{
    public static Command Build(CliConsole console)
    {
        var item = new Argument<string>("item") { Description = "The question's id (see 'dsloop practice --list')." };
        item.RejectOptionLookalikes();
        var file = new Option<string>("--file") { Description = "The answer, as a text file ('-' reads stdin).", Required = true };
        var level = new Option<string>("--level") { Description = "Judge as a Data Scientist (ds) or a Senior (senior).", DefaultValueFactory = _ => "ds" };
        level.AcceptOnlyFromAmong("ds", "senior");
        var content = new Option<string?>("--content") { Description = "The content folder (default: ./content if it exists, else the shipped one)." };
        var json = CliJson.Option();
        var command = new Command("coach", "Judge one open answer: steps shown and why, relevance, mistakes, numbers, habits and a 1–4 rating.")
        {
            item, file, level, content, json,
        };
        command.Subcommands.Add(CoachEvaluateCommand.Build(console));
        command.Subcommands.Add(CoachEvaluateCommand.BuildCalibrate(console));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var bank = ContentCommand.LoadBank(ContentCommand.ResolveFolder(parse.GetValue(content)));
            var id = parse.GetValue(item)!;
            if (!bank.ItemsById.TryGetValue(id, out var question))
            {
                throw new CliException($"no question has the id '{id}'.", DsLoopCli.Usage);
            }
            var answer = await ReadAnswerAsync(parse.GetValue(file)!, console, cancellationToken);
            var judgeLevel = parse.GetValue(level) == "senior" ? JudgeLevel.Senior : JudgeLevel.Ds;
            var reviewer = new AnswerReviewer(bank);
            var report = await reviewer.ReviewAsync(question, answer, judgeLevel, cancellationToken);
            if (reviewer.Unavailable is { } why)
            {
                await console.Error.WriteLineAsync($"dsloop: {why}; judged by cue phrases only.");
            }
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { item = question.Id, report.OnFourPointScale, report });
                return DsLoopCli.Ok;
            }
            await CoachReportText.WriteAsync(console.Out, question.Title, report);
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static async Task<string> ReadAnswerAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = path == "-" ? await console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--file: cannot read '{path}': {e.Message}", DsLoopCli.Usage);
        }
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new CliException($"--file: '{path}' holds no answer.", DsLoopCli.Usage);
        }
        return text.Length <= App.Practice.PracticeService.MaxAnswerLength
            ? text
            : throw new CliException($"--file: the answer is {text.Length:N0} characters; the limit is {App.Practice.PracticeService.MaxAnswerLength:N0}.", DsLoopCli.Usage);
    }
}

/// <summary>A coach report as plain text for the terminal.</summary>
internal static class CoachReportText
{
    public static async Task WriteAsync(TextWriter output, string title, CoachReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv, $"{title}: rating {report.OnFourPointScale:0.0} of 4 ({Verdict(report.OnFourPointScale)}), {report.Words} words"));
        await output.WriteLineAsync($"  judged by {report.JudgedBy ?? "cue phrases only"}{(report.Level is { } l ? $", at {(l == "senior" ? "Senior" : "Data Scientist")} level" : "")}");
        if (report.Relevance is { } relevance)
        {
            await output.WriteLineAsync($"  {(relevance.OffTopic ? "OFF-TOPIC" : "on topic")}: {relevance.Explanation}");
        }
        await output.WriteLineAsync($"Steps ({report.Steps.Count(s => s.Covered)} of {report.Steps.Count}):");
        foreach (var step in report.Steps)
        {
            var why = step.Why ?? (step.Covered ? $"\"{step.Sentences.FirstOrDefault()}\"" : "no cue phrase heard");
            await output.WriteLineAsync($"  [{(step.Covered ? "x" : " ")}] {step.StepName}: {why}");
        }
        foreach (var point in report.SeniorPoints)
        {
            await output.WriteLineAsync($"  [{(point.Covered ? "x" : " ")}] Senior, {point.StepName}: {point.Why}");
        }
        foreach (var mistake in report.Mistakes.Where(m => m.Seems))
        {
            await output.WriteLineAsync($"  Mistake: {mistake.Mistake} ({string.Join("; ", mistake.Evidence)})");
        }
        foreach (var number in report.Numbers)
        {
            await output.WriteLineAsync($"  Number ({number.Verdict}): {number.Explanation}");
        }
        foreach (var habit in report.Habits)
        {
            await output.WriteLineAsync($"  Habit [{(habit.Present ? "x" : " ")}] {habit.Name}{(habit.Present ? "" : $": {habit.Advice}")}");
        }
        foreach (var note in report.Notes)
        {
            await output.WriteLineAsync($"  Note: {note}");
        }
    }

    private static string Verdict(double rating) => rating switch
    {
        >= 3.5 => "strong",
        >= 2.5 => "meets the bar",
        >= 1.5 => "below the bar",
        _ => "no signal",
    };
}
