using DsLoop.Core;

namespace DsLoop.Store;

// Flat rows as both engines return them. Times are Unix milliseconds so the two engines
// store and compare them identically.
internal sealed class UserRow
{
    public string Id { get; set; } = "";
    public string User_Name { get; set; } = "";
    public string Password_Hash { get; set; } = "";
    public string Role { get; set; } = "";
    public long Created_At { get; set; }
    public string Session_Stamp { get; set; } = "";

    public User ToUser() => new(
        Id, User_Name, Password_Hash, Enum.Parse<UserRole>(Role), Time.From(Created_At), Session_Stamp);
}

internal sealed class AttemptRow
{
    public string Id { get; set; } = "";
    public string User_Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Item_Id { get; set; } = "";
    public long Started_At { get; set; }
    public long? Submitted_At { get; set; }
    public double? Score { get; set; }
    public string Payload { get; set; } = "";
    public long? Self_Rating { get; set; }

    public Attempt ToAttempt() => new(
        Id, User_Id, Enum.Parse<AttemptKind>(Kind), Item_Id, Time.From(Started_At),
        Submitted_At is { } at ? Time.From(at) : null, Score, Payload, (int?)Self_Rating);
}

internal sealed class SummaryRow
{
    public string Item_Id { get; set; } = "";
    public long Attempts { get; set; }
    public long Submitted { get; set; }
    public long Passed { get; set; }
    public long Scored { get; set; }
    public double Score_Total { get; set; }
    public double? Best_Score { get; set; }
    public long First_At { get; set; }
    public long Last_At { get; set; }

    public ItemAttemptSummary ToSummary() => new(
        Item_Id, checked((int)Attempts), checked((int)Submitted), checked((int)Passed), checked((int)Scored), Score_Total, Best_Score,
        Time.From(First_At), Time.From(Last_At));
}

internal sealed class PointRow
{
    public string Id { get; set; } = "";
    public string Item_Id { get; set; } = "";
    public long At { get; set; }
    public double Score { get; set; }
    public long? Self_Rating { get; set; }

    public AttemptPoint ToPoint() => new(Id, Item_Id, Time.From(At), Score, (int?)Self_Rating);
}

internal sealed class ScheduleRow
{
    public string User_Id { get; set; } = "";
    public string Item_Id { get; set; } = "";
    public long Due_At { get; set; }
    public string State { get; set; } = "";
    public long Updated_At { get; set; }

    public ReviewSchedule ToSchedule() => new(User_Id, Item_Id, Time.From(Due_At), State, Time.From(Updated_At));
}

internal sealed class LoopRow
{
    public string Id { get; set; } = "";
    public string User_Id { get; set; } = "";
    public string Template_Id { get; set; } = "";
    public string Status { get; set; } = "";
    public long Started_At { get; set; }
    public long Updated_At { get; set; }
    public string State { get; set; } = "";

    public LoopRun ToLoop() => new(
        Id, User_Id, Template_Id, Enum.Parse<LoopStatus>(Status), Time.From(Started_At), Time.From(Updated_At), State);
}

internal static class Time
{
    public static long To(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
    public static long? To(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();
    public static DateTimeOffset From(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
