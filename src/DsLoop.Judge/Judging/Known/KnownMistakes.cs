using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DsLoop.Judge.Judging.Known;

/// <summary>A well-known mistake of data work, with sentences a candidate might say while committing it.</summary>
/// <param name="Id">Stable name, e.g. <c>peeking</c>.</param>
/// <param name="Names">The mistake as reviewers name it, in a few phrasings.</param>
/// <param name="Says">Sentences in a candidate's voice that commit it.</param>
internal sealed record KnownMistake(string Id, IReadOnlyList<string> Names, IReadOnlyList<string> Says);

/// <summary>
/// The library of well-known mistakes (<c>known-mistakes.yaml</c>, embedded). An item's own mistake descriptions are
/// written in a reviewer's words ("Stopping as soon as the p-value dips under 0.05"); candidates commit them in
/// theirs ("I'd stop once p is below 0.05"), which the model scores well below the reviewer's sentence. Linking an item's
/// mistake to the known mistakes it means lends it those candidate sentences as exemplars.
/// </summary>
internal static class KnownMistakes
{
    /// <summary>
    /// An item's mistake borrows a known mistake's sentences when its description is at least this close to one of the
    /// known mistake's names. Set by reading every link the bank makes at a range of values (KnownMistakeTests lists the
    /// links that must and must not be made); not fitted on the evaluation set.
    /// </summary>
    public const double LinkThreshold = 0.61;

    private static readonly Lazy<IReadOnlyList<KnownMistake>> Library = new(Load);

    /// <summary>Every known mistake, in file order.</summary>
    public static IReadOnlyList<KnownMistake> All => Library.Value;

    private static IReadOnlyList<KnownMistake> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DsLoop.Judge.known-mistakes.yaml")
            ?? throw new InvalidOperationException("The embedded known-mistakes.yaml is missing from DsLoop.Judge.");
        using var reader = new StreamReader(stream);
        var rows = new DeserializerBuilder()
            .WithNamingConvention(HyphenatedNamingConvention.Instance)
            .Build()
            .Deserialize<List<Row>>(reader);
        return [.. rows.Select(r => new KnownMistake(r.Id, r.Names, r.Says))];
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public List<string> Names { get; set; } = [];
        public List<string> Says { get; set; } = [];
    }
}
