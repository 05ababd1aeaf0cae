using System.CommandLine;
using System.Text;
using DsLoop.App.Attempts;
using DsLoop.App.Hosting;
using DsLoop.App.Judging;
using DsLoop.App.Practice;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using DsLoop.Store;

namespace DsLoop.Cli.Commands;

/// <summary>
/// <c>dsloop practice</c>: an interactive session in the terminal. It saves to the same store as the web app
/// in local mode, so terminal and browser practice share one history and one review queue.
/// </summary>
internal static class PracticeCommand
{
    private const string EndOfAnswer = ".";

    public static Command Build(CliConsole console)
    {
        var round = new Option<string?>("--round") { Description = $"Only this round: {string.Join(", ", Rounds.All.Select(Rounds.Slug))}." };
        var dimension = new Option<string?>("--dimension") { Description = $"Only this dimension: {string.Join(", ", Dimensions.All.Select(Dimensions.Slug))}." };
        var count = new Option<int>("--count") { Description = "How many questions to ask.", DefaultValueFactory = _ => 3 };
        var item = new Option<string?>("--item") { Description = "Answer this one question (its id, as 'dsloop content stats --json' or the web app shows)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of the store (default ./.dsloop, or DSLOOP_DATA_DIR)." };
        var content = new Option<string?>("--content") { Description = "Content folder (default: the one shipped with DsLoop)." };
        var command = new Command("practice", "Answer open questions in the terminal: get coached, see the model answer, rate yourself, and schedule the next review.")
        {
            round, dimension, count, item, dataDir, content,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var bank = ContentCommand.LoadBank(parse.GetValue(content) ?? AppSettings.DefaultContentDirectory());
            var items = Filter(bank, parse.GetValue(round), parse.GetValue(dimension));
            if (parse.GetValue(item) is { } id)
            {
                items = bank.ItemsById.TryGetValue(id, out var one)
                    ? [one]
                    : throw new CliException($"--item: no question has the id '{id}'.", DsLoopCli.Usage);
            }
            var howMany = parse.GetValue(count);
            if (howMany < 1)
            {
                throw new CliException($"--count must be at least 1, got {howMany}.", DsLoopCli.Usage);
            }
            await using var store = await OpenStoreAsync(parse.GetValue(dataDir), cancellationToken);
            var user = await store.EnsureLocalUserAsync(cancellationToken);
            var practice = new PracticeService(bank, new AnswerReviewer(bank), store, new ReviewScheduling(store, console.Clock), console.Clock);
            var session = new Session(console, practice, new PracticeOverview(bank, store, console.Clock), user);
            var chosen = await session.ChooseAsync(items, howMany, cancellationToken);
            if (chosen.Count == 0)
            {
                throw new CliException("no question matches those filters.");
            }
            for (var i = 0; i < chosen.Count; i++)
            {
                if (!await session.AskAsync(chosen[i], i + 1, chosen.Count, cancellationToken))
                {
                    await console.Out.WriteLineAsync("Input ended; stopping the session. Answers rated so far are saved.");
                    break;
                }
            }
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static List<QuestionItem> Filter(ContentBank bank, string? round, string? dimension)
    {
        IEnumerable<QuestionItem> items = bank.Items;
        if (round is not null)
        {
            if (!Rounds.TryParse(round, out var r))
            {
                throw new CliException($"unknown round '{round}'; use one of: {string.Join(", ", Rounds.All.Select(Rounds.Slug))}.", DsLoopCli.Usage);
            }
            items = items.Where(i => i.Rounds.Contains(r));
        }
        if (dimension is not null)
        {
            if (!Dimensions.TryParse(dimension, out var d))
            {
                throw new CliException($"unknown dimension '{dimension}'; use one of: {string.Join(", ", Dimensions.All.Select(Dimensions.Slug))}.", DsLoopCli.Usage);
            }
            items = items.Where(i => i.Dimensions.Contains(d));
        }
        return [.. items];
    }

    internal static async Task<IAppStore> OpenStoreAsync(string? dataDir, CancellationToken cancellationToken)
    {
        try
        {
            return await AppStoreFactory.OpenAsync(StoreSettings.FromEnvironment(dataDir), cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            throw new CliException(e.Message);
        }
    }

    private sealed class Session(CliConsole console, PracticeService practice, PracticeOverview overview, User user)
    {
        /// <summary>Due items first (most overdue first), then never-answered ones, then the least recently answered.</summary>
        public async Task<List<QuestionItem>> ChooseAsync(List<QuestionItem> items, int count, CancellationToken cancellationToken)
        {
            var due = (await overview.DueItemIdsAsync(user.Id, cancellationToken)).ToList();
            var lastAnswered = (await overview.SummariesAsync(user.Id, cancellationToken)).ToDictionary(p => p.Key, p => p.Value.LastAt, StringComparer.Ordinal);
            return [.. items
                .OrderBy(i => due.IndexOf(i.Id) is var d && d >= 0 ? d : int.MaxValue)
                .ThenBy(i => lastAnswered.TryGetValue(i.Id, out var at) ? at : DateTimeOffset.MinValue)
                .ThenBy(i => i.Id, StringComparer.Ordinal)
                .Take(count)];
        }

        /// <summary>Runs one question; false when the input ended before it was rated.</summary>
        public async Task<bool> AskAsync(QuestionItem item, int number, int total, CancellationToken cancellationToken)
        {
            var framework = practice.Content.Frameworks[item.FrameworkId];
            var output = console.Out;
            await output.WriteLineAsync($"\n=== Question {number} of {total}: {item.Title} ===");
            await output.WriteLineAsync(item.Prompt);
            var stepNames = string.Join(" → ", framework.Steps.Select(s => s.Name));
            await output.WriteLineAsync(framework.Name == stepNames ? $"\nStructure: {stepNames}" : $"\nStructure: {framework.Name} — {stepNames}");
            await output.WriteLineAsync($"Type your answer (aim for 150–300 words). End it with a line holding only '{EndOfAnswer}'.");
            var started = console.Clock.GetUtcNow();
            var answer = await ReadAnswerAsync();
            if (answer is null)
            {
                return false;
            }
            var seconds = (int)Math.Clamp((console.Clock.GetUtcNow() - started).TotalSeconds, 0, 24 * 3600);
            var submitted = await practice.SubmitAsync(user.Id, item, answer, seconds, cancellationToken);
            if (submitted.Value is not { } attempt)
            {
                await output.WriteLineAsync($"Not saved: {submitted.Problem}");
                return true;
            }
            var coach = attempt.Read<OpenAnswer>()!.Coach!;
            await WriteCoachAsync(coach, "Judge");
            await output.WriteLineAsync($"\nWhy they ask: {item.WhyTheyAsk}");
            // The probes come before the strong answer, which would otherwise give their answers away.
            await output.WriteLineAsync("\nFollow-ups to expect (think through your answers first):");
            foreach (var followUp in item.FollowUps)
            {
                await output.WriteLineAsync($"  - {followUp.Probe}");
            }
            await output.WriteLineAsync($"\nA strong answer:\n{item.ModelAnswer}");
            if (item.SeniorAddendum.Length > 0)
            {
                await output.WriteLineAsync($"\nWhat a Senior adds:\n{item.SeniorAddendum}");
            }

            var steps = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var step in framework.Steps)
            {
                var level = await AskChoiceAsync($"Rate '{step.Name}': [m]issed, [p]artial, [s]olid", new() { ["m"] = "missed", ["p"] = "partial", ["s"] = "solid" });
                if (level is null)
                {
                    return false;
                }
                steps[step.Id] = level;
            }
            var overall = await AskChoiceAsync("Overall: [1] Again, [2] Hard, [3] Good, [4] Easy",
                new() { ["1"] = nameof(ReviewRating.Again), ["2"] = nameof(ReviewRating.Hard), ["3"] = nameof(ReviewRating.Good), ["4"] = nameof(ReviewRating.Easy) });
            if (overall is null)
            {
                return false;
            }
            var rated = await practice.RateAsync(attempt, Enum.Parse<ReviewRating>(overall), steps, cancellationToken);
            var due = rated.Value?.Read<OpenAnswer>()?.Rating?.NextDue;
            await output.WriteLineAsync(due is { } next ? $"Saved. Next review of this question: {next.UtcDateTime:yyyy-MM-dd HH:mm} UTC." : $"Not rated: {rated.Problem}");
            return true;
        }

        private async Task<string?> ReadAnswerAsync()
        {
            var lines = new StringBuilder();
            while (await console.In.ReadLineAsync() is { } line)
            {
                if (line.Trim() == EndOfAnswer)
                {
                    return lines.ToString().Trim() is { Length: > 0 } text ? text : await RetryEmptyAsync();
                }
                lines.AppendLine(line);
            }
            return lines.ToString().Trim() is { Length: > 0 } last ? last : null;
        }

        private async Task<string?> RetryEmptyAsync()
        {
            await console.Out.WriteLineAsync($"The answer is empty. Type it, then a line holding only '{EndOfAnswer}'.");
            return await ReadAnswerAsync();
        }

        private async Task<string?> AskChoiceAsync(string question, Dictionary<string, string> choices)
        {
            while (true)
            {
                await console.Out.WriteAsync($"{question}: ");
                if (await console.In.ReadLineAsync() is not { } line)
                {
                    return null;
                }
                var key = line.Trim();
                if (choices.TryGetValue(key.ToLowerInvariant(), out var value))
                {
                    return value;
                }
                if (choices.Values.FirstOrDefault(v => v.Equals(key, StringComparison.OrdinalIgnoreCase)) is { } named)
                {
                    return named;
                }
                await console.Out.WriteLineAsync($"'{line.Trim()}' is not one of {string.Join(", ", choices.Keys)}.");
            }
        }

        private async Task WriteCoachAsync(CoachReport coach, string title)
        {
            await console.Out.WriteLineAsync();
            await CoachReportText.WriteAsync(console.Out, title, coach);
        }
    }
}
