using DsLoop.Store;
using DsLoop.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class PracticeCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _data = Directory.CreateTempSubdirectory("dsloop-practice-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private async Task<Cli.Result> PracticeAsync(string input, params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["practice", "--data-dir", _data, "--content", RepoPaths.Content, .. extra];
        var code = await DsLoopCli.RunAsync(args, new StringReader(input), stdout, stderr, new FixedClock(Start));
        return new Cli.Result(code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Session_asks_coaches_reveals_rates_and_schedules_in_the_shared_store()
    {
        var input = string.Join('\n',
            "I assume 6,000 sign-ups a day. The primary metric is setup completion per user.",
            "I would randomise by user, watch retention as a guardrail, and size for a 2 point lift: about 9,500 per arm, two full weeks.",
            ".",
            "s", "p", "wrong", "s", "s",
            "3", "");
        var result = await PracticeAsync(input, "--item", "onboarding-test-sample-size", "--count", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Question 1 of 1: Sizing an onboarding experiment", result.Out, StringComparison.Ordinal);
        Assert.Contains("Judge: rating", result.Out, StringComparison.Ordinal);
        Assert.Contains("[x] Power and duration", result.Out, StringComparison.Ordinal);
        Assert.Contains("Number (consistent)", result.Out, StringComparison.Ordinal);
        Assert.Contains("A strong answer:", result.Out, StringComparison.Ordinal);
        Assert.Contains("'wrong' is not one of m, p, s.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Next review of this question: 2026-03-02 09:10 UTC", result.Out, StringComparison.Ordinal);

        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        var user = await store.EnsureLocalUserAsync();
        var attempt = Assert.Single(await store.ListAttemptsAsync(user.Id));
        Assert.Equal("onboarding-test-sample-size", attempt.ItemId);
        Assert.Contains("\"guardrails\":\"partial\"", attempt.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(Start.AddMinutes(10), (await store.GetScheduleAsync(user.Id, attempt.ItemId))!.DueAt);
    }

    [Fact]
    public async Task Input_ending_before_the_rating_stops_cleanly_and_schedules_nothing()
    {
        var result = await PracticeAsync("I would run it for two weeks.\n.\ns\n", "--round", "statistics-experimentation", "--count", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Input ended; stopping the session.", result.Out, StringComparison.Ordinal);
        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        var user = await store.EnsureLocalUserAsync();
        Assert.Empty(await store.ListDueAsync(user.Id, DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData("--round", "charisma", "unknown round 'charisma'")]
    [InlineData("--dimension", "vibes", "unknown dimension 'vibes'")]
    [InlineData("--count", "0", "--count must be at least 1")]
    public async Task Bad_filters_are_named_and_exit_two(string option, string value, string message)
    {
        var result = await PracticeAsync("", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}
