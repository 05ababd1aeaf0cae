using System.Globalization;

namespace DsLoop.Core.Hiring;

/// <summary>
/// A position's scorecard weights: a whole percentage for every dimension, adding up to exactly 100. The default is
/// the blueprint's 20/20/20/15/10/10/5 (<see cref="Dimensions.Weight"/>).
/// </summary>
public sealed class ScorecardWeights
{
    private readonly int[] _percents;

    private ScorecardWeights(int[] percents) => _percents = percents;

    /// <summary>The blueprint's weights.</summary>
    public static ScorecardWeights Default { get; } =
        new([.. Dimensions.All.Select(d => (int)(Dimensions.Weight(d) * 100))]);

    /// <summary>The percentage of one dimension.</summary>
    public int Percent(Dimension dimension) => _percents[(int)dimension];

    /// <summary>The form field that carries a dimension's weight (<c>Weights.problem-framing</c>), named in messages.</summary>
    public static string FieldName(Dimension dimension) => $"Weights.{Dimensions.Slug(dimension)}";

    /// <summary>
    /// Reads weights given per dimension slug; a dimension left out is refused, as is a value that is not a whole
    /// number from 0 to 100, or a total other than 100. The problem names the field.
    /// </summary>
    public static ScorecardWeights? TryCreate(IReadOnlyDictionary<Dimension, string?> percents, out string? problem)
    {
        var values = new int[Dimensions.All.Count];
        foreach (var dimension in Dimensions.All)
        {
            var text = percents.GetValueOrDefault(dimension)?.Trim().TrimEnd('%').Trim();
            if (string.IsNullOrEmpty(text))
            {
                problem = $"{FieldName(dimension)}: give a weight in percent for {Dimensions.DisplayName(dimension)}.";
                return null;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 100)
            {
                problem = $"{FieldName(dimension)}: '{Shorten(text)}' is not a whole number of percent from 0 to 100.";
                return null;
            }
            values[(int)dimension] = value;
        }
        var total = values.Sum();
        if (total != 100)
        {
            problem = $"Weights: the weights add up to {total}%, not 100%.";
            return null;
        }
        problem = null;
        return new ScorecardWeights(values);
    }

    /// <summary>Stored form: <c>problem-framing=20;statistics-experimentation=20;…</c>.</summary>
    public override string ToString() =>
        string.Join(';', Dimensions.All.Select(d => string.Create(CultureInfo.InvariantCulture, $"{Dimensions.Slug(d)}={Percent(d)}")));

    /// <summary>Reads the stored form; null when it is not valid weights.</summary>
    public static ScorecardWeights? Parse(string text)
    {
        var given = new Dictionary<Dimension, string?>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && Dimensions.TryParse(pair[0], out var dimension))
            {
                given[dimension] = pair[1];
            }
        }
        return TryCreate(given, out _);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScorecardWeights other && _percents.SequenceEqual(other._percents);

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
