using System.Globalization;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Hiring;
using DsLoop.Store;

namespace DsLoop.App.Hiring;

/// <summary>A position as a form or the command line gives it: text, checked field by field.</summary>
public sealed record PositionForm
{
    /// <summary>The job title.</summary>
    public string? Title { get; init; }

    /// <summary>Level slug: ds or senior.</summary>
    public string? Level { get; init; }

    /// <summary>Company variant slug: any, b2b-saas, consumer, trust-and-safety.</summary>
    public string? Variant { get; init; }

    /// <summary>The loop template id (content/loops).</summary>
    public string? LoopTemplate { get; init; }

    /// <summary>Percent per dimension slug; empty means the blueprint's default.</summary>
    public IReadOnlyDictionary<string, string?> Weights { get; init; } = new Dictionary<string, string?>();

    /// <summary>SQL bank problem ids, separated by commas, spaces or line breaks.</summary>
    public string? SqlProblems { get; init; }

    /// <summary>The SQL screen's time limit in minutes.</summary>
    public string? SqlMinutes { get; init; }

    /// <summary>Take-home case slug: experiment, modeling or kpi-drop.</summary>
    public string? TakeHome { get; init; }

    /// <summary>The hours the take-home is expected to take.</summary>
    public string? TakeHomeHours { get; init; }
}

/// <summary>Positions of a workspace: created and changed by admins, recruiters and hiring managers; seen by every member.</summary>
/// <param name="store">The store.</param>
/// <param name="content">Loop templates and the SQL bank, which positions refer to.</param>
/// <param name="clock">Creation and change times.</param>
public sealed class PositionService(IAppStore store, ContentBank content, TimeProvider clock)
{
    /// <summary>The workspace's positions.</summary>
    public async Task<HiringOutcome<IReadOnlyList<Position>>> ListAsync(HiringMember member, CancellationToken cancellationToken = default) =>
        member.May(HiringPermission.ViewPositions)
            ? HiringOutcome<IReadOnlyList<Position>>.Done(await store.Hiring.ListPositionsAsync(member.WorkspaceId, cancellationToken))
            : HiringOutcome<IReadOnlyList<Position>>.Forbidden(HiringPermission.ViewPositions);

    /// <summary>One position of the workspace.</summary>
    public async Task<HiringOutcome<Position>> GetAsync(HiringMember member, string? positionId, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ViewPositions))
        {
            return HiringOutcome<Position>.Forbidden(HiringPermission.ViewPositions);
        }
        var position = string.IsNullOrEmpty(positionId) || positionId.Length > 64 ? null : await store.Hiring.GetPositionAsync(member.WorkspaceId, positionId, cancellationToken);
        return position is null ? HiringOutcome<Position>.No(HiringRefusal.NotFound, "No such position in this workspace.") : HiringOutcome<Position>.Done(position);
    }

    /// <summary>Creates a position from the form; refused with the field named when any field is wrong, and nothing is written then.</summary>
    public async Task<HiringOutcome<Position>> CreateAsync(HiringMember member, PositionForm form, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.EditPositions))
        {
            return HiringOutcome<Position>.Forbidden(HiringPermission.EditPositions);
        }
        var now = clock.GetUtcNow();
        var position = Read(form, Ids.New(), member.WorkspaceId, now, out var problem);
        if (position is null)
        {
            return HiringOutcome<Position>.No(HiringRefusal.BadInput, problem!);
        }
        await store.Hiring.AddPositionAsync(position, member.UserId, cancellationToken);
        return HiringOutcome<Position>.Done(position);
    }

    /// <summary>Replaces a position's fields from the form; the audit row names the fields that changed.</summary>
    public async Task<HiringOutcome<Position>> UpdateAsync(HiringMember member, string? positionId, PositionForm form, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.EditPositions))
        {
            return HiringOutcome<Position>.Forbidden(HiringPermission.EditPositions);
        }
        var found = await GetAsync(member, positionId, cancellationToken);
        if (found.Value is not { } old)
        {
            return found;
        }
        var changed = Read(form, old.Id, member.WorkspaceId, old.CreatedAt, out var problem);
        if (changed is null)
        {
            return HiringOutcome<Position>.No(HiringRefusal.BadInput, problem!);
        }
        changed = changed with { UpdatedAt = clock.GetUtcNow() };
        var fields = Differences(old, changed);
        if (fields.Count > 0 && !await store.Hiring.UpdatePositionAsync(changed, member.UserId, "changed " + string.Join(", ", fields), cancellationToken))
        {
            return HiringOutcome<Position>.No(HiringRefusal.NotFound, "No such position in this workspace.");
        }
        return HiringOutcome<Position>.Done(fields.Count > 0 ? changed : old);
    }

    private static List<string> Differences(Position a, Position b)
    {
        var fields = new List<string>();
        void Check(bool same, string name)
        {
            if (!same)
            {
                fields.Add(name);
            }
        }
        Check(a.Title == b.Title, "title");
        Check(a.Level == b.Level, "level");
        Check(a.Variant == b.Variant, "variant");
        Check(a.LoopTemplateId == b.LoopTemplateId, "loop template");
        Check(a.Weights.Equals(b.Weights), "weights");
        Check(a.Sql.ProblemIds.SequenceEqual(b.Sql.ProblemIds) && a.Sql.Minutes == b.Sql.Minutes, "SQL screen");
        Check(a.TakeHome == b.TakeHome, "take-home");
        return fields;
    }

    /// <summary>Reads and checks every field; null with the first problem (naming its field) when one is wrong.</summary>
    private Position? Read(PositionForm form, string id, string workspaceId, DateTimeOffset createdAt, out string? problem)
    {
        problem = null;
        var title = form.Title ?? "";
        if (title.Length > Position.MaxTitleLength || string.IsNullOrWhiteSpace(title) || title.Any(char.IsControl))
        {
            problem = $"Title: give a title of 1 to {Position.MaxTitleLength} characters without control characters.";
            return null;
        }
        if (!LevelsAndVariants.TryParseLevel(form.Level?.Trim(), out var level) || level == Level.Both)
        {
            problem = $"Level: '{WorkspaceService.Short(form.Level)}' is not ds or senior.";
            return null;
        }
        if (!LevelsAndVariants.TryParseVariant(form.Variant?.Trim(), out var variant))
        {
            problem = $"Variant: '{WorkspaceService.Short(form.Variant)}' is not one of {string.Join(", ", Enum.GetValues<CompanyVariant>().Select(LevelsAndVariants.Slug))}.";
            return null;
        }
        var template = content.Loops.FirstOrDefault(t => string.Equals(t.Id, form.LoopTemplate?.Trim(), StringComparison.Ordinal));
        if (template is null)
        {
            problem = $"LoopTemplate: '{WorkspaceService.Short(form.LoopTemplate)}' is not one of {string.Join(", ", content.Loops.Select(t => t.Id))}.";
            return null;
        }
        var weights = form.Weights.Count == 0 || form.Weights.Values.All(string.IsNullOrWhiteSpace)
            ? ScorecardWeights.Default
            : ReadWeights(form.Weights, out problem);
        if (weights is null)
        {
            return null;
        }
        var sql = ReadSqlScreen(form, out problem);
        if (sql is null)
        {
            return null;
        }
        if (!HiringExercises.TryParseCase(form.TakeHome, out var takeHomeCase))
        {
            problem = $"TakeHome: '{WorkspaceService.Short(form.TakeHome)}' is not experiment, modeling or kpi-drop.";
            return null;
        }
        if (!int.TryParse(form.TakeHomeHours?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || hours is < 1 or > TakeHome.MaxHours)
        {
            problem = $"TakeHomeHours: give the expected hours as a whole number from 1 to {TakeHome.MaxHours}.";
            return null;
        }
        return new Position(id, workspaceId, title.Trim(), level, variant, template.Id, weights, sql, new TakeHome(takeHomeCase, hours), createdAt, createdAt);
    }

    private static ScorecardWeights? ReadWeights(IReadOnlyDictionary<string, string?> given, out string? problem)
    {
        var unknown = given.Keys.FirstOrDefault(k => !Dimensions.TryParse(k, out _));
        if (unknown is not null)
        {
            problem = $"Weights.{WorkspaceService.Short(unknown)}: not a scorecard dimension.";
            return null;
        }
        var byDimension = given.ToDictionary(p => Dimensions.TryParse(p.Key, out var d) ? d : default, p => p.Value);
        return ScorecardWeights.TryCreate(byDimension, out problem);
    }

    private SqlScreen? ReadSqlScreen(PositionForm form, out string? problem)
    {
        problem = null;
        var ids = (form.SqlProblems ?? "").Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length is 0 or > SqlScreen.MaxProblems)
        {
            problem = $"SqlProblems: choose 1 to {SqlScreen.MaxProblems} problems from the SQL bank (their ids, separated by commas).";
            return null;
        }
        if (ids.FirstOrDefault(i => !content.SqlProblemsById.ContainsKey(i)) is { } missing)
        {
            problem = $"SqlProblems: '{WorkspaceService.Short(missing)}' is not a problem of the SQL bank.";
            return null;
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            problem = "SqlProblems: a problem is listed twice.";
            return null;
        }
        if (!int.TryParse(form.SqlMinutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < SqlScreen.MinMinutes or > SqlScreen.MaxMinutes)
        {
            problem = $"SqlMinutes: give the time limit as a whole number of minutes from {SqlScreen.MinMinutes} to {SqlScreen.MaxMinutes}.";
            return null;
        }
        return new SqlScreen(ids, minutes);
    }
}
