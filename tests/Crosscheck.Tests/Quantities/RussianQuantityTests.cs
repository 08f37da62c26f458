using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

public class RussianQuantityTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Add(new QuantityStage()).Build();

    private static Quantity Single(string text)
    {
        var article = new Article { Id = "ru", Text = text, ContentHash = "ru", Language = "ru", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        return Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1))).Article.Items(Layers.Quantities).Should().ContainSingle().Subject;
    }

    [Fact]
    public void ReadsABoundCasualtiesAndTheCountedPhrase()
    {
        // "не менее" is "at least"; "погибли или были ранены" is killed or wounded.
        var q = Single("Не менее 30 военных КНДР погибли или были ранены.");
        q.Min.Should().Be(30);
        q.Max.Should().BeNull();
        q.Casualty.Should().Be(CasualtyKind.KilledOrWounded);
        q.Counted.Should().Be("военных КНДР");
        q.Kind.Should().Be(QuantityKind.Persons);
    }

    [Theory]
    // "более" excludes its number; "тысяч" scales the digits; a past verb ends the counted phrase.
    [InlineData("Более 11 тысяч северокорейских солдат прибыли в Курскую область.", 11000.0, "северокорейских солдат")]
    // "около" is the documented 10% hedge.
    [InlineData("Войска заняли около 300 квадратных километров.", 270.0, null)]
    public void ReadsRussianNumbersAndUnits(string text, double min, string? counted)
    {
        var q = Single(text);
        q.Min.Should().BeApproximately(min, 1e-6);
        q.Counted.Should().Be(counted);
    }
}
