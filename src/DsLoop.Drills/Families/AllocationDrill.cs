using DsLoop.Drills.Answers;
using DsLoop.Stats.Design;
using static DsLoop.Drills.Text;

namespace DsLoop.Drills.Families;

/// <summary>Total users for a mean metric when only a small share goes to treatment.</summary>
internal sealed class AllocationDrill : IDrillFamily
{
    public string Id => "unequal-allocation";

    public string Title => "Unequal allocation";

    public DrillArea Area => DrillArea.ExperimentDesign;

    public Drill Generate(int seed)
    {
        var rng = new DrillRandom(Id, seed);
        var b = new DrillBuilder(this, seed);
        var sd = b.Param("sd", rng.Pick(20, 30, 40, 50, 60, 80));
        var mde = b.Param("mde", rng.Pick(1, 1.5, 2, 2.5, 3, 4, 5));
        var share = b.Param("share", rng.Pick(0.1, 0.2, 0.25, 0.3, 0.4));
        var uneven = SampleSize.ForMeans(sd, mde, ratio: share / (1 - share));
        var even = SampleSize.ForMeans(sd, mde);
        b.Mistake("ignored the allocation", even.Total, "That is the total for a 50/50 split; an uneven split needs more users for the same power.")
         .Mistake("sized the small arm like an even split", even.ControlPerArm / share, $"Giving the treatment arm the even-split size and scaling by 1/{G(share)} oversizes the test: the large control arm also shrinks the variance.")
         .Mistake("control arm only", uneven.ControlPerArm, "That is the control arm; add the treatment arm for the total.");
        var inflation = 1 / (4 * share * (1 - share));
        var prompt = $"Revenue per user has a standard deviation of ${G(sd)}. You want 80% power to detect a ${G(mde)} change with a two-sided test at α = 0.05, "
            + $"but to limit risk only {Pct(share, 0)} of users get the treatment. How many users does the test need in total?";
        var solution = $"Even split: n per arm = (1.96 + 0.84)² × 2σ²/δ² ≈ {N(even.ControlPerArm)}, total {N(even.Total)}. The variance of the difference is σ²(1/n_c + 1/n_t) = "
            + $"σ²/(N·f·(1−f)) with f = {G(share)}, against 4σ²/N for 50/50, so the total grows by 1/(4·f·(1−f)) = {G(inflation)}: "
            + $"{N(uneven.ControlPerArm)} control + {N(uneven.TreatmentPerArm)} treatment = {N(uneven.Total)}.";
        return b.Build(prompt, AnswerFormat.Count("users in total", Tolerance.Within(0.03)), uneven.Total, solution);
    }
}
