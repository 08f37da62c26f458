using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public class CityMetonymTests
{
    private static readonly EntityStage Stage = new();

    private static (string Text, EntityLayer Layer) Run(string text)
    {
        var article = new TextStage().Process(new AnalyzedArticle(Some.Article(text)), Some.Context());
        return (text, Stage.Process(article, Some.Context()).Get(Layers.Entities));
    }

    private static EntityType TypeOf(string text, EntityLayer layer, string words, int occurrence = 1)
    {
        int start = -1;
        for (int i = 0; i < occurrence; i++) start = text.IndexOf(words, start + 1, StringComparison.Ordinal);
        return layer.Mentions.Single(m => m.Span.Start == start).Type;
    }

    [Theory]
    // A capital speaking for its government is a place, not a person.
    [InlineData("Kyiv said on Monday that the talks had failed.", "Kyiv")]
    [InlineData("Moscow said the convoy had been stopped at the border.", "Moscow")]
    public void ACapitalSpeakingIsAPlace(string text, string city)
    {
        var (t, layer) = Run(text);
        TypeOf(t, layer, city).Should().Be(EntityType.Place);
    }

    [Fact]
    public void ASurnameThatIsAlsoACityIsNotRetypedWhenTheFullNameIsInTheReport()
    {
        const string text = "Senator Ellen Washington arrived on Monday. Washington said the bill would pass.";
        var article = new TextStage().Process(new AnalyzedArticle(Some.Article(text)), Some.Context());
        var withRule = Stage.Process(article, Some.Context()).Get(Layers.Entities);
        var withoutRule = new EntityStage(NerModel.LoadDefault(), gazetteer: null).Process(article, Some.Context()).Get(Layers.Entities);
        withRule.Mentions.Select(m => m.Type).Should().Equal(withoutRule.Mentions.Select(m => m.Type));
    }
}
