using Crosscheck.Language;
using FluentAssertions;

namespace Crosscheck.Tests.Language;

public sealed class LanguageStageTests
{
    private static readonly AnalysisContext Context = new(new DateOnly(2024, 12, 16));

    private static Article Make(string text, string language = LanguageGuess.Undetermined) =>
        new() { Id = "t", Text = text, ContentHash = "h", Language = language };

    [Fact]
    public void TheDefaultPipelineSetsTheLanguageOfAnUntaggedArticle()
    {
        var article = Make("Командование сообщило, что подразделения продолжают удерживать позиции в районе села, несмотря на обстрелы.");

        var outcome = DefaultPipeline.Create().Analyze(article, Context);

        outcome.Succeeded.Should().BeTrue();
        outcome.Article.Article.Language.Should().Be("ru");
        outcome.Article.Article.LanguageConfidence.Should().BeGreaterThan(0.5);
        outcome.Article.Text.Should().BeSameAs(article.Text);
    }

    [Fact]
    public void ALanguageIngestAlreadyKnowsIsKept()
    {
        var article = Make("Командування повідомило, що підрозділи продовжують утримувати позиції поблизу села.", language: "uk");

        var result = new LanguageStage().Process(new AnalyzedArticle(article), Context);

        result.Article.Should().BeSameAs(article);
    }

    [Fact]
    public void ALongArticleIsJudgedOnSamplesFromItsWholeLength()
    {
        // English boilerplate first, then a long Ukrainian body: the sampled windows see the body.
        var body = string.Concat(Enumerable.Repeat("Командування повідомило, що підрозділи продовжують утримувати позиції поблизу села. ", 200));
        var article = Make("Listen to this article. Share on social media. " + body);

        var result = new LanguageStage().Process(new AnalyzedArticle(article), Context);

        result.Article.Language.Should().Be("uk");
    }
}
