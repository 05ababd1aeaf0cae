using System.Globalization;
using System.Text.Json;
using DsLoop.App.MockLoop;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Scorecard;
using DsLoop.Store;

namespace DsLoop.App.Readiness;

/// <summary>Solved out of tried.</summary>
public sealed record SolvedRate(int Solved, int Tried)
{
    /// <summary>"3/5 (60%)", or a note that none was tried.</summary>
    public string Text => Tried == 0 ? "0/0 (none tried yet)" : string.Create(CultureInfo.InvariantCulture, $"{Solved}/{Tried} ({100.0 * Solved / Tried:0}%)");
}

/// <summary>One line of the "what to do next" plan, with where to do it.</summary>
public sealed record PlanStep(string Text, string? Href, string? LinkText);

/// <summary>The data behind a dimension's chart: points labelled by time, one series for loops and one for practice.</summary>
public sealed record DimensionChart(Dimension Dimension, IReadOnlyList<string> Labels, IReadOnlyList<double?> Loops, IReadOnlyList<double?> Practice)
{
    /// <summary>True when the dimension has no point to plot.</summary>
    public bool Empty => Loops.All(v => v is null) && Practice.All(v => v is null);

    /// <summary>The chart's data as Chart.js reads it.</summary>
    public string Json => JsonSerializer.Serialize(new
    {
        labels = Labels,
        datasets = new object[]
        {
            new { label = "Mock loop rating", data = Loops },
            new { label = "Practice answer rating", data = Practice },
        },
    });
}

/// <summary>Pure calculations of the dashboard, so they can be tested without a browser.</summary>
public static class ReadinessData
{
    /// <summary>
    /// For each dimension, its 1–4 rating over time: each finished loop's dimension rating at the time it finished, each
    /// practice answer to a question probing it, rated like judged scorecard evidence (<c>1 + 3 × score</c> weighing
    /// 0.75 with the self-rating 0.25 when given, alone otherwise), and each answered drill in Statistics &amp;
    /// experimentation, rated like auto-graded evidence (4 right, 1 wrong).
    /// </summary>
    public static IReadOnlyList<DimensionChart> Charts(
        IEnumerable<AttemptPoint> openAnswers, IEnumerable<LoopState> loops, ContentBank content, IEnumerable<AttemptPoint>? drills = null)
    {
        var events = new List<(DateTimeOffset At, Dimension Dimension, bool Loop, double Rating)>();
        foreach (var loop in loops)
        {
            foreach (var d in loop.Scorecard?.Dimensions.Where(d => d.Assessed) ?? [])
            {
                events.Add((loop.CompletedAt ?? DateTimeOffset.MinValue, d.Dimension, true, (double)d.Rating!.Value));
            }
        }
        foreach (var answer in openAnswers)
        {
            if (!content.ItemsById.TryGetValue(answer.ItemId, out var item))
            {
                continue;
            }
            var score = Math.Clamp(answer.Score, 0, 1);
            var rating = ScorecardRules.RateOpenAnswer(ScorecardRules.JudgeRating(score, null), answer.SelfRating);
            events.AddRange(item.Dimensions.Select(d => (answer.At, d, false, (double)rating)));
        }
        foreach (var drill in drills ?? [])
        {
            events.Add((drill.At, Dimension.StatisticsExperimentation, false, ScorecardRules.RateScore(Math.Clamp(drill.Score, 0, 1))));
        }
        return [.. Dimensions.All.Select(d =>
        {
            var mine = events.Where(e => e.Dimension == d).OrderBy(e => e.At).ThenBy(e => e.Loop).ToList();
            return new DimensionChart(d,
                [.. mine.Select(e => e.At.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture))],
                [.. mine.Select(e => e.Loop ? (double?)e.Rating : null)],
                [.. mine.Select(e => e.Loop ? null : (double?)e.Rating)]);
        })];
    }

    /// <summary>Three to five concrete next steps, most urgent first.</summary>
    public static IReadOnlyList<PlanStep> Plan(
        int due, IReadOnlyList<(Dimension Dimension, double Weakness)> weakest, SolvedRate sqlPractice, SolvedRate sqlInLoops,
        IReadOnlyList<LoopState> loops, int openAnswers, DateTimeOffset now, SolvedRate? drills = null)
    {
        var steps = new List<PlanStep>();
        if (due > 0)
        {
            steps.Add(new PlanStep($"Clear your {due} due review(s) first: spaced recall is cheapest when it is on time.", "/review", "Open the review queue"));
        }
        foreach (var (dimension, _) in weakest.Take(2))
        {
            steps.Add(new PlanStep($"Answer three questions on {Dimensions.DisplayName(dimension)}, your weakest area, and rate each one.",
                $"/practice?dimension={Dimensions.Slug(dimension)}", "Practise it"));
        }
        var sqlTried = sqlPractice.Tried + sqlInLoops.Tried;
        var sqlSolved = sqlPractice.Solved + sqlInLoops.Solved;
        if (sqlTried < 5 || sqlSolved < 0.7 * sqlTried)
        {
            steps.Add(new PlanStep("Solve SQL problems until at least 7 in 10 pass on fresh data.", "/sql?status=new", "Open the SQL problems"));
        }
        if (drills is { } d && (d.Tried < 5 || d.Solved < 0.7 * d.Tried))
        {
            steps.Add(new PlanStep("Do statistics and probability drills until at least 7 in 10 are right on fresh numbers.", "/stats", "Open the drills"));
        }
        if (loops.Count == 0)
        {
            steps.Add(new PlanStep(openAnswers < 10
                ? "Answer a few more questions, then run your first mock loop to get a scorecard."
                : "Run your first mock loop: a scorecard shows where you stand against the bar.", "/loop", "Start a loop"));
        }
        else if (loops[^1].CompletedAt is { } last && now - last > TimeSpan.FromDays(7))
        {
            steps.Add(new PlanStep("Your last loop is over a week old: run another to see whether the weak areas moved.", "/loop", "Start a loop"));
        }
        else if (loops[^1].Scorecard is { Recommendation: { } call } && call < Recommendation.Yes)
        {
            steps.Add(new PlanStep("Your last loop ended below the bar: work the weakest areas for a few days before the next loop.", null, null));
        }
        else
        {
            steps.Add(new PlanStep("Run another loop with interviewer pressure on, to practise the follow-up probes under time.", "/loop", "Start a loop"));
        }
        // The loop step is the last word; keep the plan to five steps.
        return steps.Count > 5 ? [.. steps.Take(4), steps[^1]] : steps;
    }
}
