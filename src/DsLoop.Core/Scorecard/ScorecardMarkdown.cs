using System.Globalization;
using System.Text;

namespace DsLoop.Core.Scorecard;

/// <summary>Writes a scorecard as Markdown, for download or pasting into a debrief.</summary>
public static class ScorecardMarkdown
{
    /// <summary>The scorecard as Markdown text.</summary>
    public static string Write(InterviewScorecard scorecard, string title = "Mock loop scorecard")
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {title}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**Recommendation: {(scorecard.Recommendation is { } r ? ScorecardRules.DisplayName(r) : "none")}.** {scorecard.Reason}\n\n");
        md.Append("| Dimension | Weight | Weight used | Rating | Evidence |\n|---|---:|---:|---|---:|\n");
        foreach (var d in scorecard.Dimensions)
        {
            var rating = d.Rating is { } value ? $"{ScorecardRules.RatingName(value)} ({string.Join(", ", d.Bases.Select(ScorecardRules.DisplayName))})" : "not assessed";
            md.Append(CultureInfo.InvariantCulture,
                $"| {Dimensions.DisplayName(d.Dimension)} | {d.BaseWeight * 100:0}% | {(d.Assessed ? (d.EffectiveWeight * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–")} | {rating} | {d.Evidence.Count} |\n");
        }
        if (scorecard.Overall is { } overall)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nOverall weighted score: **{overall:0.00}** of 4.\n");
        }
        if (scorecard.NotAssessed.Any())
        {
            md.Append(CultureInfo.InvariantCulture,
                $"\nNot assessed (left out, the other weights renormalised): {string.Join(", ", scorecard.NotAssessed.Select(d => Dimensions.DisplayName(d.Dimension)))}.\n");
        }
        foreach (var d in scorecard.Dimensions.Where(d => d.Evidence.Count > 0 || d.Signals.Count > 0))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Dimensions.DisplayName(d.Dimension)}\n\n");
            foreach (var e in d.Evidence)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"- {Escape(e.Title)} (`{e.ItemId}`, {Source(e.Source)}, {ScorecardRules.DisplayName(e.ShownBasis)}): rated {e.Rating:0.0}, {Escape(e.Detail)}\n");
            }
            foreach (var s in d.Signals)
            {
                md.Append(CultureInfo.InvariantCulture, $"- {ScorecardRules.DisplayName(s.Kind)}: {Escape(s.Description)} (`{s.DetectorId}`)");
                if (s.Evidence.Length > 0)
                {
                    md.Append(CultureInfo.InvariantCulture, $" — \"{Escape(s.Evidence)}\"");
                }
                md.Append('\n');
            }
        }
        md.Append("\nRatings (1–4, one decimal, halves up): auto-graded scores rate 1 below 0.40, 2 below 0.60, 3 below 0.85, 4 from 0.85; ")
          .Append("judged open answers weigh the judge 0.75 and the self-rating 0.25; self-rated answers rate the self-rating alone. ")
          .Append("Calls: Strong no below 2.00, No below 2.60, Yes below 3.30, Strong yes from 3.30; a dimension below 1.5 caps the call at No, an off-topic answer at Yes. ")
          .Append("Signals are shown, not scored.\n");
        return md.ToString();
    }

    private static string Source(EvidenceSource source) => source switch
    {
        EvidenceSource.Sql => "SQL grader",
        EvidenceSource.Statistics => "statistics grader",
        EvidenceSource.Case => "case grader",
        EvidenceSource.OpenAnswer => "open answer",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown evidence source."),
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
