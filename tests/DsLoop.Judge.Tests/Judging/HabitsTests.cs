using DsLoop.Judge.Judging;

namespace DsLoop.Judge.Tests.Judging;

public sealed class HabitsTests
{
    [Theory]
    [InlineData("I would randomize by user.", "I")]
    [InlineData("I'd start with the funnel.", "I'd")]
    [InlineData("My first step is the logging.", "My")]
    public void First_person_is_found_at_the_start_of_an_answer(string answer, string word) =>
        Assert.Contains(word, Habits.FirstPersonWords(answer));

    [Fact]
    public void We_alone_is_not_first_person() =>
        Assert.Empty(Habits.FirstPersonWords("We would randomize by user and we would watch retention."));

    [Theory]
    [InlineData("Run it for 7 days.")]
    [InlineData("Compare day-7 retention with the 2023 cohort in Q3.")]
    [InlineData("It takes 3 weeks and 2 sprints.")]
    public void Durations_dates_and_indexes_are_not_magnitudes(string answer) =>
        Assert.Empty(Habits.Magnitudes(answer));

    [Theory]
    [InlineData("Conversion rose by 2.5% over 14 days.", "2.5%")]
    [InlineData("It is worth $3.2m a year.", "$3.2m")]
    [InlineData("We need 9,500 users per arm.", "9,500")]
    [InlineData("A lift of 3 points.", "3 points")]
    public void Rates_amounts_and_counts_are_magnitudes(string answer, string magnitude) =>
        Assert.Contains(magnitude, Habits.Magnitudes(answer));
}
