namespace DsLoop.Store;

/// <summary>
/// One numbered schema change, applied once, in order, inside a transaction: <see cref="Sql"/> on every engine,
/// then the engine's own statements, for the few things (reading JSON) the two engines spell differently.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    public string? Sqlite { get; init; }

    public string? Postgres { get; init; }

    /// <summary>The statements to run on <paramref name="engine"/> ("sqlite" or "postgres").</summary>
    public string SqlFor(string engine) => engine switch
    {
        "sqlite" => Sqlite is null ? Sql : $"{Sql}\n{Sqlite}",
        "postgres" => Postgres is null ? Sql : $"{Sql}\n{Postgres}",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown store engine."),
    };
}

/// <summary>
/// The store's schema history. The DDL is written in the subset of SQL that SQLite and
/// PostgreSQL share (text, bigint, double precision, ON CONFLICT), so both engines run the
/// same statements; a migration that must read JSON adds per-engine statements. Never edit a released
/// migration: add a new one.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "users, attempts, schedules and loops", """
            CREATE TABLE users (
                id text PRIMARY KEY,
                user_name text NOT NULL,
                user_name_key text NOT NULL UNIQUE,
                password_hash text NOT NULL,
                role text NOT NULL,
                created_at bigint NOT NULL,
                failed_sign_ins bigint NOT NULL DEFAULT 0,
                locked_until bigint NULL
            );
            CREATE TABLE attempts (
                id text PRIMARY KEY,
                user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                kind text NOT NULL,
                item_id text NOT NULL,
                started_at bigint NOT NULL,
                submitted_at bigint NULL,
                score double precision NULL,
                payload text NOT NULL
            );
            CREATE INDEX attempts_by_user ON attempts (user_id, started_at);
            CREATE INDEX attempts_by_user_item ON attempts (user_id, item_id, started_at);
            CREATE TABLE schedules (
                user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                item_id text NOT NULL,
                due_at bigint NOT NULL,
                state text NOT NULL,
                updated_at bigint NOT NULL,
                PRIMARY KEY (user_id, item_id)
            );
            CREATE INDEX schedules_due ON schedules (user_id, due_at);
            CREATE TABLE loops (
                id text PRIMARY KEY,
                user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                template_id text NOT NULL,
                status text NOT NULL,
                started_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                state text NOT NULL
            );
            CREATE INDEX loops_by_user ON loops (user_id, started_at);
            """),
        new(2, "attempts.self_rating backfilled from the payload; indexes for keyset pages, counts and summaries", """
            ALTER TABLE attempts ADD COLUMN self_rating bigint NULL;
            DROP INDEX attempts_by_user;
            CREATE INDEX attempts_by_user ON attempts (user_id, started_at, id);
            DROP INDEX attempts_by_user_item;
            CREATE INDEX attempts_by_user_item ON attempts (user_id, item_id, started_at, id);
            CREATE INDEX attempts_by_user_kind ON attempts (user_id, kind, started_at, id, item_id, submitted_at, score, self_rating);
            CREATE INDEX attempts_by_user_kind_item ON attempts (user_id, kind, item_id, started_at, id, submitted_at, score);
            DROP INDEX schedules_due;
            CREATE INDEX schedules_due ON schedules (user_id, due_at, item_id);
            DROP INDEX loops_by_user;
            CREATE INDEX loops_by_user ON loops (user_id, started_at, id);
            CREATE INDEX loops_by_user_status ON loops (user_id, status, started_at, id);
            """)
        {
            // The rating was written as its number (3) and may later be written as its name ("Good"); anything
            // else (missing, out of range, malformed JSON) leaves the column null.
            Sqlite = """
                UPDATE attempts SET self_rating = CASE json_type(payload, '$.rating.overall')
                    WHEN 'integer' THEN CASE WHEN json_extract(payload, '$.rating.overall') BETWEEN 1 AND 4 THEN json_extract(payload, '$.rating.overall') END
                    WHEN 'real' THEN CASE WHEN json_extract(payload, '$.rating.overall') IN (1, 2, 3, 4) THEN CAST(json_extract(payload, '$.rating.overall') AS integer) END
                    WHEN 'text' THEN CASE lower(json_extract(payload, '$.rating.overall')) WHEN 'again' THEN 1 WHEN 'hard' THEN 2 WHEN 'good' THEN 3 WHEN 'easy' THEN 4 END
                END
                WHERE kind = 'OpenQuestion' AND payload LIKE '%"overall"%' AND json_valid(payload);
                """,
            // PostgreSQL 15 has no pg_input_is_valid, so a session-local function turns a malformed payload into null.
            Postgres = """
                CREATE FUNCTION pg_temp.dsloop_try_jsonb(value text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
                BEGIN
                    RETURN value::jsonb;
                EXCEPTION WHEN others THEN
                    RETURN NULL;
                END
                $$;
                UPDATE attempts SET self_rating = CASE jsonb_typeof(rating)
                    WHEN 'number' THEN CASE WHEN (rating #>> '{}')::numeric IN (1, 2, 3, 4) THEN (rating #>> '{}')::numeric::integer END
                    WHEN 'string' THEN CASE lower(rating #>> '{}') WHEN 'again' THEN 1 WHEN 'hard' THEN 2 WHEN 'good' THEN 3 WHEN 'easy' THEN 4 END
                END
                FROM (
                    SELECT id AS rated_id, pg_temp.dsloop_try_jsonb(payload) #> '{rating,overall}' AS rating
                    FROM attempts WHERE kind = 'OpenQuestion' AND payload LIKE '%"overall"%'
                ) AS parsed
                WHERE attempts.id = parsed.rated_id;
                DROP FUNCTION pg_temp.dsloop_try_jsonb(text);
                """,
        },
        new(3, "users.session_stamp: sign-out ends sessions on the server", """
            ALTER TABLE users ADD COLUMN session_stamp text NOT NULL DEFAULT '';
            """),
        new(4, "users: drop the lock-out columns (sign-in now slows a name and source down instead of locking)", """
            ALTER TABLE users DROP COLUMN failed_sign_ins;
            ALTER TABLE users DROP COLUMN locked_until;
            """),
        new(5, "hiring: workspaces, members, positions, invitations, SQL screen answers and the append-only audit log", """
            CREATE TABLE workspaces (
                id text PRIMARY KEY,
                name text NOT NULL,
                created_at bigint NOT NULL,
                created_by text NOT NULL
            );
            CREATE TABLE workspace_members (
                workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                role text NOT NULL,
                added_at bigint NOT NULL,
                PRIMARY KEY (workspace_id, user_id)
            );
            CREATE INDEX workspace_members_by_user ON workspace_members (user_id, workspace_id);
            CREATE TABLE positions (
                workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                id text NOT NULL,
                title text NOT NULL,
                level text NOT NULL,
                variant text NOT NULL,
                loop_template_id text NOT NULL,
                weights text NOT NULL,
                sql_problems text NOT NULL,
                sql_minutes bigint NOT NULL,
                take_home text NOT NULL,
                take_home_hours bigint NOT NULL,
                created_at bigint NOT NULL,
                updated_at bigint NOT NULL,
                PRIMARY KEY (workspace_id, id)
            );
            CREATE TABLE invitations (
                workspace_id text NOT NULL,
                id text NOT NULL,
                position_id text NOT NULL,
                candidate_name text NOT NULL,
                candidate_email text NOT NULL,
                exercise text NOT NULL,
                token_hash text NOT NULL,
                created_at bigint NOT NULL,
                created_by text NOT NULL,
                expires_at bigint NOT NULL,
                resent_from text NULL,
                opened_at bigint NULL,
                session_hash text NULL,
                revoked_at bigint NULL,
                expiry_recorded_at bigint NULL,
                started_at bigint NULL,
                deadline_at bigint NULL,
                finished_at bigint NULL,
                score double precision NULL,
                PRIMARY KEY (workspace_id, id),
                FOREIGN KEY (workspace_id, position_id) REFERENCES positions(workspace_id, id) ON DELETE CASCADE
            );
            CREATE INDEX invitations_by_position ON invitations (workspace_id, position_id, created_at, id);
            CREATE INDEX invitations_by_time ON invitations (workspace_id, created_at, id);
            CREATE TABLE hiring_answers (
                workspace_id text NOT NULL,
                invitation_id text NOT NULL,
                problem_id text NOT NULL,
                sql text NOT NULL,
                saved_at bigint NOT NULL,
                verdict text NULL,
                PRIMARY KEY (workspace_id, invitation_id, problem_id),
                FOREIGN KEY (workspace_id, invitation_id) REFERENCES invitations(workspace_id, id) ON DELETE CASCADE
            );
            CREATE TABLE audit_log (
                workspace_id text NOT NULL,
                id text NOT NULL,
                at bigint NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                subject text NOT NULL,
                detail text NOT NULL,
                PRIMARY KEY (workspace_id, id)
            );
            CREATE INDEX audit_log_by_time ON audit_log (workspace_id, at, id);
            """),
    ];

    public static int Latest => All[^1].Version;
}
