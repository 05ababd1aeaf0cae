using System.CommandLine;
using System.Globalization;
using System.Text;
using DsLoop.App.Judging;
using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;

namespace DsLoop.Cli.Commands;

/// <summary>
/// <c>dsloop loop start</c>: runs a mock loop's open-answer and SQL exercises in the terminal under the same rules as
/// the web app (server-side deadlines, self-ratings, scorecard), saves it to the shared store and prints the
/// scorecard as Markdown. Open answers end with a line holding only <c>.</c>, SQL answers with a line holding only <c>;;</c>.
/// </summary>
internal static class LoopStartCommand
{
    public const string EndOfAnswer = ".";
    public const string EndOfSql = ";;";

    public static Command Build(CliConsole console)
    {
        var level = new Option<string>("--level") { Description = "ds or senior.", Required = true };
        var variant = new Option<string>("--variant") { Description = "b2b-saas, consumer or trust-and-safety.", Required = true };
        var seed = new Option<long?>("--seed") { Description = "Fixes the choice of exercises and the SQL datasets (default: random)." };
        var optional = new Option<bool>("--include-optional") { Description = "Also run optional rounds such as a take-home (skipped otherwise)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder of the store and the dataset cache (default ./.dsloop, or DSLOOP_DATA_DIR)." };
        var content = new Option<string?>("--content") { Description = "Content folder (default: ./content if it exists, else the one shipped with DsLoop)." };
        var command = new Command("start", $"Run a loop in the terminal and print its scorecard. End open answers with a line '{EndOfAnswer}' and SQL with a line '{EndOfSql}'.")
        {
            level, variant, seed, optional, dataDir, content,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = ContentCommand.ResolveFolder(parse.GetValue(content));
            var bank = ContentCommand.LoadBank(folder);
            var template = FindTemplate(bank, parse.GetValue(level)!, parse.GetValue(variant)!);
            var dataFolder = StoreSettings.FromEnvironment(parse.GetValue(dataDir)).DataDirectory;
            var grader = PracticeLoopSqlGrader.ForContent(bank, dataFolder);
            await using var store = await PracticeCommand.OpenStoreAsync(parse.GetValue(dataDir), cancellationToken);
            var user = await store.EnsureLocalUserAsync(cancellationToken);
            var runs = new LoopRuns(store, bank, console.Clock);
            var engine = new LoopEngine(bank, new AnswerReviewer(bank), grader, console.Clock);
            var state = LoopEngine.Create(template, parse.GetValue(seed) ?? Random.Shared.NextInt64(1, 1_000_000_000), pressure: false);
            var session = new Session(console, engine, runs, state, parse.GetValue(optional));
            return await session.RunAsync(user.Id, cancellationToken);
        });
        return command;
    }

    private static DsLoop.Content.Loops.LoopTemplate FindTemplate(ContentBank bank, string level, string variant)
    {
        if (!LevelsAndVariants.TryParseLevel(level, out var l) || l == Level.Both)
        {
            throw new CliException($"--level: '{level}' is not ds or senior.", DsLoopCli.Usage);
        }
        if (!LevelsAndVariants.TryParseVariant(variant, out var v))
        {
            throw new CliException($"--variant: '{variant}' is not b2b-saas, consumer, trust-and-safety or any.", DsLoopCli.Usage);
        }
        return bank.Loops.FirstOrDefault(t => t.Level == l && t.Variant == v)
            ?? throw new CliException($"no loop template is for level '{level}' and variant '{variant}'; 'dsloop loop templates' lists them.", DsLoopCli.Usage);
    }

    private sealed class Session(CliConsole console, LoopEngine engine, LoopRuns runs, LoopState state, bool includeOptional)
    {
        private TextWriter Out => console.Out;

        public async Task<int> RunAsync(string userId, CancellationToken cancellationToken)
        {
            await Out.WriteLineAsync($"{state.TemplateName} (seed {state.Seed})");
            await Out.WriteLineAsync("Before a real loop, prepare the recruiter screen: role fit, work authorization, location or remote, and a researched pay range (the web app's compensation planner helps).");
            engine.Plan(state, new ScreenPrep("", "", "", "", engine.Now), await runs.WeaknessAsync(userId, cancellationToken));
            var run = await runs.CreateAsync(userId, state, cancellationToken);
            while (state.Current is { } round)
            {
                var number = state.IndexOf(round) + 1;
                if (round.Optional && !includeOptional)
                {
                    engine.SkipRound(state);
                    await Out.WriteLineAsync($"\nSkipping optional round {number}: {round.Title} (run it with --include-optional).");
                    await runs.SaveAsync(run, state, cancellationToken);
                    continue;
                }
                engine.StartRound(state);
                await Out.WriteLineAsync($"\n=== Round {number} of {state.Rounds.Count}: {round.Title} ({round.Minutes} min, {round.Items.Count} exercise(s)) ===");
                await runs.SaveAsync(run, state, cancellationToken);
                if (!await AnswerRoundAsync(round, cancellationToken))
                {
                    await runs.SaveAsync(run, state, cancellationToken);
                    await Out.WriteLineAsync($"\nInput ended; the loop is saved as in progress (id {run.Id}). Resume it in the web app at /loop/{run.Id}.");
                    return DsLoopCli.Ok;
                }
                await runs.SaveAsync(run, state, cancellationToken);
                await ReviewAsync(round);
                if (!await RateAsync(round, number))
                {
                    await Out.WriteLineAsync($"\nInput ended before the ratings; the loop is saved as in progress (id {run.Id}). Rate the round in the web app at /loop/{run.Id}.");
                    return DsLoopCli.Ok;
                }
                await runs.SaveAsync(run, state, cancellationToken);
            }
            await runs.SaveAsync(run, state, cancellationToken);
            await Out.WriteLineAsync();
            await Out.WriteAsync(LoopMarkdown.Write(state, run, engine.Content));
            return DsLoopCli.Ok;
        }

        /// <summary>Asks each exercise of a running round; false when the input ended.</summary>
        private async Task<bool> AnswerRoundAsync(RoundState round, CancellationToken cancellationToken)
        {
            while (round.Running && round.CurrentItem is { } item)
            {
                var index = round.Items.IndexOf(item);
                await Out.WriteLineAsync($"\n--- Exercise {index + 1} of {round.Items.Count}: {LoopScoring.Title(item)} ---");
                if (item.IsSql)
                {
                    var problem = engine.Sql.Problem(item.Id);
                    await Out.WriteLineAsync(problem?.Prompt.TrimEnd() ?? item.Title);
                    await Out.WriteLineAsync($"Return the columns: {string.Join(", ", problem?.Columns ?? [])}");
                    await Out.WriteLineAsync($"Type your query (SQLite). End it with a line holding only '{EndOfSql}'.");
                }
                else if (LoopDrills.Sheet(item) is { } sheet)
                {
                    await Out.WriteLineAsync(string.Join("\n\n", sheet.Paragraphs));
                    await Out.WriteLineAsync($"Answer with {sheet.Format}. End it with a line holding only '{EndOfAnswer}'.");
                }
                else
                {
                    await Out.WriteLineAsync(engine.ItemOf(item)?.Prompt ?? item.Title);
                    await Out.WriteLineAsync($"Type your answer. End it with a line holding only '{EndOfAnswer}'.");
                }
                var answer = await ReadAsync(item.IsSql ? EndOfSql : EndOfAnswer);
                if (answer is null)
                {
                    return false;
                }
                var remaining = engine.Remaining(state, round);
                switch (await engine.AnswerAsync(state, index, answer, auto: false, cancellationToken))
                {
                    case AnswerOutcome.Late:
                        await Out.WriteLineAsync("Time ran out for this round: that answer arrived after the deadline and was not recorded.");
                        return true;
                    case AnswerOutcome.Saved:
                        await Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Recorded. {remaining.TotalMinutes:0} min were left in the round."));
                        break;
                    case AnswerOutcome.Unreadable:
                        await Out.WriteLineAsync($"Not recorded: {LoopDrills.Refusal(item, answer)} Try again.");
                        break;
                    case var other:
                        await Out.WriteLineAsync($"Not recorded ({other}); try again.");
                        break;
                }
            }
            return true;
        }

        private async Task ReviewAsync(RoundState round)
        {
            await Out.WriteLineAsync($"\nRound over ({round.EndReason}). Your answers:");
            foreach (var item in round.Items)
            {
                if (item.IsSql)
                {
                    await Out.WriteLineAsync($"- {item.Title}: {(item.Answered ? item.Passed == true ? "CORRECT" : "INCORRECT" : "not answered")} (dataset seed {item.SqlSeed})");
                    foreach (var line in item.Feedback.Where(f => f != "correct"))
                    {
                        await Out.WriteLineAsync($"    {line}");
                    }
                    if (engine.Sql.Problem(item.Id) is { } problem)
                    {
                        await Out.WriteLineAsync($"    How to solve it: {problem.Explanation.ReplaceLineEndings(" ").Trim()}");
                    }
                }
                else if (LoopDrills.DrillOf(item) is { } drill)
                {
                    var reveal = LoopDrills.Reveal(item);
                    await Out.WriteLineAsync($"- {item.Title}: {(reveal is null ? "not answered" : reveal.Correct ? "RIGHT" : "WRONG")}; the exact answer is {drill.AnswerText}");
                    if (reveal?.MistakeName is { } mistake)
                    {
                        await Out.WriteLineAsync($"    Known mistake ({mistake}): {reveal.MistakeFeedback}");
                    }
                    await Out.WriteLineAsync($"    Worked solution: {drill.Solution.ReplaceLineEndings(" ").Trim()}");
                }
                else if (item.Answered && engine.Coach(item) is { } coach)
                {
                    await Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"- {item.Title}: {coach.Steps.Count(s => s.Covered)} of {coach.Steps.Count} steps heard, rating {coach.OnFourPointScale:0.0} of 4"));
                    foreach (var signal in LoopScoring.Signals(item, engine.Content))
                    {
                        await Out.WriteLineAsync($"    {DsLoop.Core.Scorecard.ScorecardRules.DisplayName(signal.Kind)}: {signal.Description} — \"{signal.Evidence}\"");
                    }
                    if (engine.ItemOf(item) is { } question)
                    {
                        await Out.WriteLineAsync($"    A strong answer: {question.ModelAnswer.ReplaceLineEndings(" ").Trim()}");
                    }
                }
                else
                {
                    await Out.WriteLineAsync($"- {item.Title}: not answered");
                }
            }
        }

        /// <summary>Asks the self-rating of each open answer of a finished round; false when the input ended.</summary>
        private async Task<bool> RateAsync(RoundState round, int number)
        {
            var ratings = new Dictionary<int, int>();
            for (var i = 0; i < round.Items.Count; i++)
            {
                if (!LoopEngine.NeedsRating(round.Items[i]) || round.Rated)
                {
                    continue;
                }
                while (true)
                {
                    await Out.WriteAsync($"Rate your answer to '{round.Items[i].Title}': [1] Again, [2] Hard, [3] Good, [4] Easy: ");
                    if (await console.In.ReadLineAsync() is not { } line)
                    {
                        return false;
                    }
                    if (int.TryParse(line.Trim(), CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 4)
                    {
                        ratings[i] = rating;
                        break;
                    }
                    await Out.WriteLineAsync($"'{line.Trim()}' is not 1, 2, 3 or 4.");
                }
            }
            if (!round.Rated && engine.Rate(state, number - 1, ratings) is { } problem)
            {
                throw new CliException(problem);
            }
            return true;
        }

        private async Task<string?> ReadAsync(string terminator)
        {
            var lines = new StringBuilder();
            while (await console.In.ReadLineAsync() is { } line)
            {
                if (line.Trim() == terminator)
                {
                    if (lines.ToString().Trim() is { Length: > 0 } text)
                    {
                        return text;
                    }
                    await Out.WriteLineAsync($"The answer is empty. Type it, then a line holding only '{terminator}'.");
                    continue;
                }
                lines.AppendLine(line);
            }
            return null;
        }
    }
}
