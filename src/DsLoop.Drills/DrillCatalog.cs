using DsLoop.Drills.Families;

namespace DsLoop.Drills;

/// <summary>Every drill family, in the order the round covers them: design, readouts, probability.</summary>
public static class DrillCatalog
{
    /// <summary>The families.</summary>
    public static IReadOnlyList<IDrillFamily> Families { get; } =
    [
        new SampleSizeDrill(), new DurationDrill(), new DetectableEffectDrill(), new PowerDrill(), new AllocationDrill(),
        new ReadoutPValueDrill(), new ReadoutIntervalDrill(), new SrmDrill(), new CupedDrill(), new MultipleTestingDrill(holm: true),
        new MultipleTestingDrill(holm: false), new PeekingDrill(), new SimpsonDrill(),
        new BayesDrill(), new GameValueDrill(), new GameSpreadDrill(), new BinomialDrill(), new GeometricDrill(), new PoissonDrill(),
        new HypergeometricDrill(), new BirthdayDrill(), new CentralLimitDrill(), new GamblersRuinDrill(),
    ];

    /// <summary>The family with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static IDrillFamily? Find(string id) =>
        Families.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The drill of <paramref name="family"/> for <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">No family has that id; the message lists them.</exception>
    public static Drill Generate(string family, int seed) =>
        (Find(family) ?? throw new ArgumentException($"No drill family '{family}'; choose one of {string.Join(", ", Families.Select(f => f.Id))}.", nameof(family)))
        .Generate(seed);
}
