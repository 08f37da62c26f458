using AngleSharp.Html.Parser;
using Crosscheck.Places;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class LocatorMapTests
{
    private static readonly MapMarker Kursk = new(51.73, 36.19, "Kursk", "exact");
    private static readonly MapMarker Village = new(51.4, 35.3, "Krivobrodsk", "region");

    [Fact]
    public void DrawsEveryMarkerOverTheCountriesOfItsView()
    {
        var svg = LocatorMap.Render([Kursk, Village], WorldOutlines.Default, "Places");
        var doc = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        var map = doc.QuerySelector("svg.map");
        map.Should().NotBeNull();
        doc.QuerySelectorAll("g.marker title").Select(t => t.TextContent).Should().BeEquivalentTo(["Kursk (exact)", "Krivobrodsk (region)"]);
        var countries = doc.QuerySelectorAll("path title").Select(t => t.TextContent).ToList();
        countries.Should().Contain(["Russia", "Ukraine"]).And.NotContain("Brazil");
        // A precise place is a filled dot; a place known only to its region a dashed ring.
        doc.QuerySelectorAll("g.marker circle").Select(c => c.GetAttribute("stroke-dasharray") is null).Should().BeEquivalentTo([true, false]);
    }

    [Fact]
    public void FramesTheFinePlacesNotTheCountryCentres()
    {
        var russiaCentre = new MapMarker(61.5, 105.3, "Russia", "country");
        var svg = LocatorMap.Render([Kursk, russiaCentre], WorldOutlines.Default, "Places");
        var doc = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        doc.QuerySelectorAll("g.marker title").Select(t => t.TextContent).Should().Equal("Kursk (exact)");
        var box = doc.QuerySelector("svg")!.GetAttribute("viewBox")!.Split(' ').Select(double.Parse).ToArray();
        (box[3] / box[2]).Should().BeInRange(0.44, 0.76);
    }

    [Fact]
    public void LabelsAreEscapedText()
    {
        var hostile = new MapMarker(50, 30, "<script>alert(1)</script>\" onload=\"x", "exact");
        var svg = LocatorMap.Render([hostile], WorldOutlines.Default, "<b>title</b>");
        svg.Should().NotContain("<script>").And.NotContain("<b>").And.NotContain("onload=\"x");
        var doc = new HtmlParser().ParseDocument($"<body>{svg}</body>");
        doc.QuerySelector("g.marker text")!.TextContent.Should().Be(hostile.Label);
    }

    [Fact]
    public void NothingToDrawGivesNothing()
    {
        LocatorMap.Render([], WorldOutlines.Default, "Places").Should().BeEmpty();
        LocatorMap.Render([new MapMarker(double.NaN, 10, "x", "exact"), new MapMarker(95, 10, "y", "exact")], WorldOutlines.Default, "Places").Should().BeEmpty();
    }

    [Fact]
    public void TheDossierPageDrawsItsPlacesOnTheMap()
    {
        var doc = new HtmlParser().ParseDocument(HtmlDossierWriter.Render(DossierFixture.Build()));
        doc.QuerySelectorAll("figure.map svg.map").Should().NotBeEmpty();
    }
}
