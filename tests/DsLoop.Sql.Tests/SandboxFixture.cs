using System.Globalization;
using System.Security.Cryptography;
using DsLoop.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Xunit;

namespace DsLoop.Sql.Tests;

/// <summary>A small deterministic dataset: users, events and payments.</summary>
public static class TestData
{
    public const int Users = 500, Events = 3000, Payments = 1500;

    private static readonly string[] Countries = ["DE", "FR", "GB", "NL", "US"];
    private static readonly string[] Plans = ["free", "pro", "team"];
    private static readonly string[] Kinds = ["login", "view", "click", "purchase"];

    public static readonly DateOnly Start = new(2025, 1, 1);

    public static IEnumerable<(long Id, DateOnly Signup, string Country, string Plan, bool Active)> UserRows()
    {
        var random = new Random(7);
        for (var id = 1; id <= Users; id++)
        {
            yield return (id, Start.AddDays(random.Next(0, 120)), Countries[random.Next(Countries.Length)], Plans[random.Next(Plans.Length)], random.Next(3) > 0);
        }
    }

    public static IEnumerable<(long Id, long UserId, DateTime At, string Kind)> EventRows()
    {
        var random = new Random(11);
        for (var id = 1; id <= Events; id++)
        {
            yield return (id, random.Next(1, Users + 1), Start.ToDateTime(TimeOnly.MinValue).AddMinutes(random.Next(0, 180 * 24 * 60)), Kinds[random.Next(Kinds.Length)]);
        }
    }

    public static IEnumerable<(long Id, long UserId, DateOnly PaidOn, decimal Amount)> PaymentRows()
    {
        var random = new Random(13);
        for (var id = 1; id <= Payments; id++)
        {
            yield return (id, random.Next(1, Users + 1), Start.AddDays(random.Next(0, 180)), random.Next(100, 50_000) / 100m);
        }
    }

    public static void CreateSqlite(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, """
            CREATE TABLE users (id INTEGER PRIMARY KEY, signup_date TEXT NOT NULL, country TEXT NOT NULL, plan TEXT NOT NULL, active INTEGER NOT NULL);
            CREATE TABLE events (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL);
            CREATE TABLE payments (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, paid_on TEXT NOT NULL, amount REAL NOT NULL);
            """);
        Insert(connection, "INSERT INTO users VALUES ($1, $2, $3, $4, $5)",
            UserRows().Select(u => new object[] { u.Id, Iso(u.Signup), u.Country, u.Plan, u.Active ? 1 : 0 }));
        Insert(connection, "INSERT INTO events VALUES ($1, $2, $3, $4)",
            EventRows().Select(e => new object[] { e.Id, e.UserId, e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Kind }));
        Insert(connection, "INSERT INTO payments VALUES ($1, $2, $3, $4)",
            PaymentRows().Select(p => new object[] { p.Id, p.UserId, Iso(p.PaidOn), (double)p.Amount }));
        transaction.Commit();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection connection, string sql, IEnumerable<object[]> rows)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                command.Parameters.AddWithValue($"${i + 1}", row[i]);
            }
            command.ExecuteNonQuery();
        }
    }

    public static void CreatePostgres(NpgsqlConnection admin, string schema)
    {
        Execute(admin, $"""
            CREATE SCHEMA {schema};
            CREATE TABLE {schema}.users (id bigint PRIMARY KEY, signup_date date NOT NULL, country text NOT NULL, plan text NOT NULL, active boolean NOT NULL);
            CREATE TABLE {schema}.events (id bigint PRIMARY KEY, user_id bigint NOT NULL, at timestamp NOT NULL, kind text NOT NULL);
            CREATE TABLE {schema}.payments (id bigint PRIMARY KEY, user_id bigint NOT NULL, paid_on date NOT NULL, amount numeric(10,2) NOT NULL);
            """);
        using (var writer = admin.BeginBinaryImport($"COPY {schema}.users FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var u in UserRows())
            {
                writer.WriteRow(u.Id, u.Signup, u.Country, u.Plan, u.Active);
            }
            writer.Complete();
        }
        using (var writer = admin.BeginBinaryImport($"COPY {schema}.events FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in EventRows())
            {
                writer.StartRow();
                writer.Write(e.Id);
                writer.Write(e.UserId);
                writer.Write(e.At, NpgsqlDbType.Timestamp);
                writer.Write(e.Kind);
            }
            writer.Complete();
        }
        using (var writer = admin.BeginBinaryImport($"COPY {schema}.payments FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in PaymentRows())
            {
                writer.WriteRow(p.Id, p.UserId, p.PaidOn, p.Amount);
            }
            writer.Complete();
        }
        Execute(admin, $"ANALYZE {schema}.users; ANALYZE {schema}.events; ANALYZE {schema}.payments;");
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>One SQLite dataset file and (lazily) one PostgreSQL sandbox database with the same data, shared by the tests.</summary>
public sealed class SandboxFixture : IDisposable
{
    public const string Schema = "ds1";

    private readonly string _folder;
    private readonly Lazy<PostgresSide> _postgres;

    public SandboxFixture()
    {
        _folder = Directory.CreateTempSubdirectory("dsloop-sql-").FullName;
        SqlitePath = Path.Combine(_folder, "dataset.sqlite");
        TestData.CreateSqlite(SqlitePath);
        Sqlite = new SqliteSandbox(SqlitePath);
        SqliteEngineOnly = new SqliteSandbox(SqlitePath) { SkipPreflight = true };
        _postgres = new Lazy<PostgresSide>(StartPostgres, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PostgresServer Server { get; } = new();

    public string SqlitePath { get; }

    public SqliteSandbox Sqlite { get; }

    /// <summary>The same sandbox without the text checks, to test the engine-level defences on their own.</summary>
    public SqliteSandbox SqliteEngineOnly { get; }

    public PostgresSandbox PostgresEngineOnly => _postgres.Value.EngineOnly;

    public PostgresSandbox Postgres => _postgres.Value.Sandbox;

    public string PostgresAdmin => _postgres.Value.AdminConnectionString;

    public string PostgresReader => _postgres.Value.ReaderConnectionString;

    /// <summary>The reader role's name; its backends' titles start with "postgres: " and this name.</summary>
    public static string ReaderRole => $"dsloop_ro_{Schema}_{Environment.ProcessId}";

    public ISqlSandbox Engine(string name) => name == "sqlite" ? Sqlite : Postgres;

    public ISqlSandbox EngineOnly(string name) => name == "sqlite" ? SqliteEngineOnly : PostgresEngineOnly;

    public string SqliteChecksum() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(SqlitePath)));

    public string PostgresChecksum()
    {
        using var connection = new NpgsqlConnection(PostgresAdmin);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT string_agg(c.relname || ':' || c.relkind::text, ',' ORDER BY c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('ds1', 'ds2', 'public')
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM ds1.users t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM ds1.events t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM ds1.payments t
            UNION ALL SELECT md5(string_agg(t::text, '|')) FROM public.answer_keys t
            UNION ALL SELECT count(*)::text FROM pg_largeobject_metadata
            UNION ALL SELECT string_agg(rolname || rolsuper::text, ',' ORDER BY rolname) FROM pg_roles
            """, connection);
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add(reader.IsDBNull(0) ? "-" : reader.GetString(0));
        }
        return string.Join(";", parts);
    }

    public string Checksum(string engine) => engine == "sqlite" ? SqliteChecksum() : PostgresChecksum();

    public void NeedEngine(string engine)
    {
        if (engine == "postgres")
        {
            Requirements.Need(Requirements.MissingPostgres());
            _ = _postgres.Value;
        }
    }

    private PostgresSide StartPostgres()
    {
        var admin = Server.CreateDatabase("sandbox");
        var builder = new NpgsqlConnectionStringBuilder(admin);
        var role = ReaderRole;
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            TestData.CreatePostgres(connection, Schema);
            TestData.CreatePostgres(connection, "ds2");
            TestData.Execute(connection, "CREATE TABLE public.answer_keys (exercise text, solution text); INSERT INTO public.answer_keys VALUES ('q1', 'select 42');");
            PostgresSandboxProvisioner.SecureDatabaseAsync(connection).GetAwaiter().GetResult();
            PostgresSandboxProvisioner.CreateReaderAsync(connection, Schema, role).GetAwaiter().GetResult();
        }
        var reader = new NpgsqlConnectionStringBuilder(admin) { Username = role, Pooling = false }.ToString();
        return new PostgresSide(admin, reader, new PostgresSandbox(reader, Schema), new PostgresSandbox(reader, Schema) { SkipPreflight = true });
    }

    public void Dispose()
    {
        if (_postgres.IsValueCreated)
        {
            _postgres.Value.Sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _postgres.Value.EngineOnly.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        Server.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record PostgresSide(string AdminConnectionString, string ReaderConnectionString, PostgresSandbox Sandbox, PostgresSandbox EngineOnly);
}

[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
{
    public const string Name = "sandbox";
}
