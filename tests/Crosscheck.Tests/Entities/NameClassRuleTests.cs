using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

/// <summary>
/// Rules for kinds of names the model gets wrong in a regular way: bloc demonyms, capitals standing
/// for their state, newspaper titles, portfolio fragments before a minister's title. Invented text.
/// </summary>
public class NameClassRuleTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new EntityStage()).Build();

    private static (string Text, EntityLayer Layer) Analyze(string text)
    {
        var outcome = Pipeline.Analyze(new Article { Id = "t", Text = text, ContentHash = "h" }, new AnalysisContext(new DateOnly(2024, 12, 16)));
        outcome.Failures.Should().BeEmpty();
        return (text, outcome.Article.Get(Layers.Entities));
    }

    private static EntityType? TypeOf(string text, EntityLayer layer, string surface) =>
        layer.Mentions.Where(m => m.Span.Of(text) == surface).Select(m => (EntityType?)m.Type).FirstOrDefault();

    [Theory]
    [InlineData("Western officials said the shipment of shells arrived in the port on Friday.", "Western officials")]
    [InlineData("The convoy crossed the border at night, according to Westerners who watched it.", "Westerners")]
    public void A_bloc_demonym_before_a_people_noun_or_in_the_plural_is_a_group(string sentence, string surface)
    {
        var (text, layer) = Analyze(sentence);
        TypeOf(text, layer, surface).Should().Be(EntityType.Group);
    }

    [Theory]
    [InlineData("Taliban officials said on Monday that the border crossing would reopen.", "Taliban")]
    [InlineData("Houthi officials said on Friday that two drones were fired at a cargo ship.", "Houthi")]
    public void A_movement_in_the_nationality_list_is_not_made_a_group(string sentence, string surface)
    {
        var (text, layer) = Analyze(sentence);
        layer.Mentions.Where(m => m.Span.Of(text).StartsWith(surface, StringComparison.Ordinal))
            .Should().NotContain(m => m.Type == EntityType.Group);
    }

    [Fact]
    public void A_capital_owning_an_organ_of_the_state_is_the_state()
    {
        var (text, layer) = Analyze("According to Hanoi's state media, the delegation left the talks early on Tuesday.");
        TypeOf(text, layer, "Hanoi").Should().Be(EntityType.Organization);
    }

    [Theory]
    [InlineData("Hanoi's mayor opened the new bridge over the river on Tuesday.")]
    [InlineData("Rain flooded the streets of Hanoi on Tuesday, and the market stayed shut.")]
    public void A_capital_with_its_own_city_offices_or_on_the_map_stays_a_place(string sentence)
    {
        var (text, layer) = Analyze(sentence);
        TypeOf(text, layer, "Hanoi").Should().NotBe(EntityType.Organization);
    }

    [Theory]
    [InlineData("Hanoi's foreign ministry said on Tuesday that the delegation had left the talks early.")]
    [InlineData("Hanoi's government said on Tuesday that the delegation had left the talks early.")]
    public void A_capital_owning_a_ministry_or_government_is_the_state(string sentence)
    {
        var (text, layer) = Analyze(sentence);
        TypeOf(text, layer, "Hanoi").Should().Be(EntityType.Organization);
    }

    [Theory]
    [InlineData("Kyiv's city military administration said two drones had hit a warehouse overnight.", "Kyiv")]
    [InlineData("Tokyo's metropolitan government said the heat warning would stay in place until Friday.", "Tokyo")]
    [InlineData("Moscow's city government said the metro line would reopen on Monday.", "Moscow")]
    [InlineData("Berlin's state government said the schools would reopen on Monday.", "Berlin")]
    [InlineData("Beijing's municipal health agency said eleven new cases were found in the district.", "Beijing")]
    public void A_capital_owning_its_own_city_or_regional_offices_is_not_the_state(string sentence, string capital)
    {
        var (text, layer) = Analyze(sentence);
        TypeOf(text, layer, capital).Should().NotBe(EntityType.Organization);
    }

    [Fact]
    public void A_capital_metonym_the_alias_table_knows_joins_its_state_in_the_report()
    {
        var (text, layer) = Analyze("North Korea sent more shells last week. According to Pyongyang's state media, the factory doubled its output.");
        var pyongyang = layer.Mentions.Single(m => m.Span.Of(text) == "Pyongyang");
        var northKorea = layer.Mentions.Single(m => m.Span.Of(text) == "North Korea");
        pyongyang.Entity.Should().Be(northKorea.Entity);
    }

    [Theory]
    [InlineData("The Harbourton Independent reported on Monday that the dam had cracked.", "Harbourton Independent")]
    [InlineData("Valdorska Pravda reported on Monday that the dam had cracked.", "Valdorska Pravda")]
    public void A_name_ending_in_a_newspaper_title_word_is_an_organisation(string sentence, string surface)
    {
        var (text, layer) = Analyze(sentence);
        TypeOf(text, layer, surface).Should().Be(EntityType.Organization);
    }

    [Fact]
    public void A_person_whose_surname_is_also_a_title_word_stays_a_person()
    {
        var (text, layer) = Analyze("Writer Margaret Post said on Monday that the book would appear in spring.");
        TypeOf(text, layer, "Margaret Post").Should().Be(EntityType.Person);
    }

    [Theory]
    [InlineData("Snapline chief executive Evan Spiegel said on Monday that the app would add maps.", "Evan Spiegel")]
    [InlineData("The physicist Abraham Pais wrote the book over ten years.", "Abraham Pais")]
    public void A_person_whose_surname_is_a_foreign_title_word_is_not_made_an_organisation(string sentence, string surface)
    {
        var (text, layer) = Analyze(sentence);
        TypeOf(text, layer, surface).Should().NotBe(EntityType.Organization);
    }

    [Fact]
    public void A_portfolio_fragment_before_a_secretarys_title_names_the_department()
    {
        var (text, layer) = Analyze("US Defense Secretary Mark Holloway said on Monday that the drills would continue.");
        var fragment = layer.Mentions.Where(m => m.Span.Of(text) == "US Defense").ToList();
        fragment.Should().NotBeEmpty("the model stops the organisation at the portfolio word");
        layer.Entities[fragment[0].Entity].Name.Should().Be("US Defense Department");
        var linking = new CrossReportEntityLinker().Link([new AnalyzedArticle(new Article { Id = "a", Text = text, ContentHash = "a" }).With(Layers.Entities, layer)]);
        linking.Entities.Single(e => e.Id == linking.IdFor("a", fragment[0].Entity)).Name.Should().Be("United States Department of Defense");
    }

    [Theory]
    [InlineData("UK Foreign Secretary Tom Ashby said on Monday that the talks would resume.")]
    [InlineData("British Defence Secretary Tom Ashby said on Monday that the drills would continue.")]
    public void A_portfolio_fragment_is_not_given_a_department_the_alias_table_does_not_know(string sentence)
    {
        var (_, layer) = Analyze(sentence);
        layer.Entities.Should().NotContain(e => e.Name.EndsWith("Department", StringComparison.Ordinal)
            || e.Aliases.Any(a => a.EndsWith("Department", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_organisation_before_other_words_is_not_expanded()
    {
        var (_, layer) = Analyze("The Harbourton Defense Council met on Monday, and the secretary read the minutes.");
        layer.Entities.Should().NotContain(e => e.Name.EndsWith("Department", StringComparison.Ordinal) || e.Name.EndsWith("Ministry", StringComparison.Ordinal));
    }
}
