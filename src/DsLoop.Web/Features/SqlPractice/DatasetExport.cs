using System.IO.Compression;
using DsLoop.App.SqlPractice;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>
/// Datasets as a zip of CSV files plus SCHEMA.md, for anyone who prefers their own tools: <c>GET /sql/datasets/{seed}.zip</c>
/// for the SQL practice datasets, and <see cref="SendZipAsync"/> for any other generated dataset (the KPI-drop case's).
/// </summary>
internal static class DatasetExport
{
    public static void MapSqlDatasetExport(this WebApplication app) =>
        app.MapGet("/sql/datasets/{seed}.zip", async (string seed, SqlPracticeService practice, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (!PracticeDatasets.TryParseSeed(seed, out var value))
            {
                return Results.BadRequest($"{PracticeDatasets.BadSeed(seed)}.");
            }
            await SendZipAsync(context.Response, $"dsloop-{practice.Scale.Name}-{value}.zip",
                (folder, token) => practice.ExportCsv(value, folder, token), cancellationToken);
            return Results.Empty;
        }).RequireAuthorization();

    /// <summary>
    /// Lets <paramref name="write"/> fill a temporary folder (CSV files and SCHEMA.md), zips its files in name order and
    /// sends the zip as the attachment <paramref name="fileName"/>; the folder is deleted afterwards.
    /// </summary>
    public static async Task SendZipAsync(HttpResponse response, string fileName, Action<string, CancellationToken> write, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-export-");
        try
        {
            var files = folder.CreateSubdirectory("files");
            await Task.Run(() => write(files.FullName, cancellationToken), cancellationToken);
            var zip = Path.Combine(folder.FullName, "dataset.zip");
            await using (var archive = await ZipArchive.CreateAsync(File.Create(zip), ZipArchiveMode.Create, leaveOpen: false, entryNameEncoding: null, cancellationToken))
            {
                foreach (var file in files.GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    await archive.CreateEntryFromFileAsync(file.FullName, file.Name, CompressionLevel.Fastest, cancellationToken);
                }
            }
            response.ContentType = "application/zip";
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            await response.SendFileAsync(zip, cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
