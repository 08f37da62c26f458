using Crosscheck.Entities;
using Crosscheck.Stories;
using Crosscheck.Tests.Crosschecking;
using FluentAssertions;

namespace Crosscheck.Tests.Stories;

public class StoryFeaturesTests
{
    [Theory]
    [InlineData("Ilse Varnet", "Varnet")]
    [InlineData("Ilse Marta Varnet", "Varnet")]
    [InlineData("Varnet", "Varnet")]
    [InlineData("Varnet's", "Varnet")]
    [InlineData("Dunmere Harbour Pilots", "Pilots")]
    [InlineData("`` Castelnoir", "Castelnoir")]
    [InlineData("Ilse Varnet Jr.", "Varnet")]
    [InlineData("Dunmere Ferries Inc.", "Ferries")]
    [InlineData("Dunmere Ferries, Inc.", "Ferries")]
    public void An_entity_is_keyed_by_the_last_word_of_its_capitalised_name(string name, string key) =>
        StoryFeatureExtractor.EntityKey(name).ToString().Should().Be(key);

    [Theory]
    [InlineData("Bank of Dunmere")]
    [InlineData("Ministry for the Ambre Valley")]
    [InlineData("North Ambria")]
    [InlineData("Dunmere Union")]
    [InlineData("San Varnet")]
    public void A_name_whose_head_alone_would_join_namesakes_is_kept_whole(string name) =>
        // "Dunmere" alone would name the town, not the bank; "Ambria" alone would join North and South Ambria.
        StoryFeatureExtractor.EntityKey(name).ToString().Should().Be(name);

    private const string Text =
        "Ilse Varnet opened the Castelnoir levee inquiry on Tuesday. Varnet said the engineers had warned the council. "
        + "The council disputed what Varnet said, and Varnet promised to publish the letters.";

    private static List<(FeatureGroup Group, string Display, double Count)> EntityFeatures(AnalyzedArticle article)
    {
        var vocabulary = new FeatureVocabulary();
        var features = new StoryFeatureExtractor(vocabulary).Extract(article);
        var result = new List<(FeatureGroup, string, double)>();
        for (int i = 0; i < features.Features.Length; i++)
        {
            int f = features.Features[i];
            if (vocabulary.GroupOf(f) == FeatureGroup.Entity) result.Add((FeatureGroup.Entity, vocabulary.Display(f), features.Counts[i]));
        }
        return result;
    }

    [Fact]
    public void Entity_features_do_not_follow_how_much_of_a_name_the_recogniser_caught()
    {
        // One model finds the full name and every mention as a person; another only two bare
        // surnames, typed as an organisation. The report is the same, so are its story features.
        var thorough = new ArticleBuilder("a", Text)
            .Entity("Ilse Varnet", EntityType.Person)
            .Entity("Varnet", EntityType.Person, "Ilse Varnet", occurrence: 2)
            .Entity("Varnet", EntityType.Person, "Ilse Varnet", occurrence: 3)
            .Entity("Varnet", EntityType.Person, "Ilse Varnet", occurrence: 4)
            .Build();
        var sparse = new ArticleBuilder("b", Text)
            .Entity("Varnet", EntityType.Organization, occurrence: 2)
            .Entity("Varnet", EntityType.Organization, occurrence: 4)
            .Build();

        EntityFeatures(thorough).Should().Equal(EntityFeatures(sparse));
        EntityFeatures(thorough).Should().ContainSingle().Which.Should().Be((FeatureGroup.Entity, "Varnet", 1.0));
    }

    [Fact]
    public void Two_entities_with_different_names_stay_two_features()
    {
        var article = new ArticleBuilder("a", Text)
            .Entity("Ilse Varnet", EntityType.Person)
            .Entity("Castelnoir", EntityType.Place)
            .Build();

        EntityFeatures(article).Select(f => f.Display).Should().BeEquivalentTo(["Varnet", "Castelnoir"]);
    }

    [Fact]
    public void A_stray_span_of_a_quote_mark_and_a_pronoun_is_no_entity_feature()
    {
        var article = new ArticleBuilder("a", "`` We will rebuild the levee , '' the mayor of Castelnoir said.")
            .Entity("`` We", EntityType.Organization)
            .Build();

        EntityFeatures(article).Should().BeEmpty();
    }
}
