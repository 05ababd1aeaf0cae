using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// Subscriptions and payments: conversion to a paid plan during a session, each subscription simulated from its start
/// to the end of the window on the user's billing stream (renewals, failures and retries, refunds, cancellations, plan
/// changes), in-app purchases, and each payment's attribution; writes subscriptions and payments rows.
/// </summary>
internal sealed class BillingSimulator
{
    /// <summary>Index of the free plan in <see cref="Plans"/>.</summary>
    public const int FreePlan = 0;

    /// <summary>Index of the basic plan in <see cref="Plans"/>.</summary>
    public const int BasicPlan = 1;

    /// <summary>Index of the pro plan in <see cref="Plans"/>.</summary>
    public const int ProPlan = 2;

    private readonly UserState _user;
    private readonly IDatasetSink _sink;
    private readonly ulong _seed;
    private readonly SupportSimulator _support;
    private readonly MarketingSimulator _marketing;
    private readonly DataRow _subscriptions = new(DatasetSchema.Subscriptions);
    private readonly DataRow _payments = new(DatasetSchema.Payments);
    private long _subscriptionId;
    private long _paymentId;

    public BillingSimulator(SimulationSettings settings, UserState user, IDatasetSink sink, SupportSimulator support, MarketingSimulator marketing)
    {
        _seed = settings.Seed;
        _user = user;
        _sink = sink;
        _support = support;
        _marketing = marketing;
    }

    /// <summary>After a person's session: a free user with a higher purchase propensity is likelier to subscribe.</summary>
    public void MaybeSubscribe(long sessionStart)
    {
        if (_user.Subscribed || _user.Plan > FreePlan
            || !_user.Random.Chance(Subscriptions.ConversionChancePerSession * Math.Min(Subscriptions.MaxConversionPropensity, _user.PurchasePropensity)))
        {
            return;
        }
        _user.Plan = _user.Random.Chance(Subscriptions.ConvertToBasicChance) ? BasicPlan : ProPlan;
        Subscribe(sessionStart + Subscriptions.MinDelaySeconds + _user.Random.NextInt(Subscriptions.DelaySpreadSeconds));
    }

    /// <summary>Simulates a subscription to the user's plan from its start to the end of the window, on the user's billing stream.</summary>
    public void Subscribe(long start)
    {
        _user.Subscribed = true;
        var rng = Rng.For(_seed, RandomStreams.Billing, (ulong)_user.Id);
        var plan = _user.Plan;
        long? previous = null;
        var periodStart = start;
        var rowStart = start;
        var id = ++_subscriptionId;
        var snapshot = DayStart(SnapshotDay);
        while (true)
        {
            if (periodStart >= WindowEnd)
            {
                WriteSubscription(id, plan, rowStart, null, "active", null, previous);
                NotePlanAtSnapshot(plan, rowStart, WindowEnd, snapshot);
                return;
            }
            var failed = rng.Chance(Subscriptions.PaymentFailureChance);
            if (failed)
            {
                Pay(id, "subscription", PlanPriceUsd[plan], periodStart, "failed", ref rng);
                if (rng.Chance(Subscriptions.FailedPaymentTicketChance))
                {
                    var created = periodStart + Subscriptions.BillingTicketMinDelaySeconds + rng.NextInt(Subscriptions.BillingTicketDelaySpreadSeconds);
                    _support.Open(created, "billing", SimulationCalendar.DayIndexOf(periodStart));
                }
                if (rng.Chance(Subscriptions.CancelAfterFailureChance))
                {
                    var end = periodStart + (Subscriptions.FailedPaymentGraceDays * Clock.Day);
                    End(id, plan, rowStart, end, "cancelled", "payment_failed", previous, snapshot);
                    return;
                }
                Pay(id, "subscription", PlanPriceUsd[plan], periodStart + (Subscriptions.RetryDelayDays * Clock.Day), "succeeded", ref rng);
            }
            else
            {
                Pay(id, "subscription", PlanPriceUsd[plan], periodStart, rng.Chance(Subscriptions.RefundChance) ? "refunded" : "succeeded", ref rng);
            }
            var roll = rng.NextDouble();
            var changeAt = periodStart + rng.NextInt(Subscriptions.PeriodDays * (int)Clock.Day);
            if (roll < Subscriptions.VoluntaryCancelChance)
            {
                End(id, plan, rowStart, changeAt, "cancelled", "voluntary_cancel", previous, snapshot);
                return;
            }
            if (roll < Subscriptions.CancelOrPlanChangeChance && changeAt < WindowEnd)
            {
                var upgrade = plan == BasicPlan;
                End(id, plan, rowStart, changeAt, upgrade ? "upgraded" : "downgraded", upgrade ? "upgrade" : "downgrade", previous, snapshot);
                previous = id;
                id = ++_subscriptionId;
                plan = upgrade ? ProPlan : BasicPlan;
                rowStart = changeAt;
                periodStart = changeAt;
                continue;
            }
            periodStart += Subscriptions.PeriodDays * Clock.Day;
        }
    }

    /// <summary>An in-app purchase, with refunds and attribution drawn from the user's own stream.</summary>
    public void PayInApp(double usd, long paidAt, string status) => Pay(null, "in_app", usd, paidAt, status, ref _user.Random);

    private void End(long id, int plan, long start, long end, string status, string reason, long? previous, long snapshot)
    {
        if (end >= WindowEnd)
        {
            WriteSubscription(id, plan, start, null, "active", null, previous);
            NotePlanAtSnapshot(plan, start, WindowEnd, snapshot);
            return;
        }
        WriteSubscription(id, plan, start, end, status, reason, previous);
        NotePlanAtSnapshot(plan, start, end, snapshot);
    }

    private void NotePlanAtSnapshot(int plan, long start, long end, long snapshot)
    {
        if (start <= snapshot && snapshot < end)
        {
            _user.PlanAtSnapshot = plan;
        }
    }

    private void WriteSubscription(long id, int plan, long start, long? end, string status, string? reason, long? previous)
    {
        var r = _subscriptions;
        r.Set(0, id);
        r.Set(1, _user.Id);
        r.Set(2, Plans[plan]);
        r.Set(3, PlanPriceUsd[plan]);
        r.Set(4, start);
        r.Set(5, end);
        r.Set(6, status);
        r.Set(7, reason);
        r.Set(8, previous);
        _sink.Write(r);
    }

    private void Pay(long? subscriptionId, string kind, double usd, long paidAt, string status, ref Rng rng)
    {
        if (paidAt >= WindowEnd)
        {
            return;
        }
        var country = _user.Country;
        var local = Math.Round(usd / country.UsdPerUnit, country.CurrencyDecimals);
        var amountUsd = Math.Round(local * country.UsdPerUnit, 2);
        long? refundedAt = null;
        if (status == "refunded")
        {
            refundedAt = paidAt + (Refunds.MinDelayDays * Clock.Day) + rng.NextInt(Refunds.DelaySpreadDays * (int)Clock.Day);
            if (refundedAt >= WindowEnd)
            {
                refundedAt = null;
                status = "succeeded";
            }
        }
        var id = ++_paymentId;
        var r = _payments;
        r.Set(0, id);
        r.Set(1, _user.Id);
        r.Set(2, subscriptionId);
        r.Set(3, kind);
        r.Set(4, local);
        r.Set(5, country.Currency);
        r.Set(6, amountUsd);
        r.Set(7, paidAt);
        r.Set(8, status);
        r.Set(9, refundedAt);
        _sink.Write(r);
        if (status != "failed")
        {
            _marketing.Attribute(id, SimulationCalendar.DayIndexOf(paidAt), ref rng);
        }
    }
}
