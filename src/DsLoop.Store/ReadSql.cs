namespace DsLoop.Store;

/// <summary>
/// The statements behind the counting, summarising and keyset-paged reads. Each optional filter adds its own
/// condition instead of an "@x IS NULL OR …" test, so the planner sees plain equalities and picks the index
/// that fits (every statement is a range scan of an index that starts with user_id; see docs/STORE.md).
/// </summary>
internal static class ReadSql
{
    public const string AttemptColumns = "id, user_id, kind, item_id, started_at, submitted_at, score, payload, self_rating";
    public const string ScheduleColumns = "user_id, item_id, due_at, state, updated_at";
    public const string LoopColumns = "id, user_id, template_id, status, started_at, updated_at, state";

    public static string CountAttempts(bool byKind) =>
        "SELECT COUNT(*) FROM attempts WHERE user_id = @userId" + (byKind ? " AND kind = @kind" : "");

    public static string AttemptsPage(bool byKind, bool byItem, bool hasCursor) => Page(
        $"SELECT {AttemptColumns} FROM attempts", "started_at DESC, id DESC",
        (byKind, "kind = @kind"), (byItem, "item_id = @itemId"), (hasCursor, "(started_at, id) < (@cursorAt, @cursorId)"));

    public const string SummarizeAttempts = """
        SELECT item_id, COUNT(*) AS attempts, COUNT(submitted_at) AS submitted,
            SUM(CASE WHEN score >= @passScore THEN 1 ELSE 0 END) AS passed,
            COUNT(score) AS scored, COALESCE(SUM(score), 0.0) AS score_total, MAX(score) AS best_score,
            MIN(started_at) AS first_at, MAX(COALESCE(submitted_at, started_at)) AS last_at
        FROM attempts WHERE user_id = @userId AND kind = @kind
        GROUP BY item_id
        """;

    public const string AttemptPoints = """
        SELECT id, item_id, COALESCE(submitted_at, started_at) AS at, score, self_rating
        FROM attempts WHERE user_id = @userId AND kind = @kind AND score IS NOT NULL
        ORDER BY started_at, id
        """;

    public const string CountDue = "SELECT COUNT(*) FROM schedules WHERE user_id = @userId AND due_at <= @dueBy";

    public static string DuePage(bool hasLowerBound, bool hasCursor) => Page(
        $"SELECT {ScheduleColumns} FROM schedules", "due_at, item_id",
        (true, "due_at <= @dueBy"), (hasLowerBound, "due_at > @dueAfter"), (hasCursor, "(due_at, item_id) > (@cursorAt, @cursorId)"));

    public static string LoopsPage(bool byStatus, bool hasCursor) => Page(
        $"SELECT {LoopColumns} FROM loops", "started_at DESC, id DESC",
        (byStatus, "status = @status"), (hasCursor, "(started_at, id) < (@cursorAt, @cursorId)"));

    /// <summary>A keyset page: the user's rows, the filters that apply, the order, and one row more than the page (@take).</summary>
    private static string Page(string select, string orderBy, params (bool Applies, string Condition)[] filters) =>
        $"{select} WHERE user_id = @userId{string.Concat(filters.Where(f => f.Applies).Select(f => " AND " + f.Condition))} ORDER BY {orderBy} LIMIT @take";
}
