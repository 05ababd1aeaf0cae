using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>Time arithmetic the simulators share, on top of the window in <see cref="Catalog"/>.</summary>
internal static class SimulationCalendar
{
    /// <summary>Seconds in a minute.</summary>
    public const long SecondsPerMinute = 60;

    /// <summary>Seconds in an hour.</summary>
    public const int SecondsPerHour = 3_600;

    /// <summary>Minutes in a day.</summary>
    public const int MinutesPerDay = 24 * 60;

    private const int Saturday = 5;

    /// <summary>Whether a window day is a Saturday or a Sunday (in UTC).</summary>
    public static bool IsWeekend(int day) => Clock.DayOfWeek(DayStart(day) / Clock.Day) >= Saturday;

    /// <summary>The window day (0 for the window start) a timestamp falls on.</summary>
    public static int DayIndexOf(long time) => (int)((time - WindowStart) / Clock.Day);
}
