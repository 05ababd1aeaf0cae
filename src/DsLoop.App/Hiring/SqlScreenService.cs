using DsLoop.App.SqlPractice;
using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Core.Hiring;
using DsLoop.Sql;
using DsLoop.Store;

namespace DsLoop.App.Hiring;

/// <summary>Where a candidate's SQL screen stands.</summary>
public enum ScreenStage
{
    /// <summary>Opened, not started: the candidate reads the time and the criteria first.</summary>
    NotStarted,
    /// <summary>Running until the server-side deadline.</summary>
    Running,
    /// <summary>Submitted, or closed at the deadline and scored with what was saved.</summary>
    Finished,
}

/// <summary>What the candidate's SQL screen page shows: the problems' tasks and the candidate's own saved queries, never a solution, expected value or verdict.</summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="Position">Its position.</param>
/// <param name="Problems">The screen's problems, in order.</param>
/// <param name="Saved">The saved query per problem id.</param>
/// <param name="Stage">Where it stands.</param>
public sealed record SqlScreenView(Invitation Invitation, Position Position, IReadOnlyList<SqlProblem> Problems, IReadOnlyDictionary<string, string> Saved, ScreenStage Stage);

/// <summary>
/// The candidate's timed SQL screen: the deadline is the server's; answers are saved as the candidate goes; submitting,
/// or the deadline passing, scores what was saved with the practice grader on the candidate's secret-seeded dataset.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="practice">Runs and grades queries on the practice datasets.</param>
/// <param name="content">The SQL bank.</param>
/// <param name="secret">Derives the candidate's dataset seed.</param>
/// <param name="clock">Deadlines.</param>
public sealed class SqlScreenService(IAppStore store, SqlPracticeService practice, ContentBank content, HiringSecret secret, TimeProvider clock)
{
    /// <summary>An answer sent this long after the deadline (a save already on its way) is still refused; the deadline is firm.</summary>
    public static readonly TimeSpan Grace = TimeSpan.Zero;

    /// <summary>The screen as it stands, closing and scoring it first if its deadline has passed.</summary>
    public async Task<SqlScreenView?> ViewAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        if (invitation.Exercise != HiringExercise.SqlScreen)
        {
            return null;
        }
        invitation = await CloseIfDueAsync(invitation, cancellationToken);
        var position = await store.Hiring.GetPositionAsync(invitation.WorkspaceId, invitation.PositionId, cancellationToken);
        if (position is null)
        {
            return null;
        }
        var answers = await store.Hiring.ListAnswersAsync(invitation.WorkspaceId, invitation.Id, cancellationToken);
        var problems = position.Sql.ProblemIds.Select(id => content.SqlProblemsById.GetValueOrDefault(id)).OfType<SqlProblem>().ToList();
        var stage = invitation.FinishedAt is not null ? ScreenStage.Finished : invitation.StartedAt is not null ? ScreenStage.Running : ScreenStage.NotStarted;
        return new SqlScreenView(invitation, position, problems, answers.ToDictionary(a => a.ProblemId, a => a.Sql, StringComparer.Ordinal), stage);
    }

    /// <summary>Starts the clock once: the deadline is now plus the position's minutes.</summary>
    public async Task<HiringOutcome<Invitation>> StartAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(invitation, cancellationToken);
        if (view is null)
        {
            return HiringOutcome<Invitation>.No(HiringRefusal.NotFound, "This invitation has no SQL screen.");
        }
        var now = clock.GetUtcNow();
        if (!await store.Hiring.StartExerciseAsync(invitation.WorkspaceId, invitation.Id, now, now.AddMinutes(view.Position.Sql.Minutes), cancellationToken))
        {
            return HiringOutcome<Invitation>.No(HiringRefusal.Conflict, "The screen has started already.");
        }
        return HiringOutcome<Invitation>.Done((await store.Hiring.GetInvitationAsync(invitation.WorkspaceId, invitation.Id, cancellationToken))!);
    }

    /// <summary>Saves the candidate's query for one problem while the screen runs; refused after the deadline.</summary>
    public async Task<HiringOutcome<string>> SaveAsync(Invitation invitation, string? problemId, string? sql, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(invitation, cancellationToken);
        if (view is null || problemId is null || !view.Position.Sql.ProblemIds.Contains(problemId))
        {
            return HiringOutcome<string>.No(HiringRefusal.BadInput, "Problem: not a problem of this screen.");
        }
        if (SqlSubmissions.CheckQuery(sql, required: false) is { } problem)
        {
            return HiringOutcome<string>.No(HiringRefusal.BadInput, $"Sql: {problem}");
        }
        if (view.Stage != ScreenStage.Running
            || !await store.Hiring.SaveAnswerAsync(invitation.WorkspaceId, invitation.Id, problemId, sql ?? "", clock.GetUtcNow(), cancellationToken))
        {
            return HiringOutcome<string>.No(HiringRefusal.Conflict, view.Stage == ScreenStage.NotStarted
                ? "Start the screen first."
                : "The screen is over: its deadline has passed or it was submitted, and answers can no longer change.");
        }
        return HiringOutcome<string>.Done(problemId);
    }

    /// <summary>Runs the candidate's query on their dataset and shows the first rows (no verdict, no reference).</summary>
    public async Task<HiringOutcome<SqlRunResult>> RunAsync(Invitation invitation, string? sql, CancellationToken cancellationToken = default)
    {
        if (SqlSubmissions.CheckQuery(sql) is { } problem)
        {
            return HiringOutcome<SqlRunResult>.No(HiringRefusal.BadInput, $"Sql: {problem}");
        }
        var view = await ViewAsync(invitation, cancellationToken);
        if (view?.Stage != ScreenStage.Running)
        {
            return HiringOutcome<SqlRunResult>.No(HiringRefusal.Conflict, "Queries run only while the screen runs.");
        }
        return HiringOutcome<SqlRunResult>.Done(await practice.RunAsync(secret.DatasetSeed(invitation.Id), sql!, cancellationToken));
    }

    /// <summary>The tables and columns of the candidate's dataset.</summary>
    public Task<IReadOnlyList<SqlTableInfo>> SchemaAsync(Invitation invitation, CancellationToken cancellationToken = default) =>
        practice.DescribeAsync(secret.DatasetSeed(invitation.Id), cancellationToken);

    /// <summary>Submits the screen now: every saved answer is graded and the screen closes.</summary>
    public async Task<HiringOutcome<Invitation>> SubmitAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(invitation, cancellationToken);
        if (view?.Stage != ScreenStage.Running)
        {
            return HiringOutcome<Invitation>.No(HiringRefusal.Conflict, "There is no running screen to submit.");
        }
        return HiringOutcome<Invitation>.Done(await ScoreAsync(view.Invitation, view.Position, AuditEntry.Candidate(invitation.Id), cancellationToken));
    }

    /// <summary>Scores a running screen whose deadline has passed with what was saved (actor: system); returns it as it now stands.</summary>
    public async Task<Invitation> CloseIfDueAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        if (invitation is not { StartedAt: not null, FinishedAt: null, DeadlineAt: { } deadline } || clock.GetUtcNow() < deadline + Grace)
        {
            return invitation;
        }
        var position = await store.Hiring.GetPositionAsync(invitation.WorkspaceId, invitation.PositionId, cancellationToken);
        return position is null ? invitation : await ScoreAsync(invitation, position, AuditEntry.System, cancellationToken);
    }

    private async Task<Invitation> ScoreAsync(Invitation invitation, Position position, string actor, CancellationToken cancellationToken)
    {
        var seed = secret.DatasetSeed(invitation.Id);
        var saved = (await store.Hiring.ListAnswersAsync(invitation.WorkspaceId, invitation.Id, cancellationToken)).ToDictionary(a => a.ProblemId, StringComparer.Ordinal);
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        var correct = 0;
        foreach (var id in position.Sql.ProblemIds)
        {
            if (!saved.TryGetValue(id, out var answer) || string.IsNullOrWhiteSpace(answer.Sql) || !content.SqlProblemsById.TryGetValue(id, out var problem))
            {
                continue;
            }
            var grade = await practice.GradeAsync(problem, seed, answer.Sql, cancellationToken);
            verdicts[id] = grade.Verdict == GradeVerdict.ReferenceFailed ? "not-graded" : grade.VerdictSlug;
            correct += grade.Verdict == GradeVerdict.Correct ? 1 : 0;
        }
        var score = position.Sql.ProblemIds.Count == 0 ? 0 : (double)correct / position.Sql.ProblemIds.Count;
        await store.Hiring.FinishExerciseAsync(invitation.WorkspaceId, invitation.Id, verdicts, score, clock.GetUtcNow(), actor, cancellationToken);
        return (await store.Hiring.GetInvitationAsync(invitation.WorkspaceId, invitation.Id, cancellationToken))!;
    }
}
