using Crosscheck.Provenance;
using FluentAssertions;

namespace Crosscheck.Tests.Provenance;

public sealed class RelayFinderTests
{
    private static readonly RelayFinder Finder = new();

    [Theory]
    [InlineData("The port was shelled overnight, Yonhap news agency reported.", "Yonhap")]
    [InlineData("The port was shelled overnight, according to AFP.", "AFP")]
    [InlineData("A senior official told Reuters the talks had stalled.", "Reuters")]
    [InlineData("Citing Interfax, the paper said the talks had stalled.", "Interfax")]
    [InlineData("The talks stalled, the Associated Press reported.", "AP")]
    [InlineData("Prices fell, according to a report by the news agency Xinhua, citing a source.", "Xinhua")]
    [InlineData("The talks stalled (Kyodo).", "Kyodo")]
    [InlineData("The talks stalled, Interfax-Ukraine reported.", "Interfax-Ukraine")]
    [InlineData("Переговоры зашли в тупик, сообщает ТАСС.", "TASS")]
    [InlineData("Переговори зайшли в глухий кут, як повідомляє Укрінформ.", "Ukrinform")]
    public void Named_agencies_next_to_a_cue_are_relays(string text, string agency)
    {
        Finder.Find(text).Should().Contain(agency);
    }

    [Theory]
    [InlineData("Reuters is headquartered in London and employs many journalists.")]
    [InlineData("The AP style guide was updated last year.")]
    [InlineData("The river was named after the Afp family long ago.")]
    [InlineData("An ap-proved plan was told to staff.")]
    public void Agency_names_without_a_relay_cue_are_not_relays(string text)
    {
        Finder.Find(text).Should().BeEmpty();
    }

    [Fact]
    public void Unnamed_agency_copy_is_recorded()
    {
        Finder.Find("The ministry told agencies that talks would resume.").Should().Equal(RelayFinder.UnnamedAgencies);
    }

    [Fact]
    public void Relays_are_listed_once_in_order_of_first_mention()
    {
        var text = "Shelling continued, Ukrinform reported.\nA spokesman told AFP the line held.\nUkrinform reported more later.";
        Finder.Find(text).Should().Equal("Ukrinform", "AFP");
    }

    [Fact]
    public void Table_is_data_and_a_custom_table_is_honoured()
    {
        WireAgencyTable.Default.Agencies.Should().Contain(a => a.Name == "TASS" && a.Aliases.Contains("ITAR-TASS"));
        var custom = WireAgencyTable.Parse(new StringReader("# comment\nHarbour Wire\tHarbour Wire|HW\tXX\n"));
        new RelayFinder(custom).Find("The strike ended, Harbour Wire reported; HW said more.").Should().Equal("Harbour Wire");
        new RelayFinder(custom).Find("The strike ended, AFP reported.").Should().BeEmpty();
    }

    [Fact]
    public void An_agency_the_table_lacks_is_named_by_its_own_last_words()
    {
        Finder.Find("On Monday Baltic News Service reported that the port had reopened.").Should().Contain("Baltic News Service");
        Finder.Find("The strike ended, Meridian Press Agency reported.").Should().Contain("Meridian Press Agency");
    }

    [Fact]
    public void A_body_called_an_agency_is_a_source_not_a_wire()
    {
        Finder.Find("Inspectors were refused access, the International Atomic Energy Agency said.").Should().BeEmpty();
        RelayFinder.NamesAnAgency("International Atomic Energy Agency").Should().BeFalse();
        RelayFinder.NamesAnAgency("Baltic News Service").Should().BeTrue();
    }

    [Fact]
    public void A_long_hyphenated_capitalised_run_costs_linear_time()
    {
        var run = string.Join("-", Enumerable.Repeat("Alpha", 40_000)) + " News Service reported.";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Finder.Find(run);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "a quadratic scan of 240,000 characters takes minutes");
    }
}
