using Crosscheck.Provenance;
using FluentAssertions;

namespace Crosscheck.Tests.Provenance;

public sealed class OutletResolverTests
{
    private static readonly WireAgencyTable Table = WireAgencyTable.Default;

    [Fact]
    public void Evidence_is_taken_in_order_of_directness()
    {
        OutletResolver.Resolve("Given Outlet", "Prefix Outlet", "https://www.site.example/a", "", Table).Should().Be("Given Outlet");
        OutletResolver.Resolve(null, "Prefix Outlet", "https://www.site.example/a", "", Table).Should().Be("Prefix Outlet");
        OutletResolver.Resolve(null, null, "https://www.site.example/a", "", Table).Should().Be("site.example");
    }

    [Fact]
    public void Report_naming_itself_gives_the_outlet_but_agencies_and_governments_do_not()
    {
        OutletResolver.SelfReference("The Harbour Times could not independently verify the claim.", Table).Should().Be("The Harbour Times");
        OutletResolver.SelfReference("Reuters could not independently verify the claim.", Table).Should().BeNull();
        OutletResolver.SelfReference("The Pentagon could not confirm the claim.", Table).Should().BeNull();
    }
}
