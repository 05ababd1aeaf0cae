using Dapper;
using DsLoop.Core;

namespace DsLoop.Store;

// The reads pages are built from: counts, per-item summaries, chart points and keyset pages.
internal abstract partial class SqlAppStore
{
    public Task<int> CountAttemptsAsync(string userId, AttemptKind? kind = null, CancellationToken cancellationToken = default) =>
        CountAsync(ReadSql.CountAttempts(kind is not null), new { userId, kind = kind?.ToString() }, cancellationToken);

    public async Task<KeysetPage<Attempt>> ListAttemptsPageAsync(string userId, AttemptFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = ReadSql.AttemptsPage(filter.Kind is not null, filter.ItemId is not null, filter.Before is not null);
        var parameters = new
        {
            userId,
            kind = filter.Kind?.ToString(),
            itemId = filter.ItemId,
            cursorAt = Time.To(filter.Before?.At),
            cursorId = filter.Before?.Id,
            take = filter.PageSize + 1L,
        };
        var rows = await QueryAsync<AttemptRow>(sql, parameters, cancellationToken);
        return ToPage(rows, filter.PageSize, r => r.ToAttempt(), a => new PageCursor(a.StartedAt, a.Id));
    }

    public async Task<IReadOnlyList<ItemAttemptSummary>> SummarizeAttemptsAsync(string userId, AttemptKind kind, double passScore, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<SummaryRow>(ReadSql.SummarizeAttempts, new { userId, kind = kind.ToString(), passScore }, cancellationToken);
        return [.. rows.Select(r => r.ToSummary()).OrderBy(s => s.ItemId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<AttemptPoint>> ListAttemptPointsAsync(string userId, AttemptKind kind, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync<PointRow>(ReadSql.AttemptPoints, new { userId, kind = kind.ToString() }, cancellationToken);
        return [.. rows.Select(r => r.ToPoint())];
    }

    public Task<int> CountDueAsync(string userId, DateTimeOffset asOf, CancellationToken cancellationToken = default) =>
        CountAsync(ReadSql.CountDue, new { userId, dueBy = Time.To(asOf) }, cancellationToken);

    public async Task<KeysetPage<ReviewSchedule>> ListDuePageAsync(string userId, DueFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = ReadSql.DuePage(filter.DueAfter is not null, filter.After is not null);
        var parameters = new
        {
            userId,
            dueBy = Time.To(filter.DueBy),
            dueAfter = Time.To(filter.DueAfter),
            cursorAt = Time.To(filter.After?.At),
            cursorId = filter.After?.Id,
            take = filter.PageSize + 1L,
        };
        var rows = await QueryAsync<ScheduleRow>(sql, parameters, cancellationToken);
        return ToPage(rows, filter.PageSize, r => r.ToSchedule(), s => new PageCursor(s.DueAt, s.ItemId));
    }

    public async Task<KeysetPage<LoopRun>> ListLoopsPageAsync(string userId, LoopFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = ReadSql.LoopsPage(filter.Status is not null, filter.Before is not null);
        var parameters = new
        {
            userId,
            status = filter.Status?.ToString(),
            cursorAt = Time.To(filter.Before?.At),
            cursorId = filter.Before?.Id,
            take = filter.PageSize + 1L,
        };
        var rows = await QueryAsync<LoopRow>(sql, parameters, cancellationToken);
        return ToPage(rows, filter.PageSize, r => r.ToLoop(), l => new PageCursor(l.StartedAt, l.Id));
    }

    private async Task<int> CountAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return checked((int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)));
    }

    private async Task<List<TRow>> QueryAsync<TRow>(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<TRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))];
    }

    /// <summary>Each page query asks for one row more than the page shows; that row only says a next page exists.</summary>
    private static KeysetPage<T> ToPage<TRow, T>(List<TRow> rows, int pageSize, Func<TRow, T> toItem, Func<T, PageCursor> cursorOf)
    {
        var items = rows.Take(pageSize).Select(toItem).ToList();
        return new KeysetPage<T>(items, rows.Count > pageSize ? cursorOf(items[^1]) : null);
    }
}
