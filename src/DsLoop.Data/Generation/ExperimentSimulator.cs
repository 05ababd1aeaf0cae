using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// The A/B tests in <see cref="Experiments.All"/>: which users are eligible and in which variant (stateless hashes, so a
/// user's variant does not depend on anything else drawn), first assignment and exposure in a session, and the planted
/// effects of the checkout experiment; writes experiments, assignments and exposures rows.
/// </summary>
internal sealed class ExperimentSimulator
{
    private readonly UserState _user;
    private readonly IDatasetSink _sink;
    private readonly ulong _seed;
    private readonly ExperimentPlan? _plan;
    private readonly DataRow _experiments = new(DatasetSchema.Experiments);
    private readonly DataRow _assignments = new(DatasetSchema.Assignments);
    private readonly DataRow _exposures = new(DatasetSchema.Exposures);
    private int _searchRankingTreatment;
    private int _searchRankingControl;

    public ExperimentSimulator(SimulationSettings settings, UserState user, IDatasetSink sink)
    {
        _user = user;
        _sink = sink;
        _seed = settings.Seed;
        _plan = settings.ExperimentPlan;
    }

    public void WriteExperimentsTable()
    {
        foreach (var e in Experiments.All)
        {
            var r = _experiments;
            r.Set(0, e.Id);
            r.Set(1, e.Name);
            r.Set(2, e.Description);
            r.Set(3, e.Metric);
            r.Set(4, DayStart(e.StartDay));
            r.Set(5, DayStart(e.EndDay));
            r.Set(6, e.Traffic);
            r.Set(7, e.TreatmentShare);
            _sink.Write(r);
        }
    }

    /// <summary>Decides the user's eligibility and variant per experiment, and whether a planted mismatch loses their logs.</summary>
    public void Enrol()
    {
        var userId = (ulong)_user.Id;
        for (var e = 0; e < Experiments.All.Length; e++)
        {
            var x = Experiments.All[e];
            _user.AssignedAt[e] = 0;
            _user.ExposedAt[e] = 0;
            _user.Eligible[e] = Rng.Unit(Rng.Hash(_seed, RandomStreams.Eligibility + (ulong)x.Id, userId)) < x.Traffic;
            _user.InTreatment[e] = Rng.Unit(Rng.Hash(_seed, RandomStreams.Variant + (ulong)x.Id, userId)) < x.TreatmentShare;
        }
        _user.CheckoutLogsLost = _plan is { SampleRatioMismatch: true } && _user.Platform == Android && _user.InTreatment[Experiments.CheckoutIndex]
            && Rng.Unit(Rng.Hash(_seed, RandomStreams.LostAssignmentLog, userId)) < Experiments.LostTreatmentLogShare;
        _user.OnboardingLogsLost = _user.InTreatment[Experiments.OnboardingId - 1]
            && Rng.Unit(Rng.Hash(_seed, RandomStreams.LostOnboardingLog, userId)) < Boundaries.OnboardingLostTreatmentLogShare;
    }

    /// <summary>Assignment and exposure at a session's start; returns the relative purchase lift that applies to the session.</summary>
    public double AssignAndExpose(long start)
    {
        var lift = 0.0;
        for (var e = 0; e < Experiments.All.Length; e++)
        {
            var x = Experiments.All[e];
            if (!_user.Eligible[e] || start < DayStart(x.StartDay) || start >= DayStart(x.EndDay))
            {
                continue;
            }
            if (_user.AssignedAt[e] == 0 && x.Id == Experiments.SearchRankingId && !_user.IsTestAccount)
            {
                _user.InTreatment[e] = SearchRankingVariant(x.TreatmentShare);
            }
            var variant = _user.InTreatment[e] ? "treatment" : "control";
            var logged = IsLogged(e);
            if (_user.AssignedAt[e] == 0)
            {
                _user.AssignedAt[e] = start;
                if (logged)
                {
                    Write(_assignments, x.Id, variant, start);
                }
            }
            if (_user.ExposedAt[e] == 0 && _user.Random.Chance(x.ExposureChance))
            {
                _user.ExposedAt[e] = start + Experiments.ExposureMinDelaySeconds + _user.Random.NextInt(Experiments.ExposureDelaySpreadSeconds);
                if (logged)
                {
                    Write(_exposures, x.Id, variant, _user.ExposedAt[e]);
                }
            }
            if (x.Id == Experiments.CheckoutId && _user.ExposedAt[e] != 0 && _user.InTreatment[e] && _plan is { } plan)
            {
                var daysSince = (start - _user.ExposedAt[e] + Experiments.NoveltyAgeOffsetSeconds) / (double)Clock.Day;
                lift = plan.RelativeLift + (plan.NoveltyBoost * Math.Pow(0.5, Math.Max(0, daysSince) / plan.NoveltyHalfLifeDays));
            }
        }
        return lift;
    }

    /// <summary>
    /// The planted relative change of the support-ticket rate for a session starting at <paramref name="sessionStart"/>:
    /// set only for exposed treatment users of the checkout experiment while it runs.
    /// </summary>
    public double? CheckoutTicketRateChange(long sessionStart)
    {
        var x = Experiments.CheckoutIndex;
        return _plan is { } plan && _user.InTreatment[x] && _user.ExposedAt[x] != 0 && sessionStart < DayStart(Experiments.All[x].EndDay)
            ? plan.GuardrailRelativeChange
            : null;
    }

    /// <summary>Whether the user's assignment to (and exposure in) the experiment at <paramref name="index"/> reach the logs.</summary>
    public bool IsLogged(int index)
    {
        var id = Experiments.All[index].Id;
        return !(id == Experiments.CheckoutId && _user.CheckoutLogsLost) && !(id == Experiments.OnboardingId && _user.OnboardingLogsLost);
    }

    /// <summary>
    /// The variant search_ranking_v2's assignment service gives the next non-test user: the arm that keeps the treatment
    /// arm's shortfall against the design closest to the planted chi-square, so the check lands just past the 5% cut-off
    /// whatever the number of users.
    /// </summary>
    private bool SearchRankingVariant(double share)
    {
        var n = _searchRankingTreatment + _searchRankingControl + 1.0;
        var target = -Math.Sqrt(Boundaries.SearchRankingChiSquare * n * share * (1 - share));
        var treatment = Math.Abs(_searchRankingTreatment + 1 - (share * n) - target) < Math.Abs(_searchRankingTreatment - (share * n) - target);
        if (treatment)
        {
            _searchRankingTreatment++;
        }
        else
        {
            _searchRankingControl++;
        }
        return treatment;
    }

    private void Write(DataRow r, int experimentId, string variant, long at)
    {
        r.Set(0, _user.Id);
        r.Set(1, experimentId);
        r.Set(2, variant);
        r.Set(3, at);
        _sink.Write(r);
    }
}
