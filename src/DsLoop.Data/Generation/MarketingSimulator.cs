using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// Marketing: the campaign calendar, daily paid spend per channel, and multi-touch attribution of payments to
/// campaigns; writes campaigns, marketing_spend and payment_campaigns rows.
/// </summary>
internal sealed class MarketingSimulator
{
    private const int ImpressionsPerMille = 1_000;

    private readonly UserState _user;
    private readonly IDatasetSink _sink;
    private readonly SimulationSettings _settings;
    private readonly DataRow _campaigns = new(DatasetSchema.Campaigns);
    private readonly DataRow _spend = new(DatasetSchema.MarketingSpend);
    private readonly DataRow _paymentCampaigns = new(DatasetSchema.PaymentCampaigns);
    private readonly List<(int Id, int Channel, int StartDay, int EndDay)> _campaignList = [];

    public MarketingSimulator(SimulationSettings settings, UserState user, IDatasetSink sink)
    {
        _settings = settings;
        _user = user;
        _sink = sink;
    }

    /// <summary>
    /// Per campaign channel, a campaign every <see cref="Campaigns.CadenceDays"/> days, each running from some days
    /// before its slot to well after it (so consecutive campaigns overlap), staggered by channel.
    /// </summary>
    public void WriteCampaigns()
    {
        var id = 0;
        for (var c = 0; c < CampaignChannels.Length; c++)
        {
            var channel = Array.IndexOf(Channels, CampaignChannels[c]);
            for (var i = 0; i < Campaigns.PerChannel; i++)
            {
                var slot = i * Campaigns.CadenceDays;
                var stagger = c * Campaigns.ChannelStaggerDays;
                var start = Math.Max(0, slot - Campaigns.LeadDays + stagger);
                var end = Math.Min(WindowDays - 1, slot + Campaigns.TailDays + stagger);
                if (start >= end)
                {
                    continue;
                }
                id++;
                _campaignList.Add((id, channel, start, end));
                var r = _campaigns;
                r.Set(0, id);
                r.Set(1, $"{CampaignChannels[c]}_{Clock.FormatDate(DayStart(start))[..7].Replace("-", "_", StringComparison.Ordinal)}_{i + 1}");
                r.Set(2, CampaignChannels[c]);
                r.Set(3, DayStart(start));
                r.Set(4, DayStart(end));
                _sink.Write(r);
            }
        }
    }

    /// <summary>Daily spend per paid channel, growing with the user base and over time, lower at weekends; impressions and clicks follow.</summary>
    public void WriteMarketingSpend()
    {
        var rng = Rng.For(_settings.Seed, RandomStreams.Global, RandomStreams.MarketingSpendIndex);
        var scale = _settings.BaseUsers / Spend.UsersPerBaseSpend;
        for (var d = 0; d < WindowDays; d++)
        {
            var weekend = SimulationCalendar.IsWeekend(d);
            for (var c = 0; c < SpendChannels.Length; c++)
            {
                var spend = Math.Round(SpendBase[c] * scale * (weekend ? Spend.WeekendFactor : 1.0) * (1 + (d / Spend.GrowthDays)) * rng.LogNormal(0, Spend.DailyNoiseLogSd), 2);
                var impressions = (long)(spend / CostPerMille[c] * ImpressionsPerMille * rng.LogNormal(0, Spend.ImpressionNoiseLogSd));
                var clicks = (long)(impressions * ClickThrough[c] * rng.LogNormal(0, Spend.ClickNoiseLogSd));
                var r = _spend;
                r.Set(0, DayStart(d));
                r.Set(1, SpendChannels[c]);
                r.Set(2, spend);
                r.Set(3, impressions);
                r.Set(4, clicks);
                _sink.Write(r);
            }
        }
    }

    /// <summary>
    /// Multi-touch attribution: one payment credited to up to <see cref="Attribution.MaxTouches"/> campaigns (the
    /// many-to-many trap). Most payments are touched by every live campaign of the user's channel and often by an
    /// e-mail campaign too, so summing amounts after the join roughly doubles revenue.
    /// </summary>
    public void Attribute(long paymentId, int day, ref Rng rng)
    {
        Span<int> chosen = stackalloc int[Attribution.MaxTouches];
        var n = 0;
        var channel = _user.Channel == Organic ? EmailChannel : _user.Channel;
        if (_user.Channel != Organic || rng.Chance(Attribution.OrganicTouchedChance))
        {
            var wanted = Attribution.MinChannelTouches + rng.NextInt(Attribution.ChannelTouchSpread);
            foreach (var c in _campaignList)
            {
                if (n < wanted && c.Channel == channel && c.StartDay <= day && day <= c.EndDay)
                {
                    chosen[n++] = c.Id;
                }
            }
        }
        if (n > 0 && n < Attribution.MaxTouches && channel != EmailChannel && rng.Chance(Attribution.EmailAssistChance))
        {
            foreach (var c in _campaignList)
            {
                if (c.Channel == EmailChannel && c.StartDay <= day && day <= c.EndDay)
                {
                    chosen[n++] = c.Id;
                    break;
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            var r = _paymentCampaigns;
            r.Set(0, paymentId);
            r.Set(1, chosen[i]);
            r.Set(2, 1.0 / n);
            _sink.Write(r);
        }
    }
}
