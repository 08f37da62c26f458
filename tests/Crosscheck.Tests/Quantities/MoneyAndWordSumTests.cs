using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>Financial shorthand with a currency code, and number words that do not add up to one number.</summary>
public class MoneyAndWordSumTests
{
    [Theory]
    [InlineData("The lender raised USD1.2bn from the bond sale.", "USD1.2bn", 1.2e9, "USD")]
    [InlineData("The club was fined GBP300m by the regulator.", "GBP300m", 3e8, "GBP")]
    [InlineData("Creditors wrote off EUR 450m of the debt.", "EUR 450m", 4.5e8, "EUR")]
    [InlineData("The port cost USD75 to enter.", "USD75", 75, "USD")]
    public void A_currency_code_makes_a_scale_letter_a_scale(string text, string covered, double value, string unit)
    {
        var found = QuantitiesOf.Read(text);
        found.Should().ContainSingle(q => q.Text == covered);
        var quantity = found.Single(q => q.Text == covered).Quantity;
        quantity.Value.Should().Be(value);
        quantity.Unit.Should().Be(unit);
    }

    [Fact]
    public void A_lone_metre_stays_a_metre_without_money_around_it() =>
        QuantitiesOf.Read("The wall was 300m long.").Should().ContainSingle(q => q.Quantity.Value == 300 && q.Quantity.Unit != "EUR");

    [Theory]
    [InlineData("He handed over twenty ten dollar bills.", 20, 10)]
    [InlineData("They counted five three times.", 5, 3)]
    public void Number_words_that_cannot_form_one_number_stay_two(string text, double first, double second)
    {
        var values = QuantitiesOf.Read(text).Select(q => q.Quantity.Value).ToList();
        values.Should().Contain(first).And.Contain(second).And.NotContain(first + second);
    }

    [Theory]
    [InlineData("Some twenty one trucks waited.", 21)]
    [InlineData("About three hundred twenty five homes flooded.", 325)]
    [InlineData("It took one thousand and twelve days.", 1012)]
    public void Number_words_that_form_one_number_still_do(string text, double value) =>
        QuantitiesOf.Read(text).Select(q => q.Quantity.Value).Should().Contain(value);
}
