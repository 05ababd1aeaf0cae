using DsLoop.App.Hosting;
using DsLoop.App.SqlPractice;
using DsLoop.Sql;

namespace DsLoop.Web.Features.SqlPractice;

internal static class SqlPracticeFeature
{
    /// <summary>
    /// The SQL bank, the data folder's one dataset cache (shared with the case warehouses: one folder, one budget, one
    /// lock), running and grading, and recording submissions.
    /// </summary>
    public static IServiceCollection AddSqlPractice(this IServiceCollection services, AppSettings settings) => services
        .AddSingleton<SqlBank>()
        .AddSingleton(_ => PracticeDatasets.Open(settings.Store.DataDirectory))
        .AddSingleton(provider => new SqlPracticeService(settings.SqlScale, provider.GetRequiredService<DatasetCache>()))
        .AddSingleton<SqlSubmissions>();

    /// <summary>/sql/datasets/{seed}.zip.</summary>
    public static void MapSqlPractice(this WebApplication app) => app.MapSqlDatasetExport();
}
