namespace DsLoop.Cases;

/// <summary>One graded part of an answer.</summary>
/// <param name="Part">Which part, e.g. "Sample size per arm".</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available.</param>
/// <param name="Feedback">What was right or which mistake was made, in plain words.</param>
public sealed record GradedPart(string Part, double Points, double MaxPoints, string Feedback)
{
    /// <summary>True when the part earned all its points.</summary>
    public bool Passed => Points >= MaxPoints;
}

/// <summary>The graded result of a case submission, with the engine's own readout to compare against.</summary>
/// <param name="Case">The case id.</param>
/// <param name="Parts">Each part's grade.</param>
/// <param name="Reference">The engine's analysis, shown only after submitting: lines of Markdown.</param>
/// <param name="Explanation">What was planted and how to find it.</param>
/// <param name="Metrics">Named numbers for display (modeling metrics, readout figures).</param>
/// <param name="Reliability">Reliability-chart points of a modeling submission (mean score, observed rate, rows per bin).</param>
/// <param name="Slices">A modeling submission's holdout slice report and top errors.</param>
public sealed record CaseResult(
    string Case,
    IReadOnlyList<GradedPart> Parts,
    IReadOnlyList<string> Reference,
    string Explanation,
    IReadOnlyDictionary<string, double>? Metrics = null,
    IReadOnlyList<ReliabilityPoint>? Reliability = null,
    Modeling.SliceReport? Slices = null)
{
    /// <summary>Points earned over all parts.</summary>
    public double Points => Parts.Sum(p => p.Points);

    /// <summary>Points available over all parts.</summary>
    public double MaxPoints => Parts.Sum(p => p.MaxPoints);

    /// <summary>Share of the points earned, 0 to 1.</summary>
    public double Score => MaxPoints == 0 ? 0 : Points / MaxPoints;
}

/// <summary>A file handed to the candidate.</summary>
/// <param name="Name">File name, e.g. "users.csv".</param>
/// <param name="ContentType">MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record CaseFile(string Name, string ContentType, byte[] Content);

/// <summary>An answer that could not be read (bad JSON, a wrong CSV): nothing is graded or stored.</summary>
public sealed class CaseAnswerException(string message) : Exception(message);

/// <summary>One bin of a reliability chart.</summary>
/// <param name="MeanScore">Mean predicted probability in the bin.</param>
/// <param name="ObservedRate">Share of positives in the bin.</param>
/// <param name="Count">Rows in the bin.</param>
public sealed record ReliabilityPoint(double MeanScore, double ObservedRate, int Count);
