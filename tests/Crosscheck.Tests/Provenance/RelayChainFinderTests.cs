using Crosscheck.Provenance;
using FluentAssertions;

namespace Crosscheck.Tests.Provenance;

public sealed class RelayChainFinderTests
{
    private static List<string[]> Chains(string text) => [.. new RelayChainFinder().Find(text).Select(c => c.ToArray())];

    [Fact]
    public void Outlet_citing_a_unit_is_a_two_link_chain()
    {
        Chains("The Kyiv Independent reported on Sunday, citing a drone unit of the border guard, that the bridge was hit.")
            .Should().ContainSingle().Which.Should().Equal("Kyiv Independent", "a drone unit of the border guard");
    }

    [Fact]
    public void Chains_run_through_every_citing_cue_in_order()
    {
        Chains("Yonhap reported, citing Ukrainska Pravda, which cited information from the regional governor, that two villages were shelled.")
            .Should().ContainSingle().Which.Should().Equal("Yonhap", "Ukrainska Pravda", "the regional governor");
        Chains("According to AFP, which quoted Interfax, the talks stalled.")
            .Should().ContainSingle().Which.Should().Equal("AFP", "Interfax");
    }

    [Fact]
    public void Russian_and_ukrainian_cues_name_the_next_link()
    {
        Chains("Как сообщает ТАСС со ссылкой на Минобороны, удар был нанесён ночью.")
            .Should().ContainSingle().Which.Should().Equal("TASS", "Минобороны");
    }

    [Fact]
    public void A_speaker_who_told_an_agency_or_agencies_is_the_next_link()
    {
        Chains("A Ukrainian drone commander told AFP that the column was hit twice.")
            .Should().ContainSingle().Which.Should().Equal("AFP", "A Ukrainian drone commander");
        Chains("Later, the regional governor told agencies the bridge would reopen.")
            .Should().ContainSingle().Which.Should().Equal(RelayFinder.UnnamedAgencies, "the regional governor");
        Chains("He told Reuters the talks had stalled.").Should().BeEmpty("a pronoun names nobody");
    }

    [Fact]
    public void A_single_relay_or_a_cue_without_a_relay_is_no_chain()
    {
        Chains("Reuters reported that the port reopened.").Should().BeEmpty();
        Chains("Officials, citing safety, closed the bridge.").Should().BeEmpty();
        Chains("").Should().BeEmpty();
    }

    [Fact]
    public void A_long_line_without_sentence_ends_is_read_in_bounded_time()
    {
        var text = string.Concat(Enumerable.Repeat("Reuters citing Reuters citing ", 20_000));
        var chains = Chains(text);
        chains.Should().HaveCountLessThanOrEqualTo(1);
    }
}
