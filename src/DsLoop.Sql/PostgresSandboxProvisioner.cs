using Npgsql;

namespace DsLoop.Sql;

/// <summary>
/// One-time setup of the PostgreSQL sandbox database, run by an administrator (superuser or database owner),
/// never near candidate queries: locks down PUBLIC, revokes dangerous and revealing functions and views, and
/// creates per-dataset reader roles that can only SELECT on their schema.
/// </summary>
public static class PostgresSandboxProvisioner
{
    /// <summary>Functions revoked from PUBLIC in the sandbox database (every overload).</summary>
    public static readonly IReadOnlyList<string> RevokedFunctions =
    [
        // Server files and programs.
        "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir",
        "pg_ls_archive_statusdir", "pg_ls_logicalmapdir", "pg_ls_logicalsnapdir", "pg_ls_replslotdir", "pg_current_logfile",
        // Large objects.
        "lo_import", "lo_export", "lo_create", "lo_creat", "lo_unlink", "lo_open", "lowrite", "loread", "lo_put", "lo_get",
        "lo_from_bytea", "lo_truncate", "lo_truncate64", "lo_lseek", "lo_lseek64", "lo_close",
        // Settings and other sessions.
        "set_config", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_promote",
        "pg_notify", "pg_log_backend_memory_contexts", "pg_stat_get_activity", "pg_stat_get_backend_activity",
        "pg_stat_get_backend_pid", "pg_stat_get_backend_userid", "pg_stat_get_backend_idset", "pg_stat_get_backend_client_addr",
        "pg_stat_get_backend_activity_start", "pg_stat_get_backend_xact_start", "pg_blocking_pids", "pg_safe_snapshot_blocking_pids",
        "pg_advisory_lock", "pg_advisory_lock_shared", "pg_try_advisory_lock", "pg_try_advisory_lock_shared",
        "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared", "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared",
        "pg_export_snapshot", "txid_current", "pg_current_xact_id", "pg_logical_emit_message",
        // Server details and the backend slots of other sessions (every pg_stat_get_backend_* is revoked too, see
        // RevokedFunctionPrefixes).
        "version", "pg_backend_pid", "pg_postmaster_start_time", "pg_conf_load_time", "inet_server_addr", "inet_server_port",
        "inet_client_addr", "inet_client_port", "pg_stat_get_db_numbackends", "pg_tablespace_location",
        // Functions that run SQL given as text (would escape the single-cursor rule).
        "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml", "cursor_to_xmlschema",
        "database_to_xml", "database_to_xmlschema", "database_to_xml_and_xmlschema", "schema_to_xml", "schema_to_xmlschema",
        "schema_to_xml_and_xmlschema", "ts_stat",
        // Extensions that reach outside, if installed.
        "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query",
    ];

    /// <summary>Every function whose name starts with one of these is revoked from PUBLIC as well (per-backend statistics).</summary>
    public static readonly IReadOnlyList<string> RevokedFunctionPrefixes = ["pg_stat_get_backend_"];

    /// <summary>Catalog views revoked from PUBLIC because they show other sessions or server details.</summary>
    public static readonly IReadOnlyList<string> RevokedViews =
    [
        "pg_stat_activity", "pg_stat_ssl", "pg_stat_gssapi", "pg_stat_replication", "pg_stat_wal_receiver", "pg_stat_subscription",
        "pg_locks", "pg_prepared_xacts", "pg_roles", "pg_user", "pg_settings", "pg_stat_statements", "pg_backend_memory_contexts",
        "pg_shmem_allocations", "pg_stat_progress_vacuum", "pg_stat_progress_create_index", "pg_stat_progress_copy",
    ];

    /// <summary>Hardens the database the connection is on. Idempotent.</summary>
    public static async Task SecureDatabaseAsync(NpgsqlConnection admin, CancellationToken cancellationToken = default)
    {
        var database = PostgresSandbox.QuoteIdentifier(admin.Database);
        await ExecuteAsync(admin, $"REVOKE ALL ON DATABASE {database} FROM PUBLIC", cancellationToken);
        await ExecuteAsync(admin, "REVOKE ALL ON SCHEMA public FROM PUBLIC", cancellationToken);
        await using (var command = new NpgsqlCommand(
            """
            DO $$
            DECLARE f regprocedure;
            BEGIN
              FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
                       WHERE p.proname = ANY(@functions) OR p.proname LIKE ANY(@prefixes) LOOP
                EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
              END LOOP;
            END $$
            """.Replace("@functions", "ARRAY[" + string.Join(", ", RevokedFunctions.Select(f => $"'{f}'")) + "]::name[]", StringComparison.Ordinal)
             .Replace("@prefixes", "ARRAY[" + string.Join(", ", RevokedFunctionPrefixes.Select(f => $"'{f.Replace("_", "\\_", StringComparison.Ordinal)}%'")) + "]", StringComparison.Ordinal),
            admin))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var view in RevokedViews)
        {
            await ExecuteAsync(admin,
                $"DO $$ BEGIN IF to_regclass('pg_catalog.{view}') IS NOT NULL THEN REVOKE ALL ON pg_catalog.{view} FROM PUBLIC; END IF; END $$",
                cancellationToken);
        }
    }

    /// <summary>
    /// Creates (or refreshes) <paramref name="role"/> as a login role that can only read <paramref name="schema"/>, with
    /// server-side limits it cannot change from a cursor query. Call after loading the schema's tables.
    /// </summary>
    public static async Task CreateReaderAsync(
        NpgsqlConnection admin, string schema, string role, string? password = null, TimeSpan? statementTimeout = null,
        string tempFileLimit = "256MB", string workMem = "8MB", CancellationToken cancellationToken = default)
    {
        var r = PostgresSandbox.QuoteIdentifier(role);
        var s = PostgresSandbox.QuoteIdentifier(schema);
        var attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 64";
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", admin) { Parameters = { new() { Value = role } } })
        {
            var verb = await exists.ExecuteScalarAsync(cancellationToken) is null ? "CREATE" : "ALTER";
            await ExecuteAsync(admin, $"{verb} ROLE {r} {attributes}", cancellationToken);
        }
        if (password is not null)
        {
            await using var command = new NpgsqlCommand($"ALTER ROLE {r} PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}'", admin);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var timeout = (long)(statementTimeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        foreach (var sql in new[]
        {
            $"GRANT CONNECT ON DATABASE {PostgresSandbox.QuoteIdentifier(admin.Database)} TO {r}",
            $"GRANT USAGE ON SCHEMA {s} TO {r}",
            $"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {r}",
            $"ALTER ROLE {r} SET statement_timeout = {timeout}",
            $"ALTER ROLE {r} SET temp_file_limit = '{tempFileLimit}'",
            $"ALTER ROLE {r} SET work_mem = '{workMem}'",
            // Memory per sort or hash node stays at work_mem; no parallel workers (each would get its own work_mem) and
            // no JIT (its code and memory are outside work_mem). Aggregate states (string_agg, array_agg) are not bounded
            // by any setting: the sandbox watches the backend's memory while a query runs (BackendMemoryWatch).
            $"ALTER ROLE {r} SET hash_mem_multiplier = 1",
            $"ALTER ROLE {r} SET maintenance_work_mem = '{workMem}'",
            $"ALTER ROLE {r} SET max_parallel_workers_per_gather = 0",
            $"ALTER ROLE {r} SET jit = off",
            $"ALTER ROLE {r} SET idle_in_transaction_session_timeout = {timeout + 5000}",
            $"ALTER ROLE {r} SET default_transaction_read_only = on",
            $"ALTER ROLE {r} SET search_path = {s}",
        })
        {
            await ExecuteAsync(admin, sql, cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
