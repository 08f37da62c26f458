using Crosscheck.Crosschecking;
using FluentAssertions;

namespace Crosscheck.Tests.Crosschecking;

public class MediaSourcesTests
{
    [Theory]
    [InlineData("Yonhap news agency", true)]
    [InlineData("the news agency AFP", true)]
    [InlineData("Reuters", true)]
    [InlineData("Ukrainska Pravda", true)]
    [InlineData("state television", true)]
    [InlineData("Ukraine's military intelligence", false)]
    [InlineData("Kyiv", false)]
    [InlineData("an independent monitor", false)]
    [InlineData("Japan's defence ministry", false)]
    [InlineData("President Volodymyr Zelensky", false)]
    [InlineData("the civil protection agency", false)]
    [InlineData("the Meridian Press Agency", true)]
    public void Tells_relays_from_primary_sources(string speaker, bool relay) =>
        MediaSources.IsMedia(speaker, ["Kyiv Independent"]).Should().Be(relay);

    [Fact]
    public void An_outlet_the_report_names_as_its_source_is_a_relay() =>
        MediaSources.IsMedia("the Harbour Courier", ["Harbour Courier"]).Should().BeTrue();
}
