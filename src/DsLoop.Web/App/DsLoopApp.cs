using DsLoop.Content;
using DsLoop.Store;
using DsLoop.Web.Features.Account;
using DsLoop.Web.Features.Health;
using DsLoop.Web.Features.MockLoop;
using DsLoop.Web.Features.Progress;
using DsLoop.Web.Features.SqlPractice;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DsLoop.Web.App;

/// <summary>Builds and runs the DsLoop web app; used by the web project, <c>dsloop serve</c> and the tests.</summary>
public static class DsLoopApp
{
    /// <summary>
    /// Opens the store, loads the content and wires the app. Nothing listens until the app starts.
    /// <paramref name="configure"/> and <paramref name="mapExtra"/> let tests and hosts add services and endpoints.
    /// </summary>
    /// <exception cref="StartupException">The store or the content can't be used; the message says why.</exception>
    public static async Task<WebApplication> BuildAsync(
        DsLoopOptions options, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? mapExtra = null)
    {
        var content = LoadContent(options.ContentDirectory);
        var sqlBank = new SqlBank(content);
        IAppStore store;
        try
        {
            store = await AppStoreFactory.OpenAsync(options.Store);
        }
        catch (StoreUnavailableException e)
        {
            throw new StartupException(e.Message, e);
        }

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
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(options.Store.DataDirectory), "keys")));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(content);
        builder.Services.AddSingleton(sqlBank);
        // One dataset cache for the SQL practice datasets and the case warehouses: one folder, one budget, one lock.
        var datasets = PracticeDatasets.Open(options.Store.DataDirectory);
        builder.Services.AddSingleton(datasets);
        builder.Services.AddSingleton<SqlPracticeService>();
        builder.Services.AddSingleton(new DsLoop.Cases.CaseService(
            datasets, content.Frameworks.GetValueOrDefault(DsLoop.Cases.Modeling.ModelingCase.PlanFrameworkId)));
        builder.Services.AddSingleton<EmbeddedAssets>();
        builder.Services.AddScoped<DsLoop.Web.Features.Practice.ReviewScheduling>();
        builder.Services.AddMockLoop();
        builder.Services.AddDsLoopAccounts(options.MultiUser, await LocalUserAsync(store, options.MultiUser));
        builder.Services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Features";
            pages.Conventions.AuthorizeFolder("/Practice");
            pages.Conventions.AuthorizeFolder("/Progress");
            pages.Conventions.AuthorizeFolder("/MockLoop");
            pages.Conventions.AuthorizeFolder("/Review");
            pages.Conventions.AuthorizeFolder("/SqlPractice");
            pages.Conventions.AuthorizeFolder("/Readiness");
            pages.Conventions.AuthorizeFolder("/Planners");
            pages.Conventions.AuthorizeFolder("/Cases");
        }).AddApplicationPart(typeof(DsLoopApp).Assembly);
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "dsloop.csrf";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.HeaderName = "X-CSRF-TOKEN";
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAssets();
        app.MapHealth();
        app.MapHistoryExport();
        app.MapSqlDatasetExport();
        mapExtra?.Invoke(app);
        app.MapRazorPages();
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
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
            app = await BuildAsync(options);
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
        var store = app.Services.GetRequiredService<IAppStore>();
        var mode = options.MultiUser ? "multi-user mode: sign up at /account/signup" : "local mode: no sign-in needed";
        foreach (var address in app.ListeningAddresses())
        {
            Console.WriteLine($"DsLoop is running at {address}");
        }
        Console.WriteLine($"  {mode}; {store.Engine} store at {store.Location}. Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        await app.DisposeAsync();
        return 0;
    }

    private static ContentBank LoadContent(string directory)
    {
        var result = ContentLoader.Load(directory);
        if (result.Bank is { } bank)
        {
            return bank;
        }
        var shown = result.Errors.Take(20).Select(e => $"  {e}");
        var more = result.Errors.Count > 20 ? $"\n  … and {result.Errors.Count - 20} more" : "";
        throw new StartupException(
            $"the content in {Path.GetFullPath(directory)} has {result.Errors.Count} problem(s); fix them or run 'dsloop content validate':\n{string.Join('\n', shown)}{more}");
    }

    private static async Task<LocalUser?> LocalUserAsync(IAppStore store, bool multiUser)
    {
        if (multiUser)
        {
            return null;
        }
        try
        {
            return new LocalUser(await store.EnsureLocalUserAsync());
        }
        catch (StoreUnavailableException e)
        {
            throw new StartupException(e.Message, e);
        }
    }
}
