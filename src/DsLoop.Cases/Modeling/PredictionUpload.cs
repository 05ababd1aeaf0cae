using System.Globalization;
using System.Text;

namespace DsLoop.Cases.Modeling;

/// <summary>
/// Reads an <c>id,probability</c> upload and checks it row by row against the holdout's ids. Any problem
/// rejects the whole file with messages that name the line; nothing from an invalid file is kept.
/// </summary>
public static class PredictionUpload
{
    /// <summary>The largest accepted upload.</summary>
    public const long MaxBytes = 8L * 1024 * 1024;

    private const int MaxMessages = 10;

    /// <summary>Parses and validates; throws <see cref="CaseAnswerException"/> listing the problems.</summary>
    public static IReadOnlyDictionary<long, double> Parse(byte[] content, IReadOnlyCollection<long> expectedIds)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(expectedIds);
        if (content.LongLength > MaxBytes)
        {
            throw new CaseAnswerException($"The file is {content.LongLength:N0} bytes; the limit is {MaxBytes:N0}.");
        }
        var text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var lines = text.Split('\n');
        var errors = new List<string>();
        var header = lines[0].Trim().TrimEnd('\r').Replace("\"", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (header != "id,probability")
        {
            throw new CaseAnswerException($"Line 1: the header must be 'id,probability', found '{Short(lines[0])}'.");
        }
        var expected = expectedIds as IReadOnlySet<long> ?? expectedIds.ToHashSet();
        var seen = new Dictionary<long, (double P, int Line)>(expected.Count);
        for (var i = 1; i < lines.Length && errors.Count < MaxMessages; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                if (lines.Skip(i + 1).Any(l => l.Trim().Length > 0))
                {
                    errors.Add($"Line {number}: empty line.");
                }
                continue;
            }
            var fields = line.Split(',');
            if (fields.Length != 2)
            {
                errors.Add($"Line {number}: expected 2 fields (id,probability), found {fields.Length}.");
                continue;
            }
            if (!long.TryParse(fields[0].Trim().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add($"Line {number}: id '{Short(fields[0])}' is not a whole number.");
                continue;
            }
            if (!expected.Contains(id))
            {
                errors.Add($"Line {number}: id {id} is not in holdout_features.csv.");
                continue;
            }
            if (seen.TryGetValue(id, out var first))
            {
                errors.Add($"Line {number}: id {id} is a duplicate (first on line {first.Line}).");
                continue;
            }
            var raw = fields[1].Trim().Trim('"');
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || double.IsNaN(p))
            {
                errors.Add($"Line {number}: probability '{Short(raw)}' is not a number.");
                continue;
            }
            if (p is < 0 or > 1)
            {
                errors.Add($"Line {number}: probability {raw} is outside [0, 1].");
                continue;
            }
            seen[id] = (p, number);
        }
        if (errors.Count == 0 && seen.Count < expected.Count)
        {
            var missing = expected.Where(id => !seen.ContainsKey(id)).Take(3).ToList();
            errors.Add($"{expected.Count - seen.Count:N0} holdout id(s) have no prediction, e.g. {string.Join(", ", missing)}.");
        }
        return errors.Count > 0
            ? throw new CaseAnswerException(string.Join("\n", errors) + (errors.Count >= MaxMessages ? "\n(stopped after 10 problems)" : ""))
            : seen.ToDictionary(kv => kv.Key, kv => kv.Value.P);
    }

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s.Trim();
}
