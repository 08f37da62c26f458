using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Provenance;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

/// <summary>The one relay-cue list both chain readers use. Invented sentences.</summary>
public class RelayCuesTests
{
    private static ImmutableArray<Attribution> Claims(string text)
    {
        var article = new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" });
        var context = new AnalysisContext(new DateOnly(2024, 12, 16));
        return new AttributionStage().Process(new TextStage().Process(article, context), context).Get(Layers.Claims);
    }

    [Fact]
    public void The_embedded_list_has_verb_and_phrase_cues_in_several_languages()
    {
        var cues = RelayCues.Default.All;
        cues.Should().Contain(c => c.Phrase == "citing" && c.Role == RelayCueRole.Verb);
        cues.Should().Contain(c => c.Phrase == "according to" && c.Role == RelayCueRole.Phrase);
        cues.Select(c => c.Language).Distinct().Should().Contain(["en", "ru", "uk"]);
        cues.Should().OnlyHaveUniqueItems(c => c.Phrase);
    }

    [Fact]
    public void Every_verb_cue_links_a_chain_in_both_readers()
    {
        foreach (var cue in RelayCues.Default.All.Where(c => c.Role == RelayCueRole.Verb && c.Language == "en"))
        {
            // A participle opens an aside ("citing X,"); a past form follows a relative pronoun ("which cited X").
            bool participle = cue.Phrase.EndsWith("ing", StringComparison.Ordinal);
            var text = participle
                ? $"Yonhap reported, {cue.Phrase} the Harbour Courier, that two ferries were held."
                : $"Yonhap reported, citing the Harbour Courier, which {cue.Phrase} a border unit, that two ferries were held.";
            string[] relays = participle ? ["Yonhap", "the Harbour Courier"] : ["Yonhap", "the Harbour Courier", "a border unit"];
            string[] cited = participle ? ["the Harbour Courier"] : ["a border unit", "the Harbour Courier"];
            new RelayChainFinder().Find(text).Should().ContainSingle(cue.Phrase).Which.Should().Equal(relays, cue.Phrase);
            var claim = Claims(text).Should().ContainSingle(cue.Phrase).Subject;
            claim.CitedSpans.Select(s => s.Of(text)).Should().Equal(cited, cue.Phrase);
            claim.Content.Of(text).Should().Be("two ferries were held", cue.Phrase);
        }
    }

    [Fact]
    public void A_cue_matches_only_whole_words_and_the_longest_phrase_wins()
    {
        var text = "The mayor was cited by the Valley Post, reciting numbers.";
        var (_, tokens) = Tokenizer.Analyze(text);
        var view = new TokenView(text, tokens);
        int cited = tokens.ToList().FindIndex(t => t.Span.Of(text) == "cited");
        int reciting = tokens.ToList().FindIndex(t => t.Span.Of(text) == "reciting");
        RelayCues.Default.MatchAt(view, cited, RelayCueRole.Phrase).Should().Be(cited + 1, "\"cited by\" is one phrase");
        RelayCues.Default.MatchAt(view, cited, RelayCueRole.Verb).Should().Be(cited);
        RelayCues.Default.MatchAt(view, reciting, RelayCueRole.Verb).Should().Be(-1);
    }

    [Fact]
    public void The_raw_text_scan_reads_cues_as_whole_words_only()
    {
        // "reciting" and "excited" hold "citing" and "cited": the raw scan must not read a cue inside them.
        new RelayChainFinder().Find("Yonhap reported that a clerk, reciting the Harbour Courier line by line, was excited.")
            .Should().BeEmpty();
        new RelayChainFinder().Find("Yonhap reported that a clerk, citing the Harbour Courier, was held.")
            .Should().ContainSingle().Which.Should().Equal("Yonhap", "the Harbour Courier");
    }

    [Fact]
    public void A_bare_past_tense_cue_is_the_subjects_own_verb_not_a_relay()
    {
        new RelayChainFinder().Find("Yonhap reported that the ministry cited rising costs for the delay.").Should().BeEmpty();
        new RelayChainFinder().Find("Yonhap reported that the port had quoted higher fees to shippers.").Should().BeEmpty();
        new RelayChainFinder().Find("Yonhap reported, citing the Harbour Courier, which cited a border unit, that ferries were held.")
            .Should().ContainSingle().Which.Should().Equal("Yonhap", "the Harbour Courier", "a border unit");
    }
}
