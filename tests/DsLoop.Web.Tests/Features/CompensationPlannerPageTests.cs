using System.Net;
using Xunit;

namespace DsLoop.Web.Tests.Features;

public sealed class CompensationPlannerPageTests
{
    private static async Task<(HttpStatusCode Status, string Html)> PlanAsync(Dictionary<string, string> fields)
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await TestApp.SubmitFormAsync(client, "/planners/compensation", fields);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Dollars_typed_in_full_give_a_range_in_thousands_and_the_package_with_only_the_candidates_words()
    {
        var (status, html) = await PlanAsync(new()
        {
            ["Level"] = "senior",
            ["Location"] = "Austin",
            ["Sources[0]"] = "posting",
            ["Lows[0]"] = "180000",
            ["Highs[0]"] = "220000",
            ["Bonus"] = "10%",
            ["EquityLow"] = "40k",
            ["EquityHigh"] = "80k",
            ["Leverage"] = "experimentation-depth",
            ["Evidence[experimentation-depth]"] = "I rolled out CUPED for our growth tests, cutting test length by a week",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Your target: $205k – $225k base", html, StringComparison.Ordinal);
        Assert.DoesNotContain("000k", html, StringComparison.Ordinal);
        Assert.Contains("180000 was read as dollars, $180k", html, StringComparison.Ordinal);
        // 205 × 1.1 + 40 = 265.5 → 265; 225 × 1.1 + 80 = 327.5 → 330 (nearest 5).
        Assert.Contains("$265k – $330k a year", html, StringComparison.Ordinal);
        Assert.Contains("that is about $265k to $330k a year in total. Could you share the band for this role, so we can check early that we're aligned? I rolled out CUPED for our growth tests, cutting test length by a week.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("standards for several teams", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_amounts_get_400_naming_each_row_and_field()
    {
        var (status, html) = await PlanAsync(new()
        {
            ["Lows[0]"] = "abc",
            ["Highs[0]"] = "200",
            ["Lows[1]"] = "210",
            ["Highs[1]"] = "150",
            ["Bonus"] = "150",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Row 1, bottom: 'abc' is not an amount", html, StringComparison.Ordinal);
        Assert.Contains("Row 2: the top ($150k) is below the bottom ($210k).", html, StringComparison.Ordinal);
        Assert.Contains("Bonus: '150' is not a percentage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"plan\"", html, StringComparison.Ordinal);
    }
}
