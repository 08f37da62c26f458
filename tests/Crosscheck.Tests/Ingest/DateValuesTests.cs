using Crosscheck.Ingest;
using FluentAssertions;

namespace Crosscheck.Tests.Ingest;

public class DateValuesTests
{
    [Theory]
    // ISO dates and timestamps, as news-please writes them.
    [InlineData("2024-12-16 10:22:00", "2024-12-16")]
    [InlineData("2024-12-16T10:22:00+02:00", "2024-12-16")]
    // Unix seconds and milliseconds.
    [InlineData("1734307200", "2024-12-16")]
    [InlineData("1734307200000", "2024-12-16")]
    // A free-form date with its own year.
    [InlineData("Mon, 16 Dec 2024 10:22:00 GMT", "2024-12-16")]
    public void ParsesTheDateFormatsFeedsUse(string value, string expected) =>
        DateValues.Parse(value).Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    // Without a year of their own these would be completed from the clock: they are not dates.
    [InlineData("10:22 GMT")]
    [InlineData("Updated Dec 16, 10:22")]
    [InlineData("14:54")]
    public void AStringWithoutItsOwnYearIsNotADate(string value) =>
        DateValues.Parse(value).Should().BeNull();
}
