using System.Globalization;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>How a result cell is printed in the Run preview.</summary>
internal static class SqlCellText
{
    public static string Show(object? value) => value switch
    {
        null => "NULL",
        double d => d.ToString("G15", CultureInfo.InvariantCulture),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => $"<{bytes.Length} bytes>",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
