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
    [InlineData("2024-12-14,2024-12-20", "14 Dec 2024")]
    [InlineData("2024-11,2024-12-14", "Nov 2024")]
    public void Ranges(string values, string expected) => DisplayDates.OfRange(values.Split(',')).Should().Be(expected);
}
