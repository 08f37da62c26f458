using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Dates written with a month's name glued to their numbers by hyphens or slashes, and the words that look alike. Published 2024-12-16.</summary>
public class GluedMonthDateTests
{
    [Theory]
    [InlineData("The budget for Dec-2018 was cut.", "Dec-2018", "2018-12")]
    [InlineData("The form was filed on Sep-23-2020.", "Sep-23-2020", "2020-09-23")]
    [InlineData("The form was filed on September-2020-23.", "September-2020-23", "2020-09-23")]
    [InlineData("The ledger shows 05-Aug-2016 as the payment day.", "05-Aug-2016", "2016-08-05")]
    [InlineData("The ledger shows 2019-aug-01 as the payment day.", "2019-aug-01", "2019-08-01")]
    [InlineData("The ledger shows 2019/aug/01 as the payment day.", "2019/aug/01", "2019-08-01")]
    [InlineData("The ledger shows 22/Jan/2019 as the payment day.", "22/Jan/2019", "2019-01-22")]
    [InlineData("The budget for Dec/2018 was cut.", "Dec/2018", "2018-12")]
    [InlineData("The parcel left on Oct/2 by road.", "Oct/2", "2024-10-02")]
    public void ReadsAMonthNameGluedToItsNumbers(string text, string span, string value) =>
        TimesOf.Read(text).Should().ContainSingle(t => t.Text == span).Which.Value.Should().Be(value);

    [Theory]
    // A month-like part beside words, two days or two years, or an impossible day is no date.
    [InlineData("The F-16 flew over Mar-a-Lago on patrol.")]
    [InlineData("Aid workers on call 24/7 said the May-be list was long.")]
    [InlineData("The Jun-45 code was rejected.")]
    [InlineData("The Dec-12-14 batch was recalled.")]
    [InlineData("The Dec-2018-2019 file was lost.")]
    public void LeavesLookAlikesAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Fact]
    public void AnImpossibleGluedDateGivesNoValue() =>
        TimesOf.Read("The ledger shows Feb-30-2019 as the payment day.").Should().BeEmpty();
}
