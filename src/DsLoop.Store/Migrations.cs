namespace DsLoop.Store;

/// <summary>One numbered schema change, applied once, in order, inside a transaction.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// The store's schema history. The DDL is written in the subset of SQL that SQLite and
/// PostgreSQL share (text, bigint, double precision, ON CONFLICT), so both engines run the
/// same statements. Never edit a released migration: add a new one.
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
    ];

    public static int Latest => All[^1].Version;
}
