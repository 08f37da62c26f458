using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

public class QuantityStageTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Add(new QuantityStage()).Build();

    private static IReadOnlyList<(string Text, Quantity Quantity)> Quantities(string text)
    {
        var article = new Article { Id = "q", Text = text, ContentHash = "q", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1)));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Quantities).Select(q => (q.Span.Of(text), q)).ToList();
    }

    private static Quantity Single(string text) => Quantities(text).Should().ContainSingle().Subject.Quantity;

    [Fact]
    public void TurnsALowerBoundAndCasualtyWordsIntoAnOpenInterval()
    {
        // The brief's own example: "at least" closes the bottom and leaves the top open.
        var q = Single("At least 30 soldiers were killed or wounded.");
        q.Min.Should().Be(30);
        q.Max.Should().BeNull();
        q.MinExclusive.Should().BeFalse();
        q.Casualty.Should().Be(CasualtyKind.KilledOrWounded);
        q.Counted.Should().Be("soldiers");
        q.Unit.Should().Be("persons");
    }

    [Theory]
    // "more than" excludes its number.
    [InlineData("More than 10,000 troops crossed.", 10000.0, null, true, false)]
    // Hedges widen by the documented 10%.
    [InlineData("Some 50,000 people fled.", 45000.0, 55000.0, false, false)]
    [InlineData("About 50,000 people fled.", 45000.0, 55000.0, false, false)]
    // "nearly" is below its number, never above.
    [InlineData("Nearly 50,000 people fled.", 45000.0, 50000.0, false, true)]
    // "up to" and "fewer than" are bounded above, from zero.
    [InlineData("Up to 12 tanks were lost.", 0.0, 12.0, false, false)]
    [InlineData("Fewer than 50 people remained.", 0.0, 50.0, false, true)]
    // A range is one quantity.
    [InlineData("Between 10 and 20 drones were downed.", 10.0, 20.0, false, false)]
    [InlineData("Some 10-15 drones were downed.", 9.0, 16.5, false, false)]
    // The scale word of the second number applies to both.
    [InlineData("Between 1 and 2 million people fled.", 1000000.0, 2000000.0, false, false)]
    public void TurnsModifiersIntoIntervals(string text, double? min, double? max, bool minExclusive, bool maxExclusive)
    {
        var q = Single(text);
        q.Min.Should().BeApproximately(min!.Value, 1e-6);
        if (max is null) q.Max.Should().BeNull(); else q.Max.Should().BeApproximately(max.Value, 1e-6);
        q.MinExclusive.Should().Be(minExclusive);
        q.MaxExclusive.Should().Be(maxExclusive);
    }

    [Theory]
    // Digits, words, scales and fractions.
    [InlineData("They counted 11,000 shells.", 11000.0)]
    [InlineData("They counted eleven thousand shells.", 11000.0)]
    [InlineData("They counted 1.4 million shells.", 1400000.0)]
    [InlineData("They counted twenty-five shells.", 25.0)]
    [InlineData("They counted a dozen shells.", 12.0)]
    [InlineData("A fifth of the shells were duds.", 0.2)]
    [InlineData("Two thirds of the shells were duds.", 2.0 / 3)]
    [InlineData("They spent $1.4bn on shells.", 1400000000.0)]
    // Halves of a scale and mixed digit-word forms.
    [InlineData("They counted five and a half million shells.", 5500000.0)]
    [InlineData("They counted 3 million and a half shells.", 3500000.0)]
    [InlineData("They counted half million shells.", 500000.0)]
    [InlineData("They counted 4 thousand 3 hundred and 21 shells.", 4321.0)]
    // A capital M is a million; a lower-case m after digits is a metre unless money or a plural noun follows.
    [InlineData("They spent $10M on shells.", 10000000.0)]
    [InlineData("The wall is 1.8m tall.", 1.8)]
    // "-strong" counts the members of a unit; other hyphen compounds ("20-member") are skipped.
    [InlineData("A 1,000-strong unit moved in.", 1000.0)]
    public void ReadsNumbersInDigitsAndWords(string text, double value) =>
        Single(text).Value.Should().BeApproximately(value, 1e-9);

    [Theory]
    // ACLED-style conservative counts for vague plurals, with their plausible range.
    [InlineData("Dozens of civilians died.", 12.0, 24.0, CasualtyKind.Killed)]
    [InlineData("Hundreds of soldiers were wounded.", 100.0, 200.0, CasualtyKind.Wounded)]
    [InlineData("Several thousand troops were captured.", 3000.0, 3000.0, CasualtyKind.Captured)]
    [InlineData("Tens of thousands of people went missing.", 10000.0, 20000.0, CasualtyKind.Missing)]
    public void GivesVagueCountsAConservativeValue(string text, double conservative, double min, CasualtyKind casualty)
    {
        var q = Single(text);
        q.Conservative.Should().Be(conservative);
        q.Min.Should().Be(min);
        q.Approximate.Should().BeTrue();
        q.Casualty.Should().Be(casualty);
    }

    [Theory]
    // Casualty words before and after the number, with "killed and/or wounded" merged.
    [InlineData("Russia said it killed 200 Ukrainian servicemen.", CasualtyKind.Killed, "Ukrainian servicemen")]
    [InlineData("About 40 people were injured or killed.", CasualtyKind.KilledOrWounded, "people")]
    [InlineData("Some 3,000 North Korean soldiers were killed and wounded.", CasualtyKind.KilledOrWounded, "North Korean soldiers")]
    [InlineData("Kyiv reported 1,000 casualties.", CasualtyKind.KilledOrWounded, "casualties")]
    [InlineData("Ukraine captured 15 North Korean soldiers.", CasualtyKind.Captured, "North Korean soldiers")]
    // A participle after the attack: "..., killing three civilians" is a death toll, as "..., injuring three" is a wounded count.
    [InlineData("Drones struck a depot on Friday, killing three civilians.", CasualtyKind.Killed, "civilians")]
    [InlineData("Drones struck a depot on Friday, injuring three civilians.", CasualtyKind.Wounded, "civilians")]
    [InlineData("The blast hit a market near the station, killing 4 people.", CasualtyKind.Killed, "people")]
    // A relative clause or a participle clause between the count and its verb is stepped over.
    [InlineData("At least 25 Valdorian conscripts, who the army had sent to the northern Lenmark district, were killed or wounded.", CasualtyKind.KilledOrWounded, "Valdorian conscripts")]
    [InlineData("At least 25 conscripts, serving beside the border guard, were injured or killed on Friday.", CasualtyKind.KilledOrWounded, "conscripts")]
    public void FindsWhatIsCountedAndWhatHappenedToIt(string text, CasualtyKind casualty, string counted)
    {
        var q = Single(text);
        q.Casualty.Should().Be(casualty);
        q.Counted.Should().Be(counted);
        q.Kind.Should().Be(QuantityKind.Persons);
    }

    [Fact]
    public void CountsOfTimeUnitsAreNotCasualties()
    {
        // The duration's number stays a plain count of days or weeks, never of the dead.
        var qs = Quantities("300 soldiers died in two weeks.");
        qs.Should().HaveCount(2);
        qs[0].Quantity.Casualty.Should().Be(CasualtyKind.Killed);
        qs[1].Quantity.Counted.Should().Be("weeks");
        qs[1].Quantity.Casualty.Should().BeNull();
        qs[1].Quantity.Kind.Should().Be(QuantityKind.Count);
    }

    [Fact]
    public void DoesNotCarryCasualtyWordsAcrossToAnotherNumber()
    {
        // Each number takes the casualty word of its own clause.
        var qs = Quantities("Dozens of civilians died, hundreds were injured.");
        qs.Should().HaveCount(2);
        qs[0].Quantity.Casualty.Should().Be(CasualtyKind.Killed);
        qs[1].Quantity.Casualty.Should().Be(CasualtyKind.Wounded);
    }

    [Theory]
    // Areas compare in km2 whatever the stated unit.
    [InlineData("They retook 300 square miles.", "square mile", 777.0, "km2")]
    [InlineData("They retook 800 square kilometres.", "square kilometre", 800.0, "km2")]
    [InlineData("They retook 500 hectares.", "hectare", 5.0, "km2")]
    // Lengths in km, masses in kg, including glued and hyphenated forms.
    [InlineData("The column stretched 10km.", "kilometre", 10.0, "km")]
    [InlineData("The front moved 12 miles.", "mile", 19.312, "km")]
    [InlineData("It fired a 2,000-pound bomb.", "pound", 907.185, "kg")]
    [InlineData("They seized 5 tonnes of ammunition.", "tonne", 5000.0, "kg")]
    // Money keeps its currency code; percent stays percent.
    [InlineData("Aid reached $300 million.", "USD", 300000000.0, "USD")]
    [InlineData("Aid reached €2 million.", "EUR", 2000000.0, "EUR")]
    [InlineData("Output fell 12%.", "%", 12.0, "%")]
    [InlineData("Output fell 5 per cent.", "%", 5.0, "%")]
    [InlineData("Output fell by 30 percentage points.", "%", 30.0, "%")]
    public void ConvertsUnitsToACanonicalUnit(string text, string unit, double si, string siUnit)
    {
        var q = Single(text);
        q.Unit.Should().Be(unit);
        q.SiUnit.Should().Be(siUnit);
        q.SiMin.Should().BeApproximately(si, 0.5);
    }

    [Theory]
    // Ordinals and unit designations label things, they do not count them.
    [InlineData("The 95th brigade and the 1st Tank Brigade moved.")]
    [InlineData("Under article 4 and Resolution 2231 nothing changed.")]
    // Years, dates and clock times belong to the time layer.
    [InlineData("In 2024 it began on December 14 at 10:30 a.m.")]
    // Digits inside a link or an address.
    [InlineData("See https://example.org/report?id=305&page=20 or write to desk42@example.org today.")]
    // Pronoun "one".
    [InlineData("He was the one who saw the recruit.")]
    public void SkipsLabelsOrdinalsAndDates(string text) =>
        Quantities(text).Should().BeEmpty();

    [Fact]
    public void A_compound_age_is_an_age_and_nothing_else() =>
        Quantities("He was the one who saw a 20-year-old recruit.").Should().ContainSingle()
            .Which.Should().Match<(string Text, Quantity Quantity)>(q => q.Quantity.Kind == QuantityKind.Age && q.Text == "20-year-old");

    [Theory]
    // A minor unit after a major one adds to the amount.
    [InlineData("The ticket cost thirteen dollars and forty-five cents.", "thirteen dollars and forty-five cents", 13.45, "USD")]
    [InlineData("The ticket cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD")]
    // The article "a" before "$" is not the Australian "A$".
    [InlineData("The firm won a $48.2 million contract.", "$48.2 million", 48_200_000.0, "USD")]
    // With a scale word, pounds are money.
    [InlineData("Profit rose to 361 million pounds.", "361 million pounds", 361_000_000.0, "GBP")]
    [InlineData("The fee was 420 million Finnish markka.", "420 million Finnish markka", 420_000_000.0, "FIM")]
    [InlineData("The fee was 3 million Dutch guilders.", "3 million Dutch guilders", 3_000_000.0, "NLG")]
    // A code that includes the million, a scale after the code, cents without their name at the end, a sign glued to the next amount.
    [InlineData("Losses exceeded 30 MUSD.", "30 MUSD", 30_000_000.0, "USD")]
    [InlineData("They lost 75 USD million.", "75 USD million", 75_000_000.0, "USD")]
    [InlineData("It costs 15 dollars 50.", "15 dollars 50", 15.5, "USD")]
    [InlineData("It costs a quarter million US dollars.", "a quarter million US dollars", 250_000.0, "USD")]
    public void ReadsCompoundAndNamedCurrencies(string text, string span, double value, string unit)
    {
        var (found, q) = Quantities(text).Should().ContainSingle().Subject;
        found.Should().Be(span);
        q.Value.Should().BeApproximately(value, 1e-6);
        q.Unit.Should().Be(unit);
        q.Kind.Should().Be(QuantityKind.Currency);
    }

    [Fact]
    public void PoundsOfSomethingAreWeightEvenWithAScaleWord()
    {
        var (found, q) = Quantities("The plant recalled 1.2 million pounds of ground beef.").Should().ContainSingle().Subject;
        found.Should().StartWith("1.2 million pounds");
        q.Kind.Should().Be(QuantityKind.Mass);
    }

    [Theory]
    // Only the numerator after the last "and" is divided: a mixed number.
    [InlineData("The answer was twenty and three fifths.", 20.6)]
    [InlineData("The answer was one hundred and three quarters.", 100.75)]
    // "dozens" after a number multiplies it.
    [InlineData("They brought three dozens.", 36.0)]
    [InlineData("They brought 3 dozens.", 36.0)]
    // A decimal part in words, digit by digit or as one number.
    [InlineData("The reading was two hundred point zero three.", 200.03)]
    [InlineData("The reading was five point five.", 5.5)]
    // An improper fraction after "and" divides the whole; a fraction after a scale is a share of it.
    [InlineData("The answer was one hundred and thirty fifths.", 26.0)]
    [InlineData("They have two million and three fifths.", 2_600_000.0)]
    [InlineData("They have 3 million and a quarter.", 3_250_000.0)]
    [InlineData("It was one billion and a quarter million.", 1_000_250_000.0)]
    [InlineData("The result is three and one fourth.", 3.25)]
    [InlineData("The reading was zero point zero eight.", 0.08)]
    [InlineData("The share was ⅙.", 1.0 / 6)]
    // A stated ratio is the fraction it states.
    [InlineData("It was one out of three.", 1.0 / 3)]
    [InlineData("The odds were 1 in 21.", 1.0 / 21)]
    // Hyphens written with spaces, a signed fraction, a glued "b" for billions.
    [InlineData("The count was fifty - two.", 52.0)]
    [InlineData("The share was five - eighths.", 0.625)]
    [InlineData("The change was -4/5 overall.", -0.8)]
    [InlineData("The budget is 1.2b overall.", 1_200_000_000.0)]
    public void ReadsMixedNumbersDozensAndSpokenDecimals(string text, double value) =>
        Single(text).Value.Should().BeApproximately(value, 1e-9);

    [Theory]
    // An imperial measure and its customary subunit are one amount, in the larger unit.
    [InlineData("He is 5 ft 2 in tall.", "5 ft 2 in", 5 + 2.0 / 12, "foot")]
    [InlineData("He is 6 feet and 1 inch tall.", "6 feet and 1 inch", 6 + 1.0 / 12, "foot")]
    // A unit in brackets after the number.
    [InlineData("The weight is 20 (kg) net.", "20 (kg)", 20.0, "kilogram")]
    [InlineData("The dose was 150 micrograms.", "150 micrograms", 150.0, "microgram")]
    public void ReadsCompoundMeasuresAndBracketedUnits(string text, string span, double value, string unit)
    {
        var (found, q) = Quantities(text).Should().ContainSingle().Subject;
        found.Should().Be(span);
        q.Value.Should().BeApproximately(value, 1e-6);
        q.Unit.Should().Be(unit);
    }

    [Fact]
    public void GivesACurrencySignGluedToANumberToThatNumber()
    {
        Quantities("Expenses were $ 20,000.00 $37,305.97 in all.").Select(q => (q.Text, q.Quantity.Unit)).Should().Equal(("$ 20,000.00", "USD"), ("$37,305.97", "USD"));
    }

    [Fact]
    public void KeepsTwoNumbersJoinedByAndApartWhenEachHasAScale()
    {
        Quantities("Counts of 3 hundred and 2 hundred were logged.").Select(q => q.Quantity.Value).Should().Equal(300.0, 200.0);
    }

    [Fact]
    public void AShareOfPeopleIsAFractionNotACasualtyCount()
    {
        var q = Single("One in five soldiers was wounded.");
        q.Kind.Should().Be(QuantityKind.Fraction);
        q.Value.Should().BeApproximately(0.2, 1e-9);
        q.Casualty.Should().BeNull();
        // A year after "in" is not a denominator.
        Quantities("He scored 5 in 2024.").Should().ContainSingle().Which.Quantity.Value.Should().Be(5);
    }

    [Fact]
    public void StaysBoundedOnHostileInput()
    {
        // A 10,000-digit number is not a number; 2,000 numbers in one sentence are each read once.
        Quantities(new string('9', 10_000)).Should().BeEmpty();
        var many = string.Join(" and ", Enumerable.Range(1, 2000).Select(i => $"at least {i} soldiers")) + " were killed.";
        Quantities(many).Should().HaveCount(2000);
    }

    [Fact]
    public void AHedgedNegativeFigureKeepsItsIntervalInOrder()
    {
        var q = Quantities("Temperatures fell to about -20 degrees overnight.").Select(x => x.Quantity).First(x => x.Min < 0 || x.Max < 0);
        q.Min.Should().BeLessThanOrEqualTo(q.Max!.Value);
    }
}
