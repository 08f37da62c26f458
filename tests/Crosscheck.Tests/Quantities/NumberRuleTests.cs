using Crosscheck.Quantities;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>Number readings added for the Recognizers-Text categories: ordinal fractions, scale letters, decimal forms.</summary>
public class NumberRuleTests
{
    private static IReadOnlyList<(string Text, Quantity Quantity)> Quantities(string text) => QuantitiesOf.Read(text);

    [Theory]
    // The ordinal phrase is the denominator; a tens word just before a unit ordinal belongs to it.
    [InlineData("The jar held four twenty-fifths of the flour.", "four twenty-fifths", 4.0 / 25)]
    [InlineData("The jar held four twenty fifths of the flour.", "four twenty fifths", 4.0 / 25)]
    [InlineData("The jar held a thirty-first of the flour.", "a thirty-first", 1.0 / 31)]
    [InlineData("The jar held seven hundred forty sixths of a cup.", "seven hundred forty sixths", 700.0 / 46)]
    // "one hundred" just before the ordinal joins it when a numerator remains.
    [InlineData("Each share was one one hundred and seventh of the pot.", "one one hundred and seventh", 1.0 / 107)]
    [InlineData("Each share was two hundred one thousand thirds of the pot.", "two hundred one thousand thirds", 200.0 / 1003)]
    // Scale ordinals.
    [InlineData("The error was a billionth of a second.", "a billionth", 1e-9)]
    [InlineData("The error was three hundred millionths.", "three hundred millionths", 300 / 1e6)]
    // Without a tens word the whole phrase is the numerator; "and" before it makes a mixed number.
    [InlineData("They drank thirty sixths of a gallon.", "thirty sixths", 5.0)]
    [InlineData("They drank forty and two sixths.", "forty and two sixths", 40 + 2.0 / 6)]
    [InlineData("The rod was twelve and a fortieth long.", "twelve and a fortieth", 12 + 1.0 / 40)]
    public void ReadsFractionsWithOrdinalDenominators(string text, string span, double value)
    {
        var q = Quantities(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Value.Should().BeApproximately(value, 1e-9);
    }

    [Theory]
    // Ordinal adjectives and ordinals are not fractions.
    [InlineData("It was a twenty-first birthday party.")]
    [InlineData("On the twenty-sixth, nobody came.")]
    public void LeavesOrdinalsAlone(string text) =>
        Quantities(text).Should().NotContain(x => x.Quantity.Kind == QuantityKind.Fraction);

    [Theory]
    [InlineData("The page earned $4.5 k in ads.", "$4.5 k", 4500.0)]
    [InlineData("The fund raised 3.2 M USD last year.", "3.2 M USD", 3200000.0)]
    [InlineData("The budget is $ 4MM this year.", "$ 4MM", 4000000.0)]
    // Without money written next to it a spaced letter or "MM" is a unit or a name, not a scale.
    [InlineData("She won the women's 400 M final.", "400 M", 400.0)]
    [InlineData("He carried a 9MM pistol.", "9MM", 9.0)]
    [InlineData("They sold a 4 K television.", "4", 4.0)]
    // Lower-case letters stay units.
    [InlineData("The rope is 12 m long.", "12 m", 12.0)]
    [InlineData("The bolt is 6mm wide.", "6mm", 6.0)]
    public void ReadsScaleLettersOnlyWhereNoUnitIsMeant(string text, string span, double value)
    {
        var q = Quantities(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Value.Should().Be(value);
    }

    [Fact]
    public void ALongDotGroupedTokenIsNoNumberAndNoCrash()
    {
        var code = string.Join('.', Enumerable.Repeat("123", 400)) + ",5";
        Quantities("The log line read " + code + " and ended.").Should().NotContain(x => x.Text.Length > 64);
    }

    [Theory]
    // A scale word after the dash of a currency amount is part of the amount, never a range's upper end.
    [InlineData("They signed a $2.5-billion contract.", "$2.5-billion", 2.5e9)]
    [InlineData("The lab won a $30-million grant.", "$30-million", 3e7)]
    public void ReadsACurrencyAmountWithAHyphenatedScale(string text, string span, double value)
    {
        var found = Quantities(text);
        found.Should().NotContain(x => x.Quantity.Min != x.Quantity.Max);
        found.Should().ContainSingle(x => x.Text == span).Which.Quantity.Value.Should().Be(value);
    }

    [Theory]
    // An ordinal that is a time unit, a quarter of an hour or a century, an ordinal adjective: no fraction.
    [InlineData("The alarm rang for one hundred twenty seconds.")]
    [InlineData("The bus came a quarter of an hour late.")]
    [InlineData("The bridge stood for three quarters of a century.")]
    [InlineData("Prices rose for a fourteenth straight month.")]
    public void ReadsNoFractionWhereTheWordsCountTime(string text) =>
        Quantities(text).Should().NotContain(x => x.Quantity.Kind == QuantityKind.Fraction || x.Quantity.Value < 1 && x.Quantity.Value > 0);

    [Theory]
    [InlineData("The rate was .07 in May.", ".07", 0.07, "")]
    [InlineData("They paid 2.345,50 euros.", "2.345,50 euros", 2345.5, "EUR")]
    [InlineData("A total of 7.000.000,25 was spent.", "7.000.000,25", 7000000.25, "")]
    [InlineData("It came to one million and a half thousand.", "one million and a half thousand", 1000500.0, "")]
    [InlineData("It came to four hundreds boxes.", "four hundreds", 400.0, "")]
    [InlineData("It came to two hundred and three dozens.", "two hundred and three dozens", 236.0, "")]
    public void ReadsDecimalFormsAndCompoundWords(string text, string span, double value, string unit)
    {
        var q = Quantities(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Value.Should().BeApproximately(value, 1e-6);
        q.Unit.Should().Be(unit);
    }

    [Fact]
    public void AndZeroStartsAnotherNumber()
    {
        var found = Quantities("Count 6 thousand 2 hundred and 0 later.");
        found.Select(x => x.Quantity.Value).Should().Equal(6200.0, 0.0);
    }
}
