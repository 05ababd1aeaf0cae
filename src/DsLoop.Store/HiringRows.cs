using DsLoop.Core;
using DsLoop.Core.Hiring;

namespace DsLoop.Store;

// Flat hiring rows as both engines return them; times are Unix milliseconds.
internal sealed class WorkspaceRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public long Created_At { get; set; }
    public string Created_By { get; set; } = "";
    public string? Role { get; set; }

    public Workspace ToWorkspace() => new(Id, Name, Time.From(Created_At), Created_By);

    public WorkspaceSeat ToSeat() => new(ToWorkspace(), Enum.Parse<HiringRole>(Role!));
}

internal sealed class MemberRow
{
    public string Workspace_Id { get; set; } = "";
    public string User_Id { get; set; } = "";
    public string User_Name { get; set; } = "";
    public string Role { get; set; } = "";
    public long Added_At { get; set; }

    public WorkspaceMember ToMember() => new(Workspace_Id, User_Id, User_Name, Enum.Parse<HiringRole>(Role), Time.From(Added_At));
}

internal sealed class PositionRow
{
    public const string Columns = "workspace_id, id, title, level, variant, loop_template_id, weights, sql_problems, sql_minutes, take_home, take_home_hours, created_at, updated_at";

    public string Workspace_Id { get; set; } = "";
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Level { get; set; } = "";
    public string Variant { get; set; } = "";
    public string Loop_Template_Id { get; set; } = "";
    public string Weights { get; set; } = "";
    public string Sql_Problems { get; set; } = "";
    public long Sql_Minutes { get; set; }
    public string Take_Home { get; set; } = "";
    public long Take_Home_Hours { get; set; }
    public long Created_At { get; set; }
    public long Updated_At { get; set; }

    public Position ToPosition() => new(
        Id, Workspace_Id, Title, Enum.Parse<Level>(Level), Enum.Parse<CompanyVariant>(Variant), Loop_Template_Id,
        ScorecardWeights.Parse(Weights) ?? throw new StoreUnavailableException($"Position {Id} has unreadable scorecard weights '{Weights}'."),
        new SqlScreen(Sql_Problems.Split(',', StringSplitOptions.RemoveEmptyEntries), (int)Sql_Minutes),
        new TakeHome(Enum.Parse<TakeHomeCase>(Take_Home), (int)Take_Home_Hours),
        Time.From(Created_At), Time.From(Updated_At));

    public static object Parameters(Position p) => new
    {
        p.WorkspaceId,
        p.Id,
        p.Title,
        Level = p.Level.ToString(),
        Variant = p.Variant.ToString(),
        p.LoopTemplateId,
        Weights = p.Weights.ToString(),
        SqlProblems = string.Join(',', p.Sql.ProblemIds),
        SqlMinutes = (long)p.Sql.Minutes,
        TakeHome = p.TakeHome.Case.ToString(),
        TakeHomeHours = (long)p.TakeHome.ExpectedHours,
        CreatedAt = Time.To(p.CreatedAt),
        UpdatedAt = Time.To(p.UpdatedAt),
    };
}

internal sealed class InvitationRow
{
    public const string Columns = "workspace_id, id, position_id, candidate_name, candidate_email, exercise, token_hash, created_at, created_by, expires_at, resent_from, opened_at, session_hash, revoked_at, started_at, deadline_at, finished_at, score";

    public string Workspace_Id { get; set; } = "";
    public string Id { get; set; } = "";
    public string Position_Id { get; set; } = "";
    public string Candidate_Name { get; set; } = "";
    public string Candidate_Email { get; set; } = "";
    public string Exercise { get; set; } = "";
    public string Token_Hash { get; set; } = "";
    public long Created_At { get; set; }
    public string Created_By { get; set; } = "";
    public long Expires_At { get; set; }
    public string? Resent_From { get; set; }
    public long? Opened_At { get; set; }
    public string? Session_Hash { get; set; }
    public long? Revoked_At { get; set; }
    public long? Started_At { get; set; }
    public long? Deadline_At { get; set; }
    public long? Finished_At { get; set; }
    public double? Score { get; set; }

    public Invitation ToInvitation() => new(
        Id, Workspace_Id, Position_Id, Candidate_Name, Candidate_Email, Enum.Parse<HiringExercise>(Exercise), Token_Hash,
        Time.From(Created_At), Created_By, Time.From(Expires_At))
    {
        ResentFrom = Resent_From,
        OpenedAt = Maybe(Opened_At),
        SessionHash = Session_Hash,
        RevokedAt = Maybe(Revoked_At),
        StartedAt = Maybe(Started_At),
        DeadlineAt = Maybe(Deadline_At),
        FinishedAt = Maybe(Finished_At),
        Score = Score,
    };

    private static DateTimeOffset? Maybe(long? value) => value is { } v ? Time.From(v) : null;
}

internal sealed class AnswerRow
{
    public string Problem_Id { get; set; } = "";
    public string Sql { get; set; } = "";
    public long Saved_At { get; set; }
    public string? Verdict { get; set; }

    public HiringAnswer ToAnswer() => new(Problem_Id, Sql, Time.From(Saved_At), Verdict);
}

internal sealed class AuditRow
{
    public const string Columns = "workspace_id, id, at, actor, action, subject, detail";

    public string Workspace_Id { get; set; } = "";
    public string Id { get; set; } = "";
    public long At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Detail { get; set; } = "";

    public AuditEntry ToEntry() => new(Id, Workspace_Id, Time.From(At), Actor, Enum.Parse<AuditAction>(Action), Subject, Detail);
}
