using System.Globalization;
using System.Text;
using DsLoop.Data;
using DsLoop.Data.Schema;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>The schema of the practice warehouse as a short Markdown note, shipped inside the CSV export.</summary>
internal static class SchemaNote
{
    public static string Markdown(ulong seed, DataScale scale)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# DsLoop practice dataset, seed {seed}, scale {scale.Name}\n\n");
        text.Append("One CSV per table: UTF-8, a header row, RFC 4180 quoting, NULL as an empty field, timestamps as 'YYYY-MM-DD HH:MM:SS' in UTC.\n");
        text.Append("The same seed and scale always give the same rows, so your own tools see exactly what the grader saw.\n");
        foreach (var table in DatasetSchema.Tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {table.Name}\n\n{table.Description}\n\n| column | type | notes |\n|---|---|---|\n");
            foreach (var column in table.Columns)
            {
                var type = column.SqliteType.ToLowerInvariant() + (column.Nullable ? ", nullable" : "");
                text.Append(CultureInfo.InvariantCulture, $"| {column.Name} | {type} | {column.Description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
            }
        }
        return text.ToString();
    }
}
