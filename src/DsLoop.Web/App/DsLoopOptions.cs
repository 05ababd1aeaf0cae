using System.Net;
using DsLoop.App.Hosting;
using DsLoop.Store;

namespace DsLoop.Web.App;

/// <summary>How a DsLoop server is configured: from flags first, then DSLOOP_* variables, then defaults.</summary>
public sealed record DsLoopOptions
{
    /// <summary>The port used when neither --port, DSLOOP_PORT nor --urls says otherwise.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The addresses to listen on.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [$"http://localhost:{DefaultPort}"];

    /// <summary>Sign-up and sign-in are required. Forced on for any non-loopback address.</summary>
    public bool MultiUserRequested { get; init; }

    /// <summary>
    /// Reverse proxies (besides loopback, always trusted) whose X-Forwarded-For and X-Forwarded-Proto headers are
    /// believed: the client's address for sign-in throttling, and https for Secure cookies behind a TLS-terminating proxy.
    /// </summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>Where the app store lives.</summary>
    public StoreSettings Store { get; init; } = StoreSettings.FromEnvironment();

    /// <summary>The content folder (frameworks and questions).</summary>
    public string ContentDirectory { get; init; } = AppSettings.DefaultContentDirectory();

    /// <summary>The size of the practice datasets SQL problems run on: DSLOOP_SQL_SCALE (tiny, standard or large), default tiny.</summary>
    public DsLoop.Data.DataScale SqlScale { get; init; } = AppSettings.SqlScaleFromEnvironment();

    /// <summary>What the application services need: store, content folder and dataset size.</summary>
    public AppSettings Settings => new() { Store = Store, ContentDirectory = ContentDirectory, SqlScale = SqlScale };

    /// <summary>True when accounts are required: asked for, or listening beyond loopback.</summary>
    public bool MultiUser => MultiUserRequested || Urls.Any(u => !IsLoopback(u));

    /// <summary>Whether a listen URL stays on this machine.</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>
    /// Parses the server's own flags. Unknown flags are an error, reported by the caller with usage.
    /// </summary>
    /// <exception cref="ArgumentException">A flag is unknown, repeated or missing its value.</exception>
    public static DsLoopOptions Parse(IReadOnlyList<string> args)
    {
        string? urls = null, port = null, dataDir = null, content = null;
        var proxies = new List<string>();
        var multiUser = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.Split('=', 2) is [var n, var v] ? (n, v) : (arg, null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option '{name}' needs a value."));
            switch (name)
            {
                case "--multi-user":
                    multiUser = true;
                    break;
                case "--urls":
                    urls = Value();
                    break;
                case "--port":
                    port = Value();
                    break;
                case "--data-dir":
                    dataDir = Value();
                    break;
                case "--content":
                    content = Value();
                    break;
                case "--trusted-proxy":
                    proxies.Add(Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'.");
            }
        }
        return FromValues(urls, port, dataDir, content, multiUser) with { TrustedProxies = ParseProxies(proxies) };
    }

    private static IReadOnlyList<IPAddress> ParseProxies(List<string> flags)
    {
        if (flags.Count == 0 && Environment.GetEnvironmentVariable("DSLOOP_TRUSTED_PROXIES") is { Length: > 0 } env)
        {
            flags.Add(env);
        }
        var addresses = new List<IPAddress>();
        foreach (var text in flags.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            addresses.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new ArgumentException($"Trusted proxy '{text}' is not an IP address, such as 10.0.0.5."));
        }
        return addresses;
    }

    private static DsLoopOptions FromValues(string? urls, string? port, string? dataDir, string? content, bool multiUser)
    {
        port ??= Environment.GetEnvironmentVariable("DSLOOP_PORT") is { Length: > 0 } envPort ? envPort : null;
        var portNumber = DefaultPort;
        if (port is not null && (!int.TryParse(port, out portNumber) || portNumber is < 0 or > 65535))
        {
            throw new ArgumentException($"Port '{port}' is not a number from 0 to 65535.");
        }
        urls ??= Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } envUrls && port is null ? envUrls : null;
        var list = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [$"http://localhost:{portNumber}"];
        foreach (var url in list)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out _))
            {
                throw new ArgumentException($"'{url}' is not a URL to listen on, such as http://localhost:5080.");
            }
        }
        var multiUserEnv = string.Equals(Environment.GetEnvironmentVariable("DSLOOP_MULTI_USER"), "true", StringComparison.OrdinalIgnoreCase);
        return new DsLoopOptions
        {
            Urls = list,
            MultiUserRequested = multiUser || multiUserEnv,
            Store = StoreSettings.FromEnvironment(dataDir),
            ContentDirectory = content ?? AppSettings.DefaultContentDirectory(),
        };
    }

    /// <summary>The usage text of the server's flags.</summary>
    public const string Usage = """
        Usage: DsLoop.Web [--port N] [--urls URLS] [--data-dir PATH] [--content PATH] [--multi-user] [--trusted-proxy IP]

          --port N          Listen on http://localhost:N (default 5080, or DSLOOP_PORT).
          --urls URLS       Listen on these URLs, separated by ';'. Any non-loopback address turns on multi-user mode.
          --data-dir PATH   Folder for the SQLite store (default ./.dsloop, or DSLOOP_DATA_DIR).
          --content PATH    Content folder (default: the one shipped with the app, or DSLOOP_CONTENT_DIR).
          --multi-user      Require sign-up and sign-in even on loopback.
          --trusted-proxy IP  Believe X-Forwarded-For/-Proto from this reverse proxy (repeat or separate by ','; default
                            loopback only, or DSLOOP_TRUSTED_PROXIES).

        DSLOOP_DB=<PostgreSQL connection string> stores data in PostgreSQL instead of SQLite.
        DSLOOP_SQL_SCALE=tiny|standard|large sets the size of the SQL practice datasets (default tiny).
        """;
}
