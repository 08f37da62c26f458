using Crosscheck.Copies;
using FluentAssertions;

namespace Crosscheck.Tests.Copies;

public class MatchingTextTests
{
    [Fact]
    public void FoldsQuotesSpacesAndInvisibleCharacters() =>
        MatchingText.Fold("“Soft\u00ADly”\u00A0said\u200B ‘Ana’ – «ok»").Should().Be("\"softly\" said 'ana' - \"ok\"");

    [Fact]
    public void WordsHashAlikeWhateverTheTypography() =>
        MatchingText.WordHashes("The mayor’s “plan”\u00A0worked").Should().Equal(MatchingText.WordHashes("the mayor's \"plan\" worked"));

    [Fact]
    public void SimilarityOfATextWithItselfIsOneAndWithAnotherLow()
    {
        var a = MinHashSignature.Of("Rescue teams reached the old quarter before dawn and carried out people trapped on upper floors, the service said.");
        var b = MinHashSignature.Of("Forecasters expect more rain on Wednesday and the water authority warned that the dam upstream was close to its limit.");
        a.Similarity(a).Should().Be(1);
        a.Similarity(b).Should().BeLessThan(0.1);
    }
}
