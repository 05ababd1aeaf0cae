using DsLoop.Stats.Readout;

namespace DsLoop.Drills.Families;

/// <summary>Conversion counts for a two-arm readout, drawn so the difference is neither trivial nor enormous.</summary>
internal sealed record ReadoutCounts(long ControlN, long ControlX, long TreatmentN, long TreatmentX)
{
    public static ReadoutCounts Draw(DrillRandom rng, DrillBuilder b)
    {
        var baseline = rng.Pick(0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3);
        var n = rng.Int(4, 60) * 250;
        var lift = rng.Step(-0.1, 0.25, 0.01, 2);
        var controlN = (long)b.Param("controlN", n + rng.Int(-200, 200));
        var treatmentN = (long)b.Param("treatmentN", n + rng.Int(-200, 200));
        var controlX = (long)b.Param("controlX", Math.Round(controlN * baseline) + rng.Int(-20, 20));
        var treatmentX = (long)b.Param("treatmentX", Math.Round(treatmentN * baseline * (1 + lift)) + rng.Int(-20, 20));
        return new ReadoutCounts(controlN, controlX, treatmentN, treatmentX);
    }

    public Proportion Control => new(ControlX, ControlN);

    public Proportion Treatment => new(TreatmentX, TreatmentN);

    public double ControlRate => (double)ControlX / ControlN;

    public double TreatmentRate => (double)TreatmentX / TreatmentN;

    public string Table => $"control {Text.N(ControlX)} conversions out of {Text.N(ControlN)} users; treatment {Text.N(TreatmentX)} out of {Text.N(TreatmentN)}";
}
