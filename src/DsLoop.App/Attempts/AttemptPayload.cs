using System.Text.Json;
using System.Text.Json.Serialization;
using DsLoop.App.Cases;
using DsLoop.App.Drills;
using DsLoop.App.Practice;
using DsLoop.App.SqlPractice;
using DsLoop.Core;

namespace DsLoop.App.Attempts;

/// <summary>What an attempt records beyond its row: one payload type per <see cref="AttemptKind"/>.</summary>
public abstract record AttemptPayload
{
    /// <summary>The kind of attempt that carries this payload.</summary>
    [JsonIgnore] public abstract AttemptKind Kind { get; }
}

/// <summary>
/// The one mapping from <see cref="AttemptKind"/> to its payload type, and the only place attempts are built and
/// their payloads read or written.
/// </summary>
public static class AttemptPayloads
{
    /// <summary>The payload type stored for each kind of attempt that has one.</summary>
    public static readonly IReadOnlyDictionary<AttemptKind, Type> Types = new Dictionary<AttemptKind, Type>
    {
        [AttemptKind.OpenQuestion] = typeof(OpenAnswer),
        [AttemptKind.Sql] = typeof(SqlAnswer),
        [AttemptKind.Statistics] = typeof(DrillAnswer),
        [AttemptKind.Case] = typeof(CasePayload),
    };

    /// <summary>A new attempt by <paramref name="userId"/> at <paramref name="itemId"/> carrying <paramref name="payload"/>.</summary>
    public static Attempt New(
        string userId, string itemId, AttemptPayload payload, DateTimeOffset startedAt, DateTimeOffset? submittedAt, double? score) =>
        new(Ids.New(), userId, payload.Kind, itemId, startedAt, submittedAt, score, Write(payload));

    /// <summary>The attempt with <paramref name="payload"/> in place of its own.</summary>
    /// <exception cref="ArgumentException">The payload belongs to another kind of attempt.</exception>
    public static Attempt With(this Attempt attempt, AttemptPayload payload) =>
        payload.Kind == attempt.Kind
            ? attempt with { PayloadJson = Write(payload) }
            : throw new ArgumentException($"A {payload.Kind} payload can't be stored on a {attempt.Kind} attempt.", nameof(payload));

    /// <summary>The attempt's payload as <typeparamref name="T"/>, or null when the attempt is of another kind.</summary>
    public static T? Read<T>(this Attempt attempt) where T : AttemptPayload =>
        Types.TryGetValue(attempt.Kind, out var type) && type == typeof(T)
            ? JsonSerializer.Deserialize<T>(attempt.PayloadJson, AppJson.Options)
            : null;

    /// <summary>The attempt's payload as its kind's type, or null for a kind without one.</summary>
    public static AttemptPayload? Read(this Attempt attempt) =>
        Types.TryGetValue(attempt.Kind, out var type)
            ? (AttemptPayload?)JsonSerializer.Deserialize(attempt.PayloadJson, type, AppJson.Options)
            : null;

    private static string Write(AttemptPayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), AppJson.Options);
}
