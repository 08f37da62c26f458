using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Misfires a review of the sixth session's time rules found in invented news sentences, each with its guard.</summary>
public class TimeReviewFindingTests
{
    [Theory]
    [InlineData("The coalition has already seen off one PM, and may soon topple another.")]
    [InlineData("The prime minister called one PM, then another, to apologise.")]
    // An upper-case "PM" after a spelled hour with no clock word near it is a prime minister.
    public void LeavesAPrimeMinisterAfterASpelledNumberAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains("PM", StringComparison.Ordinal));

    [Theory]
    [InlineData("The vote is at seven PM on Friday.", "seven PM", "2024-12-13T19:00")]
    [InlineData("The vote closes at 7 PM on Friday.", "7 PM", "2024-12-13T19:00")]
    [InlineData("Doors open seven PM tomorrow.", "seven PM tomorrow", "2024-12-17T19:00")]
    public void KeepsAClockWithACueOrDigits(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain(t => t.Text.StartsWith(span, StringComparison.Ordinal) && t.Value == value);

    [Theory]
    [InlineData("The ban became effective March 1, officials said.", "March 1", "2024-03-01")]
    [InlineData("The fee was payable March 15, the agency said.", "March 15", "2024-03-15")]
    // After a past copula "effective" and "payable" no longer push the day ahead of the publication.
    public void KeepsAPastEffectiveDayBehind(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    [InlineData("The board created a new office, effective Feb. 1.", "Feb. 1", "2025-02-01")]
    [InlineData("The new tariff will be effective March 3.", "March 3", "2025-03-03")]
    public void ReadsAnEffectiveDayAheadWithoutAPastCopula(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // "the month of Muharram" names its month after "of": not the reference month.
    public void LeavesADayOfANamedMonthAlone() =>
        TimesOf.Read("Pilgrims mark Ashura on the tenth day of the month of Muharram.").Should().NotContain(t => t.Value.StartsWith("2024-12-10", StringComparison.Ordinal));

    [Theory]
    [InlineData("Payment is due on the 15th day of next month.", "15th day of next month", "2025-01-15")]
    [InlineData("Rent is due on the tenth day of the month.", "tenth day of the month", "2024-12-10")]
    public void ReadsADayOfAMonthByItsOffset(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    [InlineData("Black Friday Records, a label from Ohio, signed the band.")]
    [InlineData("The Earth Day Network called for a ban on plastic bags.")]
    [InlineData("Residents of Christmas Island voted against the plan.")]
    // A capitalised word that is no time word after a holiday's name makes both one proper name.
    public void LeavesAHolidayInsideANameAlone(string text) =>
        TimesOf.Read(text).Should().BeEmpty();

    [Theory]
    [InlineData("Shops close on Christmas Day.", "Christmas Day")]
    [InlineData("Black Friday sales rose sharply.", "Black Friday")]
    [InlineData("They met on Christmas Eve.", "Christmas Eve")]
    [InlineData("Crowds gathered on Black Friday Morning.", "Black Friday")]
    public void KeepsAHolidayBeforeATimeWordOrLowerCase(string text, string span) =>
        TimesOf.Read(text).Should().Contain(t => t.Text.StartsWith(span, StringComparison.Ordinal) && t.Value.Length > 0);
}
