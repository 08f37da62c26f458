using Crosscheck.Crosschecking;
using FluentAssertions;

namespace Crosscheck.Tests.Crosschecking;

public class DisplayDatesTests
{
    [Theory]
    [InlineData("2024-12-14", "14 Dec 2024")]
    [InlineData("2024-11", "Nov 2024")]
    [InlineData("2024-SU", "summer 2024")]
    [InlineData("2024-Q3", "Q3 2024")]
    [InlineData("2024-W50", "week 50, 2024")]
    [InlineData("2024-W50-WE", "weekend of week 50, 2024")]
    [InlineData("2024", "2024")]
    [InlineData("2024-12-14T10:30", "14 Dec 2024")]
    [InlineData("PRESENT_REF", "PRESENT_REF")]
    public void Single_values(string value, string expected) => DisplayDates.Of(value).Should().Be(expected);

    [Theory]
    [InlineData("2024-12-14,2024-12-15", "14-15 Dec 2024")]
    [InlineData("2024-11-30,2024-12-01", "30 Nov-1 Dec 2024")]
    [InlineData("2024-12-15,2024-12-14,2024-12-16", "14-16 Dec 2024")]
    [InlineData("2024-12-14,2024-12-20", "14 and 20 Dec 2024")]
    [InlineData("2024-12-20,2024-12-14,2024-12-15,2024-12-28", "14-15, 20 and 28 Dec 2024")]
    [InlineData("2024-11-30,2024-12-05", "30 Nov and 5 Dec 2024")]
    [InlineData("2024-11-29,2024-11-30,2024-12-05", "29-30 Nov and 5 Dec 2024")]
    [InlineData("2024-12-30,2025-01-02", "30 Dec 2024 and 2 Jan 2025")]
    [InlineData("2024-12-14,2024-12-14", "14 Dec 2024")]
    [InlineData("2024-11,2024-12-14", "Nov 2024")]
    public void Ranges(string values, string expected) => DisplayDates.OfRange(values.Split(',')).Should().Be(expected);

    [Theory]
    [InlineData("2024-12-14", "2024-12-14", 1)]
    [InlineData("2024-12", "2024-12-01", 31)]
    [InlineData("2024", "2024-01-01", 366)]
    [InlineData("2024-SU", "2024-06-01", 92)]
    [InlineData("2024-WI", "2024-12-01", 90)]
    [InlineData("2024-Q2", "2024-04-01", 91)]
    [InlineData("2024-W50", "2024-12-09", 7)]
    [InlineData("2024-W50-WE", "2024-12-14", 2)]
    [InlineData("2020-W53", "2020-12-28", 7)]
    [InlineData("9999-Q4", "9999-10-01", 92)]
    [InlineData("9999-WI", "9999-12-01", 31)]
    [InlineData("0001-01", "0001-01-01", 31)]
    public void Periods_begin_where_the_calendar_says(string value, string start, int days) =>
        DisplayDates.Period(value).Should().Be((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days));

    [Theory]
    [InlineData("PRESENT_REF")]
    [InlineData("P3D")]
    [InlineData("2024-W99")]
    [InlineData("0000-12")]
    [InlineData("2024-13")]
    [InlineData("2024--WE")]
    [InlineData("2024-W-WE")]
    [InlineData("9999-W52")]
    public void Values_that_are_not_on_the_calendar_have_no_period(string value) => DisplayDates.Period(value).Should().BeNull();

    [Fact]
    public void Time_order_puts_a_week_and_a_season_where_they_begin()
    {
        string[] values = ["2024-W50", "2024-12-14", "2024-SU", "2024-11", "2024-12"];
        values.OrderBy(v => DisplayDates.Period(v)!.Value.Start).ThenByDescending(v => DisplayDates.Period(v)!.Value.Days)
            .Should().Equal("2024-SU", "2024-11", "2024-12", "2024-W50", "2024-12-14");
    }
}
