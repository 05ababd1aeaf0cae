using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// Support tickets: a small chance per session (higher for subscribers, and for the checkout experiment's treatment when
/// a guardrail change is planted) and after a failed renewal; resolution times, open tickets and ratings; writes
/// support_tickets rows.
/// </summary>
internal sealed class SupportSimulator
{
    private readonly UserState _user;
    private readonly IDatasetSink _sink;
    private readonly ExperimentSimulator _experiments;
    private readonly DataRow _row = new(DatasetSchema.SupportTickets);
    private long _ticketId;

    public SupportSimulator(UserState user, IDatasetSink sink, ExperimentSimulator experiments)
    {
        _user = user;
        _sink = sink;
        _experiments = experiments;
    }

    /// <summary>After a person's session: maybe a ticket of a drawn category within the next hour.</summary>
    public void MaybeOpenTicket(long sessionStart, int day)
    {
        var chance = Tickets.ChancePerSession * (_user.Subscribed ? Tickets.SubscriberFactor : 1.0);
        if (_experiments.CheckoutTicketRateChange(sessionStart) is { } change)
        {
            chance *= 1 + change;
        }
        if (_user.Random.Chance(chance))
        {
            var created = sessionStart + Tickets.MinDelaySeconds + _user.Random.NextInt(Tickets.DelaySpreadSeconds);
            Open(created, TicketCategories[_user.Random.Pick(TicketCategoryCumulative)], day);
        }
    }

    /// <summary>Writes a ticket created at <paramref name="created"/> (none after the window), drawing its outcome from the user's stream.</summary>
    public void Open(long created, string category, int day)
    {
        if (created >= WindowEnd)
        {
            return;
        }
        _user.ChurnTally.CountTicket(day);
        var resolved = created + (long)(_user.Random.LogNormal(Math.Log(Tickets.ResolutionMedianHours), Tickets.ResolutionLogSd) * SimulationCalendar.SecondsPerHour);
        var open = resolved >= WindowEnd || _user.Random.Chance(Tickets.LeftOpenChance);
        var r = _row;
        r.Set(0, ++_ticketId);
        r.Set(1, _user.Id);
        r.Set(2, created);
        r.Set(3, category);
        r.Set(4, Priorities[_user.Random.Pick(PriorityCumulative)]);
        r.Set(5, open ? "open" : "resolved");
        r.Set(6, open ? null : resolved);
        r.Set(7, open || _user.Random.Chance(Tickets.UnratedChance) ? null : Math.Min(Tickets.BestRating, 1 + _user.Random.Poisson(Tickets.MeanRatingAboveWorst)));
        _sink.Write(r);
    }
}
