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

    [Theory]
    // Right after a preposition of place, a town the model took for a person is the town; an opening preposition is no part of a name.
    [InlineData("Inside Raqqa, the militia advanced on Monday.", "Raqqa")]
    [InlineData("Near Palmyra, government forces clashed with fighters.", "Palmyra")]
    public void ATownAfterAPrepositionOfPlaceIsAPlace(string text, string town)
    {
        var (t, layer) = Run(text);
        var mention = layer.Mentions.Single(m => t[m.Span.Start..m.Span.End].Contains(town, StringComparison.Ordinal));
        t[mention.Span.Start..mention.Span.End].Should().Be(town);
        mention.Type.Should().Be(EntityType.Place);
    }

    [Theory]
    // A person's possession after "in" ("in Lessing's play") and a surname that is a preposition keep the person.
    [InlineData("The line appears in Lessing's play about tolerance.", "Lessing")]
    [InlineData("The painter Joseph Near exhibited in Paris in 1825.", "Joseph Near")]
    public void APersonAfterInOrEndingInAPrepositionStaysAPerson(string text, string name)
    {
        var (t, layer) = Run(text);
        TypeOf(t, layer, name).Should().Be(EntityType.Person);
        layer.Mentions.Select(m => t[m.Span.Start..m.Span.End]).Should().Contain(name);
    }

    [Theory]
    // A lone "Washington" is the city speaking, unless a person of that name is in the report.
    [InlineData("Officials arrived on Monday. Washington said the bill would pass.", false, EntityType.Place)]
    [InlineData("Senator Ellen Washington arrived on Monday. Washington said the bill would pass.", true, EntityType.Person)]
    public void ALoneCapitalIsRetypedUnlessItIsTheSurnameOfAPersonNamedInFull(string text, bool fullNameTagged, EntityType expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        int Token(string word, int occurrence)
        {
            int seen = 0;
            for (int t = 0; t < tokens.Length; t++)
                if (tokens[t].Span.Of(text) == word && ++seen == occurrence) return t;
            throw new InvalidOperationException(word);
        }
        int lone = Token("Washington", fullNameTagged ? 2 : 1);
        var candidates = new List<Candidate> { new(lone, lone, EntityType.Person) };
        if (fullNameTagged) candidates.Insert(0, new Candidate(Token("Ellen", 1), Token("Washington", 1), EntityType.Person));

        CityMetonyms.Retype(text, tokens, candidates, Crosscheck.Places.Gazetteer.LoadDefault());

        candidates[^1].Type.Should().Be(expected);
    }
}
