using DsLoop.Drills.Answers;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>A segment table where the variant that wins in every segment loses pooled, because the arms' mixes differ.</summary>
internal sealed class SimpsonDrill : IDrillFamily
{
    public string Id => "simpson";

    public string Title => "Simpson's paradox from a segment table";

    public DrillArea Area => DrillArea.Readout;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        while (true)
        {
            var lowRate = rng.Step(0.02, 0.06, 0.005, 3);
            var highRate = rng.Step(0.12, 0.25, 0.01, 2);
            var liftLow = rng.Step(0.004, 0.015, 0.001, 3);
            var liftHigh = rng.Step(0.005, 0.03, 0.001, 3);
            var aHighShare = rng.Step(0.6, 0.9, 0.05, 2);
            var bHighShare = rng.Step(0.1, 0.4, 0.05, 2);
            var aN = rng.Int(8, 40) * 250;
            var bN = rng.Int(8, 40) * 250;
            long aHigh = (long)Math.Round(aN * aHighShare), aLow = aN - aHigh, bHigh = (long)Math.Round(bN * bHighShare), bLow = bN - bHigh;
            long aHighX = (long)Math.Round(aHigh * highRate), aLowX = (long)Math.Round(aLow * lowRate);
            long bHighX = (long)Math.Round(bHigh * (highRate + liftHigh)), bLowX = (long)Math.Round(bLow * (lowRate + liftLow));
            var bWinsSegments = (double)bHighX / bHigh > (double)aHighX / aHigh && (double)bLowX / bLow > (double)aLowX / aLow;
            var aWinsPooled = (double)(aHighX + aLowX) / aN > (double)(bHighX + bLowX) / bN;
            if (!bWinsSegments || !aWinsPooled)
            {
                continue;
            }
            b.Param("aDesktopN", aHigh); b.Param("aDesktopX", aHighX); b.Param("aMobileN", aLow); b.Param("aMobileX", aLowX);
            b.Param("bDesktopN", bHigh); b.Param("bDesktopX", bHighX); b.Param("bMobileN", bLow); b.Param("bMobileX", bLowX);
            var askPooled = b.Param("askPooled", rng.Int(0, 1)) == 1;
            var table = $"desktop: A {N(aHighX)}/{N(aHigh)}, B {N(bHighX)}/{N(bHigh)}; mobile: A {N(aLowX)}/{N(aLow)}, B {N(bLowX)}/{N(bLow)} (conversions/users)";
            var prompt = $"A rollout put variants A and B on different mixes of devices. The results are {table}. "
                + (askPooled ? "Pooling all users, which variant has the higher conversion rate?" : "For a user on either device, which variant converts better, so which should ship?");
            var rates = $"Desktop: A {Pct((double)aHighX / aHigh)}, B {Pct((double)bHighX / bHigh)}. Mobile: A {Pct((double)aLowX / aLow)}, B {Pct((double)bLowX / bLow)}. "
                + $"Pooled: A {Pct((double)(aHighX + aLowX) / aN)}, B {Pct((double)(bHighX + bLowX) / bN)}.";
            var solution = $"{rates} B is better on both devices, yet A is better pooled: {Pct(aHighShare, 0)} of A's users are on desktop, which converts far better, "
                + $"against {Pct(bHighShare, 0)} of B's. The pooled comparison measures the device mix, not the variant (Simpson's paradox). "
                + (askPooled ? "Pooled, A is higher; that is why the decision should compare within segments, where B wins." : "Compare like with like: B wins within each device, so B ships; also ask why the mixes differ, since a fair randomisation would balance them.");
            var answer = askPooled ? 0 : 1;
            b.Mistake(askPooled ? "answered the segment comparison" : "Simpson's paradox: read the pooled rates", 1 - answer, askPooled
                ? "B wins within each device, but the question asks about the pooled rates, where the mix of devices makes A higher."
                : "A is ahead only because most of its users are on desktop, the device that converts more; within each device B is ahead.");
            return b.Build(prompt, AnswerFormat.Choice("A", "B"), answer, solution);
        }
    }
}
