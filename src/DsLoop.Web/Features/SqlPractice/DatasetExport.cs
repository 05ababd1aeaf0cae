using System.IO.Compression;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary><c>GET /sql/datasets/{seed}.zip</c>: a practice dataset as CSV files, for anyone who prefers their own tools.</summary>
internal static class DatasetExport
{
    public static void MapSqlDatasetExport(this WebApplication app) =>
        app.MapGet("/sql/datasets/{seed}.zip", async (string seed, SqlPracticeService practice, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (!PracticeDatasets.TryParseSeed(seed, out var value))
            {
                return Results.BadRequest($"{PracticeDatasets.BadSeed(seed)}.");
            }
            var folder = Directory.CreateTempSubdirectory("dsloop-export-");
            try
            {
                await Task.Run(() => practice.ExportCsv(value, folder.FullName, cancellationToken), cancellationToken);
                var zip = Path.Combine(folder.FullName, "dataset.zip");
                await using (var archive = await ZipArchive.CreateAsync(File.Create(zip), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, cancellationToken))
                {
                    foreach (var file in folder.GetFiles().Where(f => f.Name != "dataset.zip").OrderBy(f => f.Name, StringComparer.Ordinal))
                    {
                        await archive.CreateEntryFromFileAsync(file.FullName, file.Name, CompressionLevel.Fastest, cancellationToken);
                    }
                }
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"dsloop-{practice.Scale.Name}-{value}.zip\"";
                await context.Response.SendFileAsync(zip, cancellationToken);
                return Results.Empty;
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }).RequireAuthorization();
}
