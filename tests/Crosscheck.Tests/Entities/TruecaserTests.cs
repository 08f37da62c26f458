using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public class TruecaserTests
{
    private static readonly Truecaser Caser = new(["opens", "new", "bridge", "over", "the", "in", "after", "heavy", "rain", "closes", "road"]);

    private static (SentenceCasing Casing, string Recased) Run(string sentence)
    {
        var spans = Tokenizer.Tokenize(sentence).Select(t => t.Span).ToArray();
        var casing = Caser.Classify(sentence, spans);
        var buffer = sentence.ToCharArray();
        Caser.Recase(sentence, spans, casing, buffer);
        return (casing, new string(buffer));
    }

    [Fact]
    public void AHeadlineLowersOnlyTheWordsProseWritesInLowerCase()
    {
        var (casing, recased) = Run("Mayor Ilse Varga Opens New Bridge Over The Tessel");
        casing.Should().Be(SentenceCasing.Headline);
        recased.Should().Be("Mayor Ilse Varga opens new bridge over the Tessel");
    }

    [Fact]
    public void ASentenceFullOfNamesIsNotAHeadline()
    {
        Run("Ilse Varga, Anna Dorn and Petra Lind met in Dornbach").Casing.Should().Be(SentenceCasing.Ordinary);
        Run("The bridge over the river opens in Dornbach").Casing.Should().Be(SentenceCasing.Ordinary);
    }

    [Fact]
    public void CapitalsAreLoweredAndNamesCapitalisedButShortAcronymsKept()
    {
        var (casing, recased) = Run("HEAVY RAIN CLOSES ROAD IN DORNBACH AFTER NWS WARNING");
        casing.Should().Be(SentenceCasing.Capitals);
        recased.Should().Be("Heavy rain closes road in Dornbach after NWS Warning");
    }

    [Fact]
    public void TheRecasedCopyKeepsEveryOffset()
    {
        const string sentence = "ÉLAN OPENS NEW BRIDGE IN DORNBACH";
        var (_, recased) = Run(sentence);
        recased.Length.Should().Be(sentence.Length);
        recased.ToUpperInvariant().Should().Be(sentence);
    }

    [SharedDataFact("datasets", "ner-en")]
    public void TheDerivedWordListMatchesTheShippedOne()
    {
        var words = Truecaser.DeriveLowercaseWords(NerTrainer.DefaultTrainingFiles(SharedData.Path("datasets")!));
        var shipped = Truecaser.Default;
        shipped.Count.Should().Be(words.Count);
        words.Should().OnlyContain(w => shipped.IsUsuallyLowercase(w));
        words.Should().Contain(["into", "checks", "the"]).And.NotContain(["us", "may"]);
    }
}
