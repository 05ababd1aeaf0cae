using System.Text.Json;

namespace DsLoop.Cases.Experiment;

/// <summary>An estimate with its interval as the candidate gives it.</summary>
/// <param name="Estimate">Point estimate.</param>
/// <param name="Low">Lower 95% bound.</param>
/// <param name="High">Upper 95% bound.</param>
public sealed record EstimateAnswer(double? Estimate, double? Low, double? High);

/// <summary>The SRM part of the answer.</summary>
/// <param name="Mismatch">True when the candidate finds a sample-ratio mismatch.</param>
/// <param name="PValue">The p-value of their check.</param>
public sealed record SrmAnswer(bool? Mismatch, double? PValue);

/// <summary>The design half of the answer.</summary>
/// <param name="SamplePerArm">Users per arm.</param>
/// <param name="DurationDays">Days to run.</param>
/// <param name="Guardrails">Chosen guardrail metric ids.</param>
/// <param name="RandomizationUnit">Chosen unit.</param>
public sealed record DesignAnswer(long? SamplePerArm, int? DurationDays, IReadOnlyList<string>? Guardrails, string? RandomizationUnit);

/// <summary>The readout half of the answer.</summary>
/// <param name="Srm">SRM verdict and p-value.</param>
/// <param name="AbsoluteLift">Absolute lift (treatment − control conversion) with its 95% CI.</param>
/// <param name="RelativeLift">Relative lift with its 95% CI, as a fraction (0.05 = +5%).</param>
/// <param name="Guardrails">Verdict per guardrail id: held, regressed or inconclusive.</param>
/// <param name="Decision">ship, dont-ship, extend or investigate.</param>
/// <param name="Rationale">A short rationale (shown back, not scored).</param>
public sealed record ReadoutAnswer(
    SrmAnswer? Srm, EstimateAnswer? AbsoluteLift, EstimateAnswer? RelativeLift, IReadOnlyDictionary<string, string>? Guardrails, string? Decision, string? Rationale);

/// <summary>A full experiment-case answer (JSON, camelCase).</summary>
/// <param name="Design">The design half.</param>
/// <param name="Readout">The readout half.</param>
public sealed record ExperimentAnswer(DesignAnswer? Design, ReadoutAnswer? Readout)
{
    /// <summary>Reads an answer; a message that names the problem when the JSON is not an answer.</summary>
    public static ExperimentAnswer Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ExperimentAnswer>(json, CaseJson.Options) ?? throw new CaseAnswerException("The answer is empty.");
        }
        catch (JsonException e)
        {
            throw new CaseAnswerException($"The answer is not valid JSON for an experiment case: {e.Message}");
        }
    }

    /// <summary>The answer as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, CaseJson.Options);

    /// <summary>A decision's canonical value, or null when it is not one of the four.</summary>
    public static ReadoutDecision? ParseDecision(string? text) => text?.Trim().ToLowerInvariant().Replace('_', '-').Replace("'", "", StringComparison.Ordinal).Replace(' ', '-') switch
    {
        "ship" => ReadoutDecision.Ship,
        "dont-ship" or "do-not-ship" => ReadoutDecision.DontShip,
        "extend" => ReadoutDecision.Extend,
        "investigate" => ReadoutDecision.Investigate,
        _ => null,
    };

    /// <summary>A guardrail verdict's value, or null.</summary>
    public static GuardrailVerdict? ParseVerdict(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "held" => GuardrailVerdict.Held,
        "regressed" => GuardrailVerdict.Regressed,
        "inconclusive" => GuardrailVerdict.Inconclusive,
        _ => null,
    };

    /// <summary>The slug of a decision.</summary>
    public static string Slug(ReadoutDecision decision) => decision switch
    {
        ReadoutDecision.DontShip => "dont-ship",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
