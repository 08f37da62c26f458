using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Text;

public class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => t.Span.Of(text)).ToArray();

    private static string[] Sentences(string text)
    {
        var (sentences, _) = Tokenizer.Analyze(text);
        return sentences.Select(s => s.Span.Of(text)).ToArray();
    }

    [Theory]
    // Titles and months keep their period and are one token.
    [InlineData("Maj. Gen. Pat Ryder spoke on Dec. 16.", "Maj.|Gen.|Pat|Ryder|spoke|on|Dec.|16|.")]
    // Dotted initialisms stay whole; numbers keep separators and decimals.
    [InlineData("The U.S. sent 10,000 troops and 1.4 million rounds.", "The|U.S.|sent|10,000|troops|and|1.4|million|rounds|.")]
    // Hyphenated names and the possessive clitic.
    [InlineData("Kim Jong-un's army", "Kim|Jong-un|'s|army")]
    // An apostrophe after a space opens a quote or a name, never a possessive clitic.
    [InlineData("talks in 's-Hertogenbosch ended", "talks|in|'|s-Hertogenbosch|ended")]
    [InlineData("Vostania's 'S-500' launchers", "Vostania|'s|'|S-500|'|launchers")]
    [InlineData("he said ' so be it '", "he|said|'|so|be|it|'")]
    // Ordinals glued to digits are one word; curly quotes are their own tokens.
    [InlineData("the 95th brigade “fake news”", "the|95th|brigade|“|fake|news|”")]
    public void SplitsNewsTextIntoTokens(string text, string expected) =>
        Words(text).Should().Equal(expected.Split('|'));

    [Fact]
    public void DoesNotEndASentenceAfterATitleOrMonthAbbreviation() =>
        Sentences("Maj. Gen. Ryder confirmed it on Dec. 16. North Korea denied it.")
            .Should().Equal("Maj. Gen. Ryder confirmed it on Dec. 16.", "North Korea denied it.");

    [Fact]
    public void KeepsClosingQuoteWithItsSentence() =>
        Sentences("\"We have data,\" he said. \"A significant number.\" Then he left.")
            .Should().Equal("\"We have data,\" he said.", "\"A significant number.\"", "Then he left.");

    [Fact]
    public void EveryLineBreakEndsASentence() =>
        Sentences("A headline without a period\nThe body starts here. It goes on.")
            .Should().Equal("A headline without a period", "The body starts here.", "It goes on.");

    [Fact]
    public void AnInitialismEndsASentenceOnlyBeforeAClearStart() =>
        Sentences("Troops were sent by the U.S. Pentagon officials agreed. They left the U.S. The end.")
            .Should().HaveCount(3);

    [Fact]
    public void APeriodBeforeACommaEndsNoSentence() =>
        Sentences("Crews in Dalby, Tex., cleared the road. They left at dawn.")
            .Should().Equal("Crews in Dalby, Tex., cleared the road.", "They left at dawn.");

    [Fact]
    public void AnUnlistedAbbreviationBeforeACapitalStillEndsASentence() =>
        Sentences("Crews cleared the road near Dalby, Tex. Then they left.")
            .Should().Equal("Crews cleared the road near Dalby, Tex.", "Then they left.");

    [Fact]
    public void TokensKnowTheirSentence()
    {
        var (sentences, tokens) = Tokenizer.Analyze("One two. Three four.");
        sentences.Should().HaveCount(2);
        tokens.Select(t => t.Sentence).Should().Equal(0, 0, 0, 1, 1, 1);
    }

    [Fact]
    public void ARunWithoutAnEndIsCutAtItsLastCommaBeforeTheCap()
    {
        // 17 tokens a clause, no full stop: a feed dumped on one line.
        const string clause = "Crews in Varnholt said 12 families were moved on Friday, according to the county office, ";
        var text = string.Concat(Enumerable.Repeat(clause, 2_000));
        var (sentences, tokens) = Tokenizer.Analyze(text);

        sentences.Should().HaveCountGreaterThanOrEqualTo(tokens.Length / SentenceSplitter.MaxSentenceTokens);
        sentences.Max(s => s.TokenCount).Should().BeLessThanOrEqualTo(SentenceSplitter.MaxSentenceTokens);
        sentences.SkipLast(1).Should().OnlyContain(s => text[s.Span.End - 1] == ',', "each cut falls after a comma, not mid-clause");
        sentences.Sum(s => s.TokenCount).Should().Be(tokens.Length);
        sentences.Zip(sentences.Skip(1)).Should().OnlyContain(p => p.Second.FirstToken == p.First.FirstToken + p.First.TokenCount);
    }

    [Fact]
    public void ARunWithoutAnyCommaIsCutAtTheCap()
    {
        var text = string.Join(' ', Enumerable.Repeat("rescue", SentenceSplitter.MaxSentenceTokens * 2 + 5));
        Sentences(text).Select(s => s.Split(' ').Length)
            .Should().Equal(SentenceSplitter.MaxSentenceTokens, SentenceSplitter.MaxSentenceTokens, 5);
    }

    [Fact]
    public void ALongSentenceUnderTheCapStaysWhole()
    {
        var words = Enumerable.Range(0, SentenceSplitter.MaxSentenceTokens - 60).Select(i => i % 7 == 6 ? "crews," : "crews");
        var text = "The mayor said " + string.Join(' ', words) + " arrived. Then they left.";
        Sentences(text).Should().HaveCount(2);
    }
}
