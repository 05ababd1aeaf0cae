using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// The client event pipeline of the session in <see cref="UserState"/>: same-second ties, arrival delays, double fires,
/// and the planted measurement faults (tracking loss, renamed event, device-local times); writes events rows.
/// </summary>
internal sealed class EventLog
{
    private readonly UserState _user;
    private readonly IDatasetSink _sink;
    private readonly KpiDropCause _cause;
    private readonly long _changeStart;
    private readonly DataRow _row = new(DatasetSchema.Events);
    private readonly List<string> _namesAtLastTime = [];
    private long _eventId;
    private long _lastEventTime;
    private long _lastEventSession;
    private int _exactDayLateLeft = Boundaries.ExactDayLateEvents;

    public EventLog(SimulationSettings settings, UserState user, IDatasetSink sink)
    {
        _user = user;
        _sink = sink;
        _cause = settings.Cause;
        _changeStart = settings.ChangeStart;
    }

    /// <summary>Logs one client event, applying the messy realities and any planted measurement fault.</summary>
    public void Log(long t, string name, int? step = null, string? feature = null, double? amountUsd = null)
    {
        // Ties happen, but only between different events: a same-name, same-second pair is a double fire.
        if (_lastEventSession != _user.SessionId || t > _lastEventTime)
        {
            _namesAtLastTime.Clear();
            _lastEventTime = t;
        }
        else if (_namesAtLastTime.Contains(name))
        {
            _namesAtLastTime.Clear();
            t = ++_lastEventTime;
        }
        else
        {
            t = _lastEventTime;
        }
        _namesAtLastTime.Add(name);
        _lastEventSession = _user.SessionId;
        // Every random draw happens before any planted fault decides to drop the event, so a scenario
        // changes only what it plants and the rest of the dataset stays identical to the baseline.
        var received = t + ArrivalDelay();
        ref var rng = ref _user.Random;
        var duplicate = _user.DoubleFiresEvents && rng.Chance(Delivery.DoubleFireChance);
        var duplicateDelay = duplicate ? rng.NextInt(Delivery.DoubleFireArrivalSpreadSeconds) : 0;
        var afterChange = t >= _changeStart;
        if (name == "purchase" && _user.PurchaseEventsLost)
        {
            return; // the device's purchase events never reach the pipeline; the payment is still charged
        }
        // Decided before any planted fault, so a scenario drops or keeps the same boundary rows as the baseline.
        if (_exactDayLateLeft > 0 && _user.Kind == AccountKind.Person && _user.Platform != Web && received < WindowEnd
            && received - t > Clock.Day && received - t < 2 * Clock.Day)
        {
            // A device that syncs once a day: the event arrives exactly 24 hours after it happened.
            _exactDayLateLeft--;
            received = t + Clock.Day;
        }
        if (_cause == KpiDropCause.TrackingLoss && _user.Platform == Ios && _user.AppVersion == Planted.TrackingLossVersion
            && name is "purchase" or "add_to_cart" && _user.ScenarioRandom.Chance(Planted.TrackingLossDropChance))
        {
            return;
        }
        if (_cause == KpiDropCause.LoggingSchemaChange && _user.Platform == Web && afterChange && name == "purchase")
        {
            name = "order_completed";
        }
        if (received >= WindowEnd)
        {
            return; // not yet arrived when the data was extracted
        }
        var logged = _cause == KpiDropCause.TimezoneBug && _user.Platform == Android && afterChange
            ? t + (_user.OffsetMinutes * SimulationCalendar.SecondsPerMinute)
            : t;
        Write(logged, received, name, step, feature, amountUsd);
        if (duplicate)
        {
            Write(logged, received + duplicateDelay, name, step, feature, amountUsd);
        }
    }

    /// <summary>
    /// Seconds from an event to its arrival, one continuous heavy-tailed distribution: web clients are online (about a
    /// second); apps mostly send within seconds, batch some events for minutes to hours, and devices that were
    /// offline upload hours to days later (about 3% of app events arrive more than a day late). The pipeline drops
    /// anything older than <see cref="Delivery.MaxDelayDays"/> days, so no delay is longer.
    /// </summary>
    private long ArrivalDelay()
    {
        ref var rng = ref _user.Random;
        var roll = rng.NextDouble();
        var seconds = _user.Platform == Web ? rng.LogNormal(Delivery.WebLogMean, Delivery.WebLogSd)
            : roll < Delivery.AppPromptShare ? rng.LogNormal(Delivery.AppPromptLogMean, Delivery.AppPromptLogSd)
            : roll < Delivery.AppPromptOrBatchedShare ? rng.LogNormal(Math.Log(Delivery.BatchedMedianSeconds), Delivery.BatchedLogSd)
            : rng.LogNormal(Math.Log(Delivery.OfflineMedianSeconds), Delivery.OfflineLogSd);
        return (long)Math.Min(seconds, Delivery.MaxDelayDays * Clock.Day);
    }

    private void Write(long t, long received, string name, int? step, string? feature, double? amountUsd)
    {
        var id = ++_eventId; // counted even when not written, so partial logs keep the whole dataset's ids
        if (!_user.SessionLogged)
        {
            return;
        }
        var e = _row;
        e.Set(0, id);
        e.Set(1, _user.Id);
        e.Set(2, _user.SessionId);
        e.Set(3, t);
        e.Set(4, received);
        e.Set(5, name);
        e.Set(6, step);
        e.Set(7, feature);
        if (amountUsd is { } a)
        {
            e.Set(8, a);
        }
        else
        {
            e.SetNull(8);
        }
        e.Set(9, Platforms[_user.Platform]);
        e.Set(10, _user.AppVersion);
        _sink.Write(e);
    }
}
