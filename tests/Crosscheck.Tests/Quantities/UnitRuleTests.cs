using Crosscheck.Evaluation.Quantities;
using Crosscheck.Quantities;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>Units written against the number or in signs: glued codes, powers, inch marks, minor-unit prices.</summary>
public class UnitRuleTests
{
    private static IReadOnlyList<(string Text, Quantity Quantity)> Quantities(string text) => QuantitiesOf.Read(text);

    [Theory]
    [InlineData("The flat has 65m2 of floor.", "65m2", 65.0, "square metre")]
    [InlineData("The tank holds 12m3 of water.", "12m3", 12.0, "cubic metre")]
    [InlineData("The board is 30\" wide.", "30\"", 30.0, "inch")]
    [InlineData("The ticket was EUR45 at the door.", "EUR45", 45.0, "EUR")]
    [InlineData("The ticket was GBP12.75 at the door.", "GBP12.75", 12.75, "GBP")]
    [InlineData("They declared a 9-cent-a-share payout.", "9-cent-a-share", 9.0, "cent")]
    [InlineData("They offered $ 41 - a - share in cash.", "$ 41", 41.0, "USD")]
    [InlineData("We walked that one kilometre slowly.", "one kilometre", 1.0, "kilometre")]
    public void ReadsUnitsWrittenAgainstTheNumber(string text, string span, double value, string unit)
    {
        var q = Quantities(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Value.Should().Be(value);
        q.Unit.Should().Be(unit);
    }

    [Theory]
    // A number glued to letters and more digits is a code.
    [InlineData("Part 5521K330 was replaced.")]
    [InlineData("Serial 880m41 was found.")]
    public void LeavesCodesAlone(string text) =>
        Quantities(text).Should().BeEmpty();

    [Fact]
    public void ACoordinateSecondIsNotAnInch() =>
        Quantities("The wreck lies at 48°12'37\"N off the cape.").Should().NotContain(x => x.Quantity.Unit == "inch");

    [Fact]
    public void AClosingQuoteIsNotAnInchSign()
    {
        var q = Quantities("She answered \"42\" and left.").Should().ContainSingle().Subject.Quantity;
        q.Kind.Should().Be(QuantityKind.Count);
    }

    [Fact]
    public void OnePronounStaysAPronoun() =>
        Quantities("The one you saw was fine.").Should().BeEmpty();

    [Theory]
    [InlineData("Bitcoin", null, "BTC", true)]
    [InlineData("Penny", null, "pence", true)]
    [InlineData("Netherlands guilder", null, "NLG", true)]
    [InlineData("Bitcoin", null, "USD", false)]
    // Mass names are not looked up: "pound" is both.
    [InlineData("Pound", null, "GBP", true)]
    [InlineData("Kilogram", null, "pound", false)]
    public void ComparesSpecCurrencyNamesThroughTheUnitTable(string expected, string? iso, string actual, bool same) =>
        QuantityEvaluation.SameUnit(expected, iso, actual).Should().Be(same);
}
