using DsLoop.App.Hosting;
using DsLoop.App.Judging;
using DsLoop.Store;
using DsLoop.Web.Assets;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Cases;
using DsLoop.Web.Features.Drills;
using DsLoop.Web.Features.Health;
using DsLoop.Web.Features.Hiring;
using DsLoop.Web.Features.MockLoop;
using DsLoop.Web.Features.Practice;
using DsLoop.Web.Features.Progress;
using DsLoop.Web.Features.Readiness;
using DsLoop.Web.Features.Review;
using DsLoop.Web.Features.SqlPractice;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DsLoop.Web.App;

/// <summary>Builds and runs the DsLoop web app; used by the web project, <c>dsloop serve</c> and the tests.</summary>
public static class DsLoopApp
{
    /// <summary>
    /// Loads the content, opens the store and wires the app, one feature at a time. Nothing listens until the app starts.
    /// <paramref name="configure"/> and <paramref name="mapExtra"/> let tests and hosts add services and endpoints.
    /// </summary>
    /// <exception cref="StartupException">The store or the content can't be used; the message says why.</exception>
    public static async Task<WebApplication> BuildAsync(
        DsLoopOptions options, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? mapExtra = null,
        CancellationToken cancellationToken = default)
    {
        var settings = options.Settings;
        var content = AppContent.Load(settings.ContentDirectory);
        var store = await AppStore.OpenAsync(settings.Store, cancellationToken);
        var builder = CreateBuilder(options);
        // The container owns the store from here on and disposes it when the app is disposed.
        builder.Services.AddSingleton<IAppStore>(_ => store);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(content);
        // Created here so the judge's model starts loading now, in the background, while the host starts.
        builder.Services.AddSingleton(new AnswerReviewer(content));
        builder.Services.AddDsLoopAccounts(options.MultiUser, await LocalUserAsync(store, options.MultiUser, cancellationToken));
        builder.Services.AddPractice();
        builder.Services.AddReview();
        builder.Services.AddProgress();
        builder.Services.AddSqlPractice(settings);
        builder.Services.AddCases();
        builder.Services.AddDrills();
        builder.Services.AddMockLoop();
        builder.Services.AddReadiness();
        builder.Services.AddHiring(await HiringSecretAsync(store, settings.Store.DataDirectory));
        builder.Services.AddPages();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseForwardedHeaders(ForwardedHeaders(options));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // A body cut short or too large is the client's doing: its own 4xx, not a 500.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<BadInput>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAssets();
        app.MapHealth();
        app.MapProgress();
        app.MapSqlPractice();
        mapExtra?.Invoke(app);
        app.MapRazorPages();
        return app;
    }

    /// <summary>The addresses the started app actually listens on (resolves port 0).</summary>
    public static IReadOnlyList<string> ListeningAddresses(this WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>
    /// Runs the server until it is stopped. Returns the process exit code: 0 after a clean stop,
    /// 1 when it could not start, 2 for bad arguments. Prints one line per problem, no stack traces.
    /// </summary>
    public static async Task<int> RunAsync(DsLoopOptions options, CancellationToken cancellationToken = default)
    {
        WebApplication app;
        try
        {
            app = await BuildAsync(options, cancellationToken: cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch (StartupException e)
        {
            await Console.Error.WriteLineAsync($"dsloop: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port as an IOException.
            await Console.Error.WriteLineAsync($"dsloop: cannot listen on {string.Join(", ", options.Urls)}: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        await using (app)
        {
            var store = app.Services.GetRequiredService<IAppStore>();
            var mode = options.MultiUser ? "multi-user mode: sign up at /account/signup" : "local mode: no sign-in needed";
            foreach (var address in app.ListeningAddresses())
            {
                Console.WriteLine($"DsLoop is running at {address}");
            }
            Console.WriteLine($"  {mode}; {store.Engine} store at {store.Location}. Press Ctrl+C to stop.");
            _ = ReportJudgeAsync(app.Services.GetRequiredService<AnswerReviewer>());
            await app.WaitForShutdownAsync(cancellationToken);
        }
        return 0;
    }

    /// <summary>Says in one line, once the background load is over, when open answers fall back to cue phrases.</summary>
    private static async Task ReportJudgeAsync(AnswerReviewer reviewer)
    {
        await reviewer.Ready;
        if (reviewer.Unavailable is { } why)
        {
            await Console.Error.WriteLineAsync($"dsloop: {why}; open answers are judged by cue phrases only.");
        }
    }

    /// <summary>
    /// The client's address and scheme as a trusted proxy reports them (loopback and <see cref="DsLoopOptions.TrustedProxies"/>),
    /// so throttling sees the real client and cookies are Secure when the client used https. Other senders' headers are ignored.
    /// </summary>
    private static ForwardedHeadersOptions ForwardedHeaders(DsLoopOptions options)
    {
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        foreach (var proxy in options.TrustedProxies)
        {
            forwarded.KnownProxies.Add(proxy);
        }
        return forwarded;
    }

    private static WebApplicationBuilder CreateBuilder(DsLoopOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(DsLoopApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Keys that sign auth and anti-forgery cookies live beside the store, so sign-ins survive a restart.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.AddDataProtection()
            .SetApplicationName("DsLoop")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(options.Settings.Store.DataDirectory), "keys")));
        return builder;
    }

    /// <summary>Razor Pages under <c>Features/</c> (signed-in folders), anti-forgery on every POST, and the embedded assets.</summary>
    private static IServiceCollection AddPages(this IServiceCollection services)
    {
        services.AddSingleton<EmbeddedAssets>();
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Features";
            foreach (var folder in new[] { "/Practice", "/Progress", "/MockLoop", "/Review", "/SqlPractice", "/Readiness", "/Planners", "/Cases", "/Drills" })
            {
                pages.Conventions.AuthorizeFolder(folder);
            }
            HiringFeature.AddHiringPages(pages.Conventions);
        }).AddApplicationPart(typeof(DsLoopApp).Assembly);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.ValueLengthLimit = BadInput.MaxFormValueLength);
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "dsloop.csrf";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            a.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    /// <summary>The data folder's hiring secret, made on first start; an unreadable or damaged one stops start-up in one line.</summary>
    private static async Task<DsLoop.App.Hiring.HiringSecret> HiringSecretAsync(IAppStore store, string dataDirectory)
    {
        try
        {
            return DsLoop.App.Hiring.HiringSecret.LoadOrCreate(dataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await store.DisposeAsync();
            throw new StartupException($"cannot use the hiring secret in {Path.GetFullPath(dataDirectory)}: {e.Message}", e);
        }
    }

    private static async Task<LocalUser?> LocalUserAsync(IAppStore store, bool multiUser, CancellationToken cancellationToken)
    {
        if (multiUser)
        {
            return null;
        }
        try
        {
            return new LocalUser(await store.EnsureLocalUserAsync(cancellationToken));
        }
        catch (StoreUnavailableException e)
        {
            await store.DisposeAsync();
            throw new StartupException(e.Message, e);
        }
    }
}
