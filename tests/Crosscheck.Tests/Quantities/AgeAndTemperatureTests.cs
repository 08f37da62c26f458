using Crosscheck.Evaluation.Quantities;
using Crosscheck.Quantities;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>Ages and temperatures are typed quantities with units; an age is never a count or a toll.</summary>
public class AgeAndTemperatureTests
{
    [Theory]
    [InlineData("The suspect, a man nine years old, was taken home.", "nine years old", 9.0, "year", 9.0)]
    [InlineData("The mayor is 62 years old and runs again.", "62 years old", 62.0, "year", 62.0)]
    [InlineData("The bridge is 120 years of age, engineers said.", "120 years of age", 120.0, "year", 120.0)]
    [InlineData("A 7-year-old girl was rescued from the river.", "7-year-old", 7.0, "year", 7.0)]
    [InlineData("The calf was six months old when it was found.", "six months old", 6.0, "month", 0.5)]
    public void An_age_with_its_time_unit_is_an_age_in_years(string text, string span, double value, string unit, double years)
    {
        var q = QuantitiesOf.Read(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Kind.Should().Be(QuantityKind.Age);
        q.Value.Should().Be(value);
        q.Unit.Should().Be(unit);
        q.SiUnit.Should().Be("year");
        q.SiMin.Should().BeApproximately(years, 1e-9);
        q.Casualty.Should().BeNull();
    }

    [Theory]
    [InlineData("Two residents, aged 81 and 79, were evacuated.", "81")]
    [InlineData("Two residents, aged 81 and 79, were evacuated.", "79")]
    [InlineData("The patient, a woman of age 54, recovered.", "54")]
    public void An_age_a_word_states_is_an_age_in_years(string text, string span) =>
        QuantitiesOf.Read(text).Should().ContainSingle(x => x.Text == span).Which.Quantity.Should().Match<Quantity>(q => q.Kind == QuantityKind.Age && q.Unit == "year");

    [Theory]
    // A duration is no age: "old" or "of age" must follow the time unit.
    [InlineData("The trial lasted five years and ended on Monday.")]
    [InlineData("He was jailed for 12 years.")]
    // An age in apposition is not read at all: no word says it is one.
    [InlineData("Officer Dan Lee, 43, spoke to reporters.")]
    public void A_duration_or_a_name_apposition_is_no_age(string text) =>
        QuantitiesOf.Read(text).Should().NotContain(x => x.Quantity.Kind == QuantityKind.Age);

    [Fact]
    public void A_killed_child_of_a_stated_age_is_no_toll_of_that_age()
    {
        var quantities = QuantitiesOf.Read("A 4-year-old boy was killed and 3 people were injured in the crash.");
        quantities.Should().ContainSingle(x => x.Text == "4-year-old").Which.Quantity.Casualty.Should().BeNull();
        quantities.Should().NotContain(x => x.Quantity.Casualty == CasualtyKind.Killed && x.Quantity.Min == 4);
        quantities.Should().ContainSingle(x => x.Quantity.Casualty != null).Which.Quantity.Min.Should().Be(3);
    }

    [Theory]
    [InlineData("Temperatures reached 41 degrees Celsius on Sunday.", "41 degrees Celsius", 41.0, "celsius", 41.0)]
    [InlineData("It was 30°C in the shade.", "30°C", 30.0, "celsius", 30.0)]
    [InlineData("Forecasters expect 50 Fahrenheit by noon.", "50 Fahrenheit", 50.0, "fahrenheit", 10.0)]
    [InlineData("The lake froze at minus 4 deg F last week.", "minus 4 deg F", -4.0, "fahrenheit", -20.0)]
    public void A_temperature_on_a_stated_scale_is_kept_in_celsius(string text, string span, double value, string unit, double celsius)
    {
        var q = QuantitiesOf.Read(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Kind.Should().Be(QuantityKind.Temperature);
        q.Value.Should().Be(value);
        q.Unit.Should().Be(unit);
        q.SiUnit.Should().Be("°C");
        q.SiMin.Should().BeApproximately(celsius, 1e-9);
    }

    [Theory]
    [InlineData("Overnight it fell to minus 7 degrees in the valley.", "minus 7 degrees", -7.0)]
    [InlineData("The thermostat showed 68° all day.", "68°", 68.0)]
    // A turn of the weather is no turn of an angle: the verb must stand right before the number.
    [InlineData("The weather turned cold, and it was 12 degrees at dawn.", "12 degrees", 12.0)]
    public void Degrees_of_no_stated_scale_are_a_temperature_without_conversion(string text, string span, double value)
    {
        var q = QuantitiesOf.Read(text).Should().ContainSingle(x => x.Text == span).Subject.Quantity;
        q.Kind.Should().Be(QuantityKind.Temperature);
        q.Value.Should().Be(value);
        q.Unit.Should().Be("degree");
        q.SiMin.Should().BeNull();
    }

    [Theory]
    // An angle in a compound, and minutes of arc glued after the degree sign, are no temperatures.
    [InlineData("The driver made a 90-degree turn into the lane.")]
    [InlineData("The wreck lies at 48°51′N off the coast.")]
    // Degrees beside a word of angles or turning.
    [InlineData("The crane stood at a 30 degrees angle to the wall.")]
    [InlineData("The ferry turned 180 degrees and sailed back.")]
    // "degree" after no number: an academic degree.
    [InlineData("She earned a degree in law in 2010.")]
    public void An_angle_or_a_word_degree_is_no_temperature(string text) =>
        QuantitiesOf.Read(text).Should().NotContain(x => x.Quantity.Kind == QuantityKind.Temperature);

    [Fact]
    public void The_scorer_reads_age_and_temperature_files_and_names_the_types_it_does_not_score()
    {
        QuantityEvaluation.FamilyOf("x/AgeModel.json").Should().Be(QuantityKind.Age);
        QuantityEvaluation.FamilyOf("x/TemperatureModel.json").Should().Be(QuantityKind.Temperature);
        QuantityEvaluation.FamilyOf("x/SpeedModel.json").Should().BeNull();
        var cases = RecognizerSpecs.Parse("""
            [ { "Input": "it is 5 mph", "Results": [ { "Text": "5 mph", "TypeName": "speed", "Resolution": { "value": "5", "unit": "Mile per hour" }, "Start": 6, "End": 10 } ] },
              { "Input": "aged 40", "Results": [ { "Text": "aged 40", "TypeName": "age", "Resolution": { "value": "40", "unit": "Year" }, "Start": 0, "End": 6 } ] } ]
            """);
        QuantityEvaluation.UnscoredTypes(cases, null).Should().Equal(("age", 1), ("speed", 1));
        QuantityEvaluation.UnscoredTypes(cases, QuantityKind.Age).Should().Equal(("speed", 1));
    }

    [Fact]
    public void The_scorer_takes_the_scale_letter_and_an_unstated_age_unit_for_the_same_unit()
    {
        QuantityEvaluation.SameUnit("C", null, "celsius").Should().BeTrue();
        QuantityEvaluation.SameUnit("F", null, "fahrenheit").Should().BeTrue();
        QuantityEvaluation.SameUnit("F", null, "celsius").Should().BeFalse();
        QuantityEvaluation.SameUnit("Age", null, "year").Should().BeTrue();
        QuantityEvaluation.SameUnit("Age", null, "month").Should().BeFalse();
    }

    [Fact]
    public void A_bare_unit_name_is_out_of_scope_only_for_temperatures()
    {
        var specCase = RecognizerSpecs.Parse("""
            [ { "Input": "convert 10 celsius to fahrenheit", "Results": [ { "Text": "fahrenheit", "TypeName": "temperature", "Resolution": { "value": null, "unit": "F" }, "Start": 22, "End": 31 } ] } ]
            """)[0];
        QuantityEvaluation.OutOfScope(specCase, QuantityKind.Temperature).Should().Be("unit_without_number");
        QuantityEvaluation.OutOfScope(specCase, QuantityKind.Currency).Should().BeNull();
    }
}
