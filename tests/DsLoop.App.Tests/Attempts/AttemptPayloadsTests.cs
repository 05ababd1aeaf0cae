using DsLoop.App.Attempts;
using DsLoop.App.Cases;
using DsLoop.App.Drills;
using DsLoop.App.Practice;
using DsLoop.App.SqlPractice;
using DsLoop.Core;
using DsLoop.Core.Scheduling;
using Xunit;

namespace DsLoop.App.Tests.Attempts;

public sealed class AttemptPayloadsTests
{
    [Fact]
    public void Every_attempt_kind_with_a_payload_maps_to_one_payload_type_that_says_its_kind()
    {
        Assert.NotEmpty(AttemptPayloads.Types);
        foreach (var (kind, type) in AttemptPayloads.Types)
        {
            Assert.True(type.IsSubclassOf(typeof(AttemptPayload)), $"{type.Name} is not an attempt payload");
            Assert.Equal(1, AttemptPayloads.Types.Values.Count(t => t == type));
            _ = kind;
        }
        Assert.Equal(AttemptKind.OpenQuestion, new OpenAnswer("a", 1, 1).Kind);
        Assert.Equal(AttemptKind.Sql, new SqlAnswer("", 1, "tiny", SqlAnswer.GaveUp, [], 0, 0, 0).Kind);
        Assert.Equal(AttemptKind.Case, new CasePayload("experiment-1", null, null, null).Kind);
        Assert.Equal(AttemptKind.Statistics, new DrillAnswer("bayes", 1).Kind);
        Assert.Equal(typeof(DrillAnswer), AttemptPayloads.Types[AttemptKind.Statistics]);
    }

    [Fact]
    public void A_payload_round_trips_through_its_attempt_and_is_not_read_as_another_kind()
    {
        var rating = new SelfRating(new Dictionary<string, string> { ["a"] = "solid" }, ReviewRating.Good, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3));
        var attempt = AttemptPayloads.New("u", "item", new OpenAnswer("My answer.", 30, 2, Rating: rating), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0.5);
        Assert.Equal(AttemptKind.OpenQuestion, attempt.Kind);
        Assert.Contains("\"overall\":\"Good\"", attempt.PayloadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", attempt.PayloadJson, StringComparison.Ordinal);
        var read = attempt.Read<OpenAnswer>();
        Assert.Equal("My answer.", read!.Answer);
        Assert.Equal(ReviewRating.Good, read.Rating!.Overall);
        Assert.Null(attempt.Read<SqlAnswer>());
        Assert.IsType<OpenAnswer>(attempt.Read());
    }

    [Fact]
    public void An_open_answer_stored_before_enums_were_written_as_names_still_reads()
    {
        const string Old = """{"answer":"x","seconds":5,"words":1,"rating":{"steps":{},"overall":3,"ratedAt":"2026-01-01T00:00:00+00:00","nextDue":"2026-01-04T00:00:00+00:00"}}""";
        var attempt = new Attempt("a", "u", AttemptKind.OpenQuestion, "item", DateTimeOffset.UnixEpoch, null, null, Old);
        Assert.Equal(ReviewRating.Good, attempt.Read<OpenAnswer>()!.Rating!.Overall);
    }

    [Fact]
    public void A_payload_of_another_kind_is_refused_on_an_attempt()
    {
        var attempt = AttemptPayloads.New("u", "p", new SqlAnswer("select 1", 1, "tiny", SqlAnswer.Correct, [], 1, 1, 0), DateTimeOffset.UnixEpoch, null, 1);
        Assert.Throws<ArgumentException>(() => attempt.With(new OpenAnswer("a", 1, 1)));
    }
}
