using Crosscheck.Crosschecking;
using FluentAssertions;

namespace Crosscheck.Tests.Crosschecking;

public class ChainLinkTests
{
    [Theory]
    [InlineData("Yonhap news agency", "Yonhap", true)]
    [InlineData("Ukrainska Pravda", "ukrainska pravda", true)]
    [InlineData("the Zaporizhzhia regional administration", "AP", false)]
    [InlineData("Syria", "RIA", false)]
    [InlineData("the RIA agency", "RIA", true)]
    public void Chain_links_are_the_same_when_one_names_the_other_in_whole_words(string a, string b, bool same) =>
        DossierAssembler.IsSameLink(a, b).Should().Be(same);
}
