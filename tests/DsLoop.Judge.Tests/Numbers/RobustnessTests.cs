using System.Diagnostics;
using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0% 100% -5% 1e400 99999999999999999999999999999 per arm.")]
    [InlineData("Baseline 100%, detect 0 points with 0 users per arm.")]
    [InlineData("Baseline 0%, detect 2 points with 1,000 users per arm.")]
    [InlineData("Baseline 99%, detect 5 points with 1,000 users per arm.")]
    [InlineData("Baseline 40%, detect -2 points with 1,000 users per arm.")]
    [InlineData("Baseline 40%, detect 0.000001 points with 1,000 users per arm.")]
    [InlineData("Control 0 of 0 and treatment 0 of 0, p = 0.5, significant.")]
    [InlineData("Control 10 of 10 and treatment 10 of 10, p = 1, not significant.")]
    [InlineData("Control 0 of 10 and treatment 0 of 10; 95% CI of 0% to 0%.")]
    [InlineData("We got 0 in control and 0 in treatment, which is fine, no SRM.")]
    [InlineData("We need 9,500 users per arm and get 0 users a day, so it runs for 0 days.")]
    [InlineData("From 0% to 100% is a 100% lift.")]
    [InlineData("§1 §§ 1§2 §99999999999 p = §0 per arm")]
    [InlineData("With 1 user per arm at a 50% baseline we can detect 1 point.")]
    public void Odd_input_never_throws(string? answer)
    {
        var notes = NumberChecker.Check(answer);
        Assert.All(notes, n => Assert.Contains(n.Verdict, new[] { CheckedClaim.Consistent, CheckedClaim.Wrong, CheckedClaim.Unchecked }));
    }

    [Fact]
    public void Random_digit_soup_never_throws()
    {
        var random = new Random(15);
        string[] words = ["baseline", "per arm", "%", "points", "p =", "of", "to", "from", "lift", "days", "a day", "significant", "srm",
            "ci", "alpha", "power", "total", ",", ".", "-", "/", "k", "relative", "90/10", "not", "detect", "with", "need"];
        for (var i = 0; i < 300; i++)
        {
            var parts = Enumerable.Range(0, 30).Select(_ => random.Next(3) == 0 ? words[random.Next(words.Length)] : random.Next(-5, 200_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            _ = NumberChecker.Check(string.Join(' ', parts));
        }
    }

    [Fact]
    public void The_checker_fits_the_judges_number_seam()
    {
        Func<string, IReadOnlyList<DsLoop.Content.Coaching.NumberNote>> seam = NumberChecker.Check;
        Assert.Single(seam("Baseline 40%, detect 2 points, so 200 users per arm."), n => n.Wrong);
    }

    [Fact]
    public void The_same_answer_gives_the_same_notes()
    {
        const string answer = "Baseline 40%. Detect 2 points. 200 per arm. Control 480 of 10,000, treatment 540 of 10,000, p = 0.01.";
        Assert.Equal(NumberChecker.Check(answer), NumberChecker.Check(answer));
    }

    [Fact]
    public void Cost_grows_linearly_with_the_answer()
    {
        const string block = "Our baseline is 40% and we want to detect 2 points, so 200 users per arm. We get 1,000 users a day, so two weeks. ";
        _ = NumberChecker.Check(block);
        var small = Time(string.Concat(Enumerable.Repeat(block, 200)));
        var large = Time(string.Concat(Enumerable.Repeat(block, 1600)));
        // 8× the text; the best of three runs each, with room for a loaded machine, but far from quadratic growth (64×).
        Assert.True(large < (24 * small) + 300, $"200 blocks took {small} ms, 1,600 took {large} ms");
    }

    [Fact]
    public void One_enormous_sentence_is_skipped_rather_than_read() =>
        Assert.Empty(NumberChecker.Check(string.Concat(Enumerable.Repeat("baseline 40% detect 2 points 200 per arm ", 5_000))));

    private static long Time(string answer)
    {
        var best = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            _ = NumberChecker.Check(answer);
            best = Math.Min(best, watch.ElapsedMilliseconds);
        }
        return best;
    }
}
