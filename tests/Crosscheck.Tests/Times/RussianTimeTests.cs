using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

public class RussianTimeTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();

    private static IReadOnlyList<string> Times(string text)
    {
        // Published Monday 16 December 2024; the article's language picks the word table.
        var article = new Article { Id = "ru", Text = text, ContentHash = "ru", Language = "ru", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        return Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1))).Article.Items(Layers.Times)
            .Select(t => $"{t.Span.Of(text)}={t.Value}").ToList();
    }

    [Theory]
    // A weekday in the accusative after "в", in a past-tense sentence.
    [InlineData("В субботу военные атаковали позиции.", "субботу=2024-12-14")]
    // The same weekday with a future verb is next Saturday.
    [InlineData("Переговоры начнутся в субботу.", "субботу=2024-12-21")]
    // Relative month and week in the prepositional case.
    [InlineData("В прошлом месяце войска прибыли.", "прошлом месяце=2024-11")]
    [InlineData("На прошлой неделе войска прибыли.", "прошлой неделе=2024-W50")]
    // Day and genitive month, with and without a year.
    [InlineData("Это случилось 14 декабря 2024 года.", "14 декабря 2024=2024-12-14")]
    [InlineData("Это случилось 14 декабря.", "14 декабря=2024-12-14")]
    // Deictic words, "ago", and the season in the instrumental.
    [InlineData("Вчера вечером всё стихло.", "Вчера вечером=2024-12-15TEV")]
    [InlineData("Три дня назад всё стихло.", "Три дня назад=2024-12-13")]
    [InlineData("Этим летом всё стихло.", "Этим летом=2024-SU")]
    public void ReadsRussianTimeExpressions(string text, string expected) =>
        Times(text).Should().Equal(expected);

    [Fact]
    public void PicksTheWordTableByTheArticleLanguage()
    {
        // The same Russian words read as English find nothing.
        Times("В субботу").Should().Equal("субботу=2024-12-14");
        EnglishReading("В субботу").Should().BeEmpty();
    }

    private static IReadOnlyList<string> EnglishReading(string text)
    {
        var article = new Article { Id = "en", Text = text, ContentHash = "en", Language = "en", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        return Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1))).Article.Items(Layers.Times).Select(t => t.Value).ToList();
    }
}
