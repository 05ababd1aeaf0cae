using System.CommandLine;
using System.Globalization;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Evaluation;
using DsLoop.Judge.Judging;
using DsLoop.Judge.Numbers;

namespace DsLoop.Cli.Commands;

/// <summary>
/// <c>dsloop coach evaluate</c> measures the cue coach and the judge side by side on the labelled evaluation set;
/// <c>dsloop coach calibrate</c> fits the judge's thresholds on the calibration half.
/// </summary>
internal static class CoachEvaluateCommand
{
    private const string DefaultSet = "tests/DsLoop.Judge.Tests/Evaluation/answers";

    public static Command Build(CliConsole console)
    {
        var (set, half, content, json) = Options();
        var misses = new Option<bool>("--misses") { Description = "List, answer by answer, where the judge disagrees with the labels (missed and false steps, off-topic and number flags)." };
        var command = new Command("evaluate", "Measure the cue coach and the judge against the labelled evaluation set.") { set, half, content, json, misses };
        command.SetAction(async (parse, _) =>
        {
            var (bank, answers) = Load(parse.GetValue(set)!, parse.GetValue(content));
            var chosen = answers.Of(ParseHalf(parse.GetValue(half)!));
            var cache = VectorCache.Shared;
            var scorer = Calibration.Scorer(bank, cache, JudgeSettings.Calibrated, NumberChecker.Check);
            if (parse.GetValue(misses))
            {
                var found = Misses.Find(chosen, scorer);
                if (parse.GetValue(json))
                {
                    await CliJson.WriteAsync(console.Out, new { half = parse.GetValue(half), answers = chosen.Count, misses = found });
                    return DsLoopCli.Ok;
                }
                await WriteMissesAsync(console.Out, chosen.Count, found);
                return DsLoopCli.Ok;
            }
            var old = Agreement.Measure(chosen, a => AnswerCoach.Review(bank.ItemsById[a.ItemId], bank.Frameworks[bank.ItemsById[a.ItemId].FrameworkId], a.Text));
            var judged = Agreement.Measure(chosen, scorer);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { half = parse.GetValue(half), cueCoach = old, judge = judged });
                return DsLoopCli.Ok;
            }
            await WriteTableAsync(console.Out, parse.GetValue(half)!, old, judged);
            return DsLoopCli.Ok;
        });
        return command;
    }

    public static Command BuildCalibrate(CliConsole console)
    {
        var (set, _, content, json) = Options();
        var command = new Command("calibrate", "Fit the judge's thresholds on the calibration half and print them (the report half is not read).") { set, content, json };
        command.SetAction(async (parse, _) =>
        {
            var (bank, answers) = Load(parse.GetValue(set)!, parse.GetValue(content));
            var cache = VectorCache.Shared;
            var (settings, figures, trail) = Calibration.Fit(bank, cache, answers.Of(EvaluationHalf.Calibrate), JudgeSettings.Calibrated, NumberChecker.Check);
            if (parse.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, new { settings, figures, trail });
                return DsLoopCli.Ok;
            }
            foreach (var step in trail)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {step.Name} = {step.Value} → objective {step.Objective}"));
            }
            await console.Out.WriteLineAsync(settings.ToString());
            await WriteTableAsync(console.Out, "calibrate", null, figures);
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static (Option<string> Set, Option<string> Half, Option<string?> Content, Option<bool> Json) Options()
    {
        var set = new Option<string>("--set") { Description = $"The folder of labelled answers (default: {DefaultSet}).", DefaultValueFactory = _ => DefaultSet };
        var half = new Option<string>("--half") { Description = "Which items: all, calibrate or report.", DefaultValueFactory = _ => "report" };
        half.AcceptOnlyFromAmong("all", "calibrate", "report");
        var content = new Option<string?>("--content") { Description = "The content folder the answers' items come from." };
        return (set, half, content, CliJson.Option());
    }

    private static EvaluationHalf ParseHalf(string half) => half switch
    {
        "calibrate" => EvaluationHalf.Calibrate,
        "report" => EvaluationHalf.Report,
        _ => EvaluationHalf.All,
    };

    private static (ContentBank Bank, IReadOnlyList<LabelledAnswer> Answers) Load(string set, string? content)
    {
        var bank = ContentCommand.LoadBank(ContentCommand.ResolveFolder(content));
        if (!Directory.Exists(set))
        {
            throw new CliException($"--set: no folder '{set}'.", DsLoopCli.Usage);
        }
        IReadOnlyList<LabelledAnswer> answers;
        try
        {
            answers = EvaluationSet.Load(set);
        }
        catch (FormatException e)
        {
            throw new CliException($"--set: {e.Message}");
        }
        var unknown = answers.FirstOrDefault(a => !bank.ItemsById.ContainsKey(a.ItemId));
        return unknown is not null
            ? throw new CliException($"--set: {unknown.Source} answers '{unknown.ItemId}', which is not in the content bank.")
            : answers.Count == 0 ? throw new CliException($"--set: '{set}' holds no labelled answers.") : (bank, answers);
    }

    private static async Task WriteMissesAsync(TextWriter output, int answers, IReadOnlyList<AnswerMiss> misses)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var miss in misses)
        {
            await output.WriteLineAsync(string.Create(inv, $"{miss.Source} [{miss.Kind}, rated {miss.Rating}, judged {miss.Judged:0.0}, relevance {miss.Relevance:0.00}]"));
            if (miss.MissedSteps.Count > 0)
            {
                await output.WriteLineAsync($"  missed steps: {string.Join(", ", miss.MissedSteps)}");
            }
            foreach (var step in miss.FalseSteps)
            {
                await output.WriteLineAsync($"  false step: {step}");
            }
            if (miss.OffTopic.Length > 0)
            {
                await output.WriteLineAsync($"  off-topic: {miss.OffTopic}");
            }
            if (miss.Numbers.Length > 0)
            {
                await output.WriteLineAsync($"  numbers: {miss.Numbers}{(miss.NumberNotes.Count == 0 ? " (no number read)" : "")}");
                foreach (var note in miss.NumberNotes)
                {
                    await output.WriteLineAsync($"    {note}");
                }
            }
        }
        await output.WriteLineAsync($"{misses.Count} of {answers} answers disagree with their labels somewhere.");
    }

    private static async Task WriteTableAsync(TextWriter output, string half, AgreementFigures? old, AgreementFigures judge)
    {
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"{judge.Answers} answers on {judge.Items} items ({half} half)");
        await output.WriteLineAsync($"{"",-34}{(old is null ? "" : "cue coach"),12}{"judge",12}");
        async Task Row(string name, Func<AgreementFigures, string> value) =>
            await output.WriteLineAsync($"{name,-34}{(old is null ? "" : value(old)),12}{value(judge),12}");
        await Row("step precision", f => f.Precision.ToString("0.00", inv));
        await Row("step recall", f => f.Recall.ToString("0.00", inv));
        await Row("step F1", f => f.F1.ToString("0.00", inv));
        await Row("Spearman with the 1–4 rating", f => f.Spearman.ToString("0.00", inv));
        await Row("stuffed above strong (pairs)", f => $"{f.StuffedAboveStrong}/{f.StuffedPairs}");
        await Row("off-topic caught", f => $"{f.OffTopicCaught}/{f.OffTopic}");
        await Row("wrong numbers caught", f => $"{f.WrongNumbersCaught}/{f.WrongNumbers}");
        await Row("false off-topic flags", f => f.FalseOffTopic.ToString(inv));
        await Row("false wrong-number flags", f => f.FalseNumberAlarms.ToString(inv));
        await Row("mistake precision (by a sentence)", f => f.MistakePrecision.ToString("0.00", inv));
        await Row("mistake recall (by a sentence)", f => f.MistakeRecall.ToString("0.00", inv));
        await Row("mistake precision (any sign)", f => f.MistakeSeemsPrecision.ToString("0.00", inv));
        await Row("mistake recall (any sign)", f => f.MistakeSeemsRecall.ToString("0.00", inv));
    }
}
