using System.Globalization;

namespace DsLoop.Judge.Numbers;

/// <summary>Numbers rounded the way one says them to a candidate: "about 9,500", "4.8%", "2.6 points", "p = 0.054".</summary>
internal static class Figures
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>A count to two significant figures ("9,500", "59,000", "390"), exact below 100, millions in words.</summary>
    public static string Count(double n)
    {
        if (!double.IsFinite(n))
        {
            return "an unbounded number";
        }
        if (n >= 1e6)
        {
            return (n / 1e6).ToString(n >= 1e8 ? "#,0" : "0.#", En) + " million";
        }
        if (n < 100)
        {
            return Math.Ceiling(n).ToString("#,0", En);
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(n)) - 1);
        return (Math.Round(n / magnitude) * magnitude).ToString("#,0", En);
    }

    /// <summary>A count as stated: "200", "10,000".</summary>
    public static string Exact(double n) => n.ToString("#,0.##", En);

    /// <summary>A rate on the 0–1 scale as a percentage with sensible decimals: "40%", "4.8%", "0.35%".</summary>
    public static string Rate(double share) => Percentish(share * 100) + "%";

    /// <summary>A difference of rates on the 0–1 scale in points: "2 points", "1 point", "0.6 points".</summary>
    public static string Points(double share)
    {
        var text = Percentish(share * 100);
        return text is "1" or "-1" ? text + " point" : text + " points";
    }

    /// <summary>A p-value: two significant figures, or "below 0.001".</summary>
    public static string P(double p) => p < 0.001 ? "below 0.001" : "= " + p.ToString(p < 0.01 ? "0.0000" : p < 0.1 ? "0.000" : "0.00", En);

    /// <summary>A duration in days, with weeks from two weeks up.</summary>
    public static string Days(double days)
    {
        var whole = Math.Max(1, Math.Ceiling(days - 1e-9));
        var text = whole == 1 ? "1 day" : whole.ToString("#,0", En) + " days";
        return whole >= 14 && whole < 1000 ? $"{text} (about {Math.Round(whole / 7).ToString("0", En)} weeks)" : text;
    }

    /// <summary>The power as said: "80% power".</summary>
    public static string Power(DesignInputs inputs) => $"{Percentish(inputs.Power * 100)}% power";

    /// <summary>The assumptions in brackets: "(two-sided α = 0.05, 80% power; assumed, the answer did not state them)".</summary>
    public static string Assumptions(DesignInputs inputs)
    {
        var sided = inputs.OneSided ? "one-sided" : "two-sided";
        var phrase = $"{sided} α = {inputs.Alpha.ToString("0.###", En)}, {Power(inputs)}";
        var assumed = (inputs.AlphaStated, inputs.PowerStated) switch
        {
            (false, false) => "; α and power assumed, the answer did not state them",
            (false, true) => "; α assumed, the answer did not state it",
            (true, false) => "; power assumed, the answer did not state it",
            _ => "",
        };
        return $"({phrase}{assumed})";
    }

    /// <summary>A rate with two decimals below 10%, for interval bounds: "4.38%".</summary>
    public static string FineRate(double share) => Math.Round(share * 100, Math.Abs(share) >= 0.1 ? 1 : 2).ToString("0.##", En) + "%";

    /// <summary>A difference with two decimals, for interval bounds: "0.03 points".</summary>
    public static string FinePoints(double share) => Math.Round(share * 100, 2).ToString("0.##", En) + " points";

    private static string Percentish(double value)
    {
        var magnitude = Math.Abs(value);
        var decimals = magnitude >= 1 ? 1 : 2;
        return Math.Round(value, decimals).ToString(magnitude >= 1 ? "0.#" : "0.##", En);
    }
}
