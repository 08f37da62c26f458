using Crosscheck.Copies;
using FluentAssertions;

namespace Crosscheck.Tests.Copies;

public class CopyDetectorTests
{
    // Invented dispatch and an invented independent report of the same invented event.
    private const string Dispatch =
        "Flood waters rose overnight in the river town of Belmora, forcing about 1,200 residents to leave their homes, the regional emergency service said on Tuesday. " +
        "Rescue teams in boats reached the old quarter before dawn and carried out 37 people who had been trapped on upper floors, according to the service. " +
        "Mayor Ilse Vantongeren said the town had not seen such a flood since 1987 and asked volunteers to bring sandbags to the northern embankment. " +
        "Forecasters expect more rain on Wednesday, and the water authority warned that the dam upstream at Karvell was close to its limit. " +
        "Schools will stay closed until Friday, the education office said, while two shelters opened in the sports hall and the railway depot.";

    private const string Independent =
        "Residents of Belmora spent the night on rooftops as the river burst its banks, and many said help came late. " +
        "A shopkeeper in the old quarter told our reporter that water reached the first floor within an hour. " +
        "The mayor, Ilse Vantongeren, defended the response, saying crews had worked without a break since the evening. " +
        "Engineers at the Karvell dam were checking the structure, and a decision on releasing water is expected soon. " +
        "Volunteers filled sandbags along the northern embankment while shelters in the sports hall filled up.";

    private static CopyInput Report(string id, string text, DateOnly? published = null, string[]? relays = null, string? outlet = null, string language = "en") =>
        new(id, text, published, relays ?? [], outlet, null, language);

    private static readonly DateOnly Day = new(2025, 3, 4);

    [Fact]
    public void TypographyAndAPrefixDoNotHideACopy()
    {
        var copy = "(Meridian Wire) " + Dispatch.Replace(" ", "\u00A0", StringComparison.Ordinal).Replace("emergency", "emer\u00ADgency", StringComparison.Ordinal)
            .Replace("town", "to\u200Bwn", StringComparison.Ordinal) + " Photo: staff.";
        var analysis = new CopyDetector().Detect([Report("b", copy, Day.AddDays(1)), Report("a", Dispatch, Day), Report("c", Independent, Day)]);
        analysis.For("b")!.Status.Should().Be(CopyStatus.Copy);
        analysis.For("b")!.CopyOf.Should().Be("a");
        analysis.For("a")!.Status.Should().Be(CopyStatus.Original);
        analysis.For("c")!.Status.Should().Be(CopyStatus.Original, "a report of the same event in its own words is not a copy");
        analysis.GroupOf("b").Should().Be(analysis.GroupOf("a")).And.NotBe(analysis.GroupOf("c"));
    }

    [Fact]
    public void TheOriginalIsTheEarliestPublishedAndTiesGoByIdWhateverTheInputOrder()
    {
        var reports = new[] { Report("z", Dispatch, Day), Report("m", Dispatch, Day), Report("k", Dispatch, Day.AddDays(1)), Report("u", Dispatch) };
        var forward = new CopyDetector().Detect(reports);
        var backward = new CopyDetector().Detect([.. reports.Reverse()]);
        forward.For("m")!.Status.Should().Be(CopyStatus.Original);
        foreach (var id in (string[])["z", "k", "u"])
        {
            forward.For(id)!.CopyOf.Should().Be("m");
            backward.For(id).Should().Be(forward.For(id));
        }
    }

    [Fact]
    public void ACutCopyIsContainedInItsOriginal()
    {
        var sentences = Dispatch.Split(". ");
        var cut = string.Join(". ", sentences.Take(3)) + ".";
        var analysis = new CopyDetector().Detect([Report("full", Dispatch, Day), Report("cut", cut, Day.AddDays(1))]);
        analysis.For("cut")!.Status.Should().Be(CopyStatus.Copy);
    }

    [Fact]
    public void PartialOverlapWithTheSameWireAgencyIsARewriteWithoutItNothing()
    {
        var sentences = Dispatch.Split(". ");
        var rewrite = sentences[0] + ". " + Independent + " " + sentences[3] + ".";
        var withWire = new CopyDetector().Detect([
            Report("wire", Dispatch, Day, ["Reuters"]),
            Report("rewrite", rewrite, Day.AddDays(1), ["Reuters"]),
        ]);
        withWire.For("rewrite")!.Status.Should().Be(CopyStatus.Rewrite);
        withWire.For("rewrite")!.Wire.Should().Be("Reuters");
        withWire.For("rewrite")!.CopyOf.Should().Be("wire");

        var withoutWire = new CopyDetector().Detect([Report("wire", Dispatch, Day), Report("rewrite", rewrite, Day.AddDays(1))]);
        withoutWire.For("rewrite")!.Status.Should().Be(CopyStatus.Original);
    }

    [Fact]
    public void ATranslationIsFoundThroughItsNamesAndNumbers()
    {
        const string english =
            "Officials in Chernivka said 48 people were hurt when a fuel depot caught fire near Sosnivka on Sunday. " +
            "Governor Oleh Tkachenko said 312 firefighters worked through the night, and 1,450 residents of Chernivka were moved to Rivne. " +
            "Damage was estimated at 2,300 square metres, Tkachenko added, and the Sosnivka road stays closed.";
        const string ukrainian =
            "У Чернівці повідомили, що 48 людей постраждали під час пожежі на нафтобазі біля Соснівки в неділю. " +
            "Голова області Олег Ткаченко сказав, що 312 рятувальників працювали всю ніч, а 1 450 мешканців Чернівки перевезли до Рівного. " +
            "Збитки оцінили у 2 300 квадратних метрів, додав Ткаченко, а дорога на Соснівку закрита.";
        var analysis = new CopyDetector().Detect([
            Report("en", english, Day, language: "en"),
            Report("uk", ukrainian, Day.AddDays(1), language: "uk"),
            Report("other", Independent, Day, language: "de"),
        ]);
        analysis.For("uk")!.Status.Should().Be(CopyStatus.Translation);
        analysis.For("uk")!.CopyOf.Should().Be("en");
        analysis.For("other")!.Status.Should().Be(CopyStatus.Original);
    }

    [Fact]
    public void FamiliesComeFromTheOwnerTableAndFromASyndicationFeedCopiesPassedThrough()
    {
        var analysis = new CopyDetector().Detect([
            Report("owner", Independent, Day, outlet: "Hindustan Times"),
            Report("origin", Dispatch, Day, outlet: "Belmora Courier"),
            Report("feed", Dispatch + " Distributed by a feed.", Day.AddDays(1), relays: ["MENAFN"], outlet: "Belmora Courier"),
        ]);
        analysis.For("owner")!.Family.Should().Be("HT Media");
        analysis.For("feed")!.Family.Should().Be("MENAFN");
        analysis.For("origin")!.Family.Should().Be("MENAFN", "its copy went out through the feed");
    }

    [Fact]
    public void TextWithoutWordsIsAnOriginalOfItsOwn()
    {
        var analysis = new CopyDetector().Detect([Report("empty", "", Day), Report("symbols", "—— ** ——", Day), Report("a", Dispatch, Day)]);
        analysis.Verdicts.Values.Should().OnlyContain(v => v.Status == CopyStatus.Original);
    }

    [Fact]
    public void ManyCopiesOfOneTextAllPointToTheFirst()
    {
        var reports = Enumerable.Range(0, 300).Select(i => Report($"r{i:D3}", Dispatch + $" Edition {i}.", Day)).ToList();
        var analysis = new CopyDetector().Detect(reports);
        analysis.Verdicts.Values.Count(v => v.Status == CopyStatus.Copy).Should().Be(299);
        analysis.Verdicts.Values.Where(v => v.Status == CopyStatus.Copy).Should().OnlyContain(v => v.CopyOf == "r000");
    }
}
