using System.Text;
using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class LoopStartCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _data = Directory.CreateTempSubdirectory("dsloop-loop-start-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<Cli.Result> StartAsync(string input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["loop", "start", "--level", "senior", "--variant", "consumer", "--seed", "7", "--data-dir", _data, "--content", RepoPaths.Content];
        var code = await DsLoopCli.RunAsync(args, new StringReader(input), stdout, stderr, new FixedClock(Start));
        return new Cli.Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The plan the command makes for seed 7 on an empty store, to script the answers.</summary>
    private LoopState Plan()
    {
        var bank = ContentLoader.Load(RepoPaths.Content).Bank!;
        var grader = PracticeLoopSqlGrader.ForContent(bank, Path.Combine(_data, "plan-data"));
        var state = LoopEngine.Create(bank.Loops.Single(t => t.Id == "senior-consumer"), 7, pressure: false);
        new LoopEngine(bank, new DsLoop.App.Judging.AnswerReviewer(bank, useModel: false), grader, new FixedClock(Start)).Plan(state, new ScreenPrep("", "", "", "", Start), LoopWeakness.From([], bank, null));
        return state;
    }

    [Fact]
    public async Task Loop_start_runs_open_and_sql_exercises_from_piped_input_and_prints_the_scorecard()
    {
        var problems = ContentLoader.Load(RepoPaths.Content).Bank!.SqlProblemsById;
        var input = new StringBuilder();
        var sqlSeen = 0;
        foreach (var round in Plan().Rounds)
        {
            foreach (var item in round.Items)
            {
                if (item.IsSql)
                {
                    input.AppendLine(sqlSeen++ == 0 ? problems[item.Id].ReferenceFor("sqlite") : "select 1 as wrong").AppendLine(";;");
                }
                else if (item.IsDrill)
                {
                    // The drill's numbers are drawn when the command plans the loop; any readable answer in its format will do.
                    var format = LoopDrills.DrillOf(item)!.Format;
                    input.AppendLine(format.Choices.Count > 0 ? format.Choices[0] : "0.5").AppendLine(".");
                }
                else
                {
                    input.AppendLine("I would start with a baseline and name a guardrail.").AppendLine("We stopped the test as soon as it was significant.").AppendLine(".");
                }
            }
            foreach (var _ in round.Items.Where(i => !i.IsGraded))
            {
                input.AppendLine("3");
            }
        }

        var result = await StartAsync(input.ToString());

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Contains("=== Round 1 of 7: Recruiter screen (30 min, 3 exercise(s)) ===", result.Out, StringComparison.Ordinal);
        Assert.Contains("Type your query (SQLite). End it with a line holding only ';;'.", result.Out, StringComparison.Ordinal);
        Assert.Contains(": CORRECT (dataset seed", result.Out, StringComparison.Ordinal);
        Assert.Contains(": INCORRECT (dataset seed", result.Out, StringComparison.Ordinal);
        Assert.Contains("red flag: Stopped or called a test", result.Out, StringComparison.Ordinal);
        Assert.Contains("# Senior Data Scientist loop, consumer app: scorecard", result.Out, StringComparison.Ordinal);
        Assert.Contains("**Recommendation:", result.Out, StringComparison.Ordinal);
        Assert.Contains("| Data fluency (SQL + data quality) | 15% |", result.Out, StringComparison.Ordinal);
        Assert.Contains("Answer with a", result.Out, StringComparison.Ordinal);
        Assert.Contains("; the exact answer is ", result.Out, StringComparison.Ordinal);
        Assert.Contains("Worked solution: ", result.Out, StringComparison.Ordinal);

        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        var user = await store.EnsureLocalUserAsync();
        var run = Assert.Single(await store.ListLoopsAsync(user.Id));
        Assert.Equal(LoopStatus.Completed, run.Status);
        var state = LoopState.FromJson(run.StateJson);
        Assert.Equal(7, state.Seed);
        Assert.All(state.Rounds.SelectMany(r => r.Items).Where(i => !i.IsGraded), i => Assert.Equal(3, i.SelfRating));
        Assert.All(state.Rounds.SelectMany(r => r.Items).Where(i => i.IsDrill), i => Assert.NotNull(i.Passed));
    }

    [Fact]
    public async Task Input_ending_mid_loop_saves_the_loop_in_progress()
    {
        var result = await StartAsync("A first answer.\n.\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Input ended; the loop is saved as in progress", result.Out, StringComparison.Ordinal);
        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        var run = Assert.Single(await store.ListLoopsAsync((await store.EnsureLocalUserAsync()).Id));
        Assert.Equal(LoopStatus.InProgress, run.Status);
        Assert.Equal("A first answer.", LoopState.FromJson(run.StateJson).Rounds[0].Items[0].Answer);
    }

    [Fact]
    public async Task An_unknown_level_is_a_usage_error()
    {
        var result = await Cli.RunAsync("loop", "start", "--level", "staff", "--variant", "consumer", "--content", RepoPaths.Content, "--data-dir", _data);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--level: 'staff' is not ds or senior.", result.Error, StringComparison.Ordinal);
    }
}
