using Crosscheck.Quantities;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

/// <summary>A person's age counts nothing: it is no count and no casualty toll (at most a quantity of kind age).</summary>
public class AgeMentionTests
{
    [Theory]
    [InlineData("Police shot dead Marcus Reed, 17, during a traffic stop.", "17")]
    [InlineData("Officer Dan Lee, 43, was killed in the clashes.", "43")]
    [InlineData("Officer Dan Lee (43) was killed in the clashes.", "43")]
    [InlineData("Two women, aged 68 and 48, died in the fire.", "48")]
    [InlineData("Two women, aged 68 and 48, died in the fire.", "68")]
    [InlineData("The bodies of two women, 68 and 48 years old, were found.", "68")]
    [InlineData("The bodies of two women, 68 and 48 years old, were found.", "48")]
    [InlineData("Children aged 5 to 12 were evacuated.", "12")]
    [InlineData("Three soldiers, aged between 19 and 25, were wounded by the blast.", "19")]
    [InlineData("Three soldiers, aged between 19 and 25, were wounded by the blast.", "25")]
    [InlineData("The victims, aged 7, 9 and 12, were killed in the fire.", "12")]
    public void An_age_is_no_count(string text, string age) =>
        QuantitiesOf.Read(text).Should().NotContain(q => q.Text == age && (q.Quantity.Kind != QuantityKind.Age || q.Quantity.Casualty != null));

    [Theory]
    [InlineData("In Eastfield, 12 people were injured.", 12)]
    [InlineData("Police said 43 people were killed in the clashes.", 43)]
    [InlineData("The ministry counted 17, 18 and 19 incidents on three days.", 17)]
    [InlineData("The fire killed 48 people in Lugo, 12 of them children.", 12)]
    [InlineData("Police arrested Reed, 17 others and two guards.", 17)]
    [InlineData("The dead by province: Hatay, 43; Adana, 12.", 43)]
    [InlineData("The dead by province: Hatay, 43; Adana, 12.", 12)]
    [InlineData("A boy aged 14 and 3 adults were killed.", 3)]
    public void A_count_beside_a_name_or_a_comma_stays_a_quantity(string text, double value) =>
        QuantitiesOf.Read(text).Should().Contain(q => q.Quantity.Min == value || q.Quantity.Value == value);

    [Fact]
    public void An_age_in_apposition_is_no_death_toll_of_the_event()
    {
        var quantities = QuantitiesOf.Read("Officer Dan Lee, 43, was killed in the clashes, and 12 people were injured.");
        quantities.Should().ContainSingle(q => q.Quantity.Casualty != null).Which.Quantity.Min.Should().Be(12);
    }

    [Theory]
    [InlineData("Two women, aged 68 and 48, were killed in the fire.", CasualtyKind.Killed)]
    [InlineData("Three men, ages 19 to 25, were wounded by the blast.", CasualtyKind.Wounded)]
    [InlineData("Three soldiers, aged between 19 and 25, were wounded by the blast.", CasualtyKind.Wounded)]
    public void A_toll_steps_over_the_ages_of_its_victims(string text, CasualtyKind kind) =>
        QuantitiesOf.Read(text).Should().ContainSingle(q => q.Quantity.Casualty != null).Which.Quantity.Casualty.Should().Be(kind);

    [Fact]
    public void Stepping_over_ages_finds_no_toll_where_none_is_told() =>
        QuantitiesOf.Read("Two schools, ages 5 to 11, closed after the storm.").Should().NotContain(q => q.Quantity.Casualty != null);

    [Theory]
    [InlineData("Riot in the city\nhttp: / / www. example. com / news / article - 2291941 / riot - leaves - dead. html\nThe riot went on.")]
    [InlineData("Riot in the city\nwww.example.com/news/article-2291941/riot-leaves-dead.html\nThe riot went on.")]
    public void Numbers_on_a_link_line_are_no_quantities(string text) =>
        QuantitiesOf.Read(text).Should().NotContain(q => q.Quantity.Min == 2291941);

    [Fact]
    public void A_line_that_only_mentions_http_later_keeps_its_numbers() =>
        QuantitiesOf.Read("Officials said 40 homes were flooded, according to the http status page.").Should().Contain(q => q.Quantity.Min == 40);
}
