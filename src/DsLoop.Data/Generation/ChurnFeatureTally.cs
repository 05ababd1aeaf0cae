using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// One user's tallies for the churn_features row: activity in the feature window (the <see cref="ChurnWindows.Days"/>
/// days before the snapshot), whether the user came back in the label window (as many days after it), and the leaky
/// counts that run up to the end of the label window.
/// </summary>
internal sealed class ChurnFeatureTally
{
    public int SessionsInFeatureWindow { get; private set; }

    public int ActiveDaysInFeatureWindow { get; private set; }

    public int PurchasesInFeatureWindow { get; private set; }

    public int TicketsInFeatureWindow { get; private set; }

    /// <summary>Sessions up to the end of the label window (the leak).</summary>
    public int SessionsUntilLabelEnd { get; private set; }

    /// <summary>Start of the last session before the end of the label window, or 0.</summary>
    public long LastSessionStart { get; private set; }

    public bool HadSessionBeforeSnapshot { get; private set; }

    public bool ActiveInLabelWindow { get; private set; }

    public void Reset()
    {
        SessionsInFeatureWindow = ActiveDaysInFeatureWindow = PurchasesInFeatureWindow = TicketsInFeatureWindow = SessionsUntilLabelEnd = 0;
        LastSessionStart = 0;
        ActiveInLabelWindow = false;
        HadSessionBeforeSnapshot = false;
    }

    public void CountSession(int day, long start)
    {
        if (day < ChurnWindows.LabelEndDay)
        {
            SessionsUntilLabelEnd++;
            LastSessionStart = start;
        }
        if (InFeatureWindow(day))
        {
            SessionsInFeatureWindow++;
        }
        if (day < SnapshotDay)
        {
            HadSessionBeforeSnapshot = true;
        }
        else if (day < ChurnWindows.LabelEndDay)
        {
            ActiveInLabelWindow = true;
        }
    }

    public void CountActiveDay(int day)
    {
        if (InFeatureWindow(day))
        {
            ActiveDaysInFeatureWindow++;
        }
    }

    public void CountPurchase(int day)
    {
        if (InFeatureWindow(day))
        {
            PurchasesInFeatureWindow++;
        }
    }

    public void CountTicket(int day)
    {
        if (InFeatureWindow(day))
        {
            TicketsInFeatureWindow++;
        }
    }

    private static bool InFeatureWindow(int day) => day is >= ChurnWindows.FeatureFirstDay and < SnapshotDay;
}
