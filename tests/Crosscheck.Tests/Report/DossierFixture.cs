using System.Collections.Immutable;
using Crosscheck.Report;

namespace Crosscheck.Tests.Report;

/// <summary>
/// A small hand-built dossier about an invented dam breach, with every optional field set at
/// least once, and a second copy whose strings are hostile (markup, quotes, script URLs).
/// Offsets are computed from the texts, so the evidence always quotes the intended words.
/// </summary>
internal static class DossierFixture
{
    public const string CourierText =
        "Harlow, Saturday - The Tessel dam gave way before dawn, the regional water authority (RWA) said.\n\n" +
        "At least 14 people were killed or injured in the village of Brannock, the RWA said.\n\n" +
        "The flooded area covers 38 square kilometres, down from 52 square kilometres on Friday.";

    public const string PostText =
        "The Tessel reservoir dam failed on Saturday, according to the Regional Water Authority.\n\n" +
        "At least 14 people were killed or injured, the authority said, a figure the Valley Post could not verify.\n\n" +
        "Mayor Ilse Varnholt denied that warnings had been ignored.";

    public static Evidence Ev(string articleId, string text, string words, int occurrence = 0)
    {
        var index = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(words, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException($"'{words}' is not in the text of {articleId}");
        }
        return new Evidence(articleId, index, index + words.Length);
    }

    public static Dossier Build() => Build(courierTitle: "Dam gives way above Brannock", postUrl: "https://valley-post.example/tessel-dam");

    /// <summary>The same dossier with hostile strings in titles, names, URLs and report text.</summary>
    public static Dossier BuildHostile()
    {
        var dossier = Build(
            courierTitle: "<script>alert('t')</script> Dam \" onerror=\"alert(1)",
            postUrl: "javascript:alert(document.cookie)");
        var hostileText = "<img src=x onerror=alert(1)> Tessel & \"Brannock\" </mark></div><script>fetch('http://evil.example/x')</script>";
        var hostile = dossier.Articles[0] with
        {
            Id = "x\" id=\"evil",
            Outlet = "<b>Evil</b> Outlet",
            Byline = "' onmouseover='alert(2)",
            Url = "http://evil.example/\"><script>alert(3)</script>",
            Text = hostileText,
            Removed = [new DossierRemoved("<iframe src=\"https://evil.example\"></iframe>", "photo credit <em>")],
        };
        var claim = dossier.Claims[0] with
        {
            Id = "c-evil",
            Content = "</td><script>alert(4)</script>",
            Status = "claimed\" onclick=\"alert(5)",
            SpeakerText = "<svg onload=alert(6)>",
            Speaker = null,
            Evidence = [Ev(hostile.Id, hostileText, "<script>fetch('http://evil.example/x')</script>")],
            Articles = [hostile.Id],
            Origins = [],
        };
        var story = dossier.Stories[0] with { Title = "<h1>Hijacked</h1>", Articles = [.. dossier.Stories[0].Articles, hostile.Id] };
        return dossier with
        {
            Articles = [.. dossier.Articles, hostile],
            Stories = [story, .. dossier.Stories.Skip(1)],
            Claims = [.. dossier.Claims, claim],
        };
    }

    private static Dossier Build(string courierTitle, string postUrl)
    {
        var courier = new DossierArticle
        {
            Id = "harbor-courier-01",
            Outlet = "Harbor Courier",
            Url = "https://harbor-courier.example/news/tessel",
            Title = courierTitle,
            Byline = "Mara Quell",
            Dateline = "Harlow, Saturday",
            Relays = ["Meridian Press Agency"],
            Published = "2025-03-16",
            PublishedHow = "given",
            PublishedExplanation = "seed header",
            Language = "en",
            LanguageConfidence = 0.98,
            Text = CourierText,
            Removed = [new DossierRemoved("Photo: Harbor Courier staff", "photo credit"), new DossierRemoved("Read also: Ferry fares rise", "read-also line")],
        };
        var post = new DossierArticle
        {
            Id = "valley-post-02",
            Outlet = "Valley Post",
            Url = postUrl,
            Title = "Tessel dam failure: what we know",
            Published = "2025-03-17",
            PublishedHow = "inferred",
            PublishedExplanation = "\"on Saturday\" and the dateline match Monday 17 March",
            Language = "en",
            LanguageConfidence = 0.95,
            Text = PostText,
        };
        var undated = new DossierArticle
        {
            Id = "ferry-03",
            Outlet = "Valley Post",
            PublishedHow = "unknown",
            Language = "und",
            Text = "Ferry fares rise again.",
        };

        var rwa = new DossierEntity
        {
            Id = "e-rwa",
            Type = "organization",
            Name = "Regional Water Authority",
            Aliases = ["RWA", "regional water authority"],
            Mentions = [Ev(courier.Id, CourierText, "regional water authority"), Ev(courier.Id, CourierText, "RWA", 1), Ev(post.Id, PostText, "Regional Water Authority")],
        };
        var mayor = new DossierEntity
        {
            Id = "e-varnholt",
            Type = "person",
            Name = "Ilse Varnholt",
            Mentions = [Ev(post.Id, PostText, "Ilse Varnholt")],
        };
        var brannock = new DossierEntity
        {
            Id = "e-brannock",
            Type = "place",
            Name = "Brannock",
            Mentions = [Ev(courier.Id, CourierText, "Brannock")],
            Place = new DossierPlace(52.5123, -3.3101, 9_999_001, "nearby") { Country = "GB", Admin1 = "Wales" },
        };
        var tessel = new DossierEntity
        {
            Id = "e-tessel",
            Type = "place",
            Name = "Tessel dam",
            Mentions = [Ev(courier.Id, CourierText, "Tessel dam")],
            Place = new DossierPlace(52.5, -3.3, null, "region"),
        };

        var casualties = new DossierClaim
        {
            Id = "c1",
            Story = "s1",
            Speaker = rwa.Id,
            SpeakerText = "the RWA",
            Cue = "said",
            Content = "At least 14 people were killed or injured",
            Kind = "indirectSpeech",
            Status = "claimed",
            Evidence = [Ev(courier.Id, CourierText, "At least 14 people were killed or injured in the village of Brannock"), Ev(post.Id, PostText, "At least 14 people were killed or injured")],
            Articles = [courier.Id, post.Id],
            Origins = [rwa.Id],
            IndependentOrigins = 1,
            Corroboration = "single origin, relayed by 2 reports",
        };
        var unverified = new DossierClaim
        {
            Id = "c2",
            Story = "s1",
            SpeakerText = "the Valley Post",
            Cue = "could not verify",
            Content = "a figure the Valley Post could not verify",
            Kind = "other",
            Status = "unverified",
            Evidence = [Ev(post.Id, PostText, "a figure the Valley Post could not verify")],
            Articles = [post.Id],
            IndependentOrigins = 0,
        };
        var denial = new DossierClaim
        {
            Id = "c3",
            Story = "s1",
            Speaker = mayor.Id,
            SpeakerText = "Mayor Ilse Varnholt",
            Cue = "denied",
            Content = "warnings had been ignored",
            Kind = "indirectSpeech",
            Status = "denied",
            Evidence = [Ev(post.Id, PostText, "Mayor Ilse Varnholt denied that warnings had been ignored")],
            Articles = [post.Id],
            Origins = [mayor.Id],
            IndependentOrigins = 1,
            Corroboration = "single origin",
        };

        var flood = new DossierEvent
        {
            Id = "ev1",
            Story = "s1",
            Type = "Strategic developments",
            SubType = "Disrupted infrastructure",
            Date = "2025-03-15",
            Place = brannock.Id,
            Actor1 = "Regional Water Authority",
            Actor2 = "Residents of Brannock",
            Fatalities = 2,
            Wounded = 12,
            KilledOrWounded = 14,
            Evidence = [Ev(courier.Id, CourierText, "The Tessel dam gave way before dawn")],
            Articles = [courier.Id, post.Id],
            Claims = [casualties.Id],
            Note = "toll is a lower bound",
        };

        return new Dossier
        {
            ReferenceDate = new DateOnly(2025, 3, 20),
            Articles = [courier, post, undated],
            Stories =
            [
                new DossierStory("s1", "Tessel dam breach", [courier.Id, post.Id]) { Explanation = "Both reports name the Tessel dam and Brannock within two days." },
                new DossierStory("s2", "Ferry fares", [undated.Id]),
            ],
            Entities = [rwa, mayor, brannock, tessel],
            Times =
            [
                new DossierTime(courier.Id, CourierText.IndexOf("Saturday", StringComparison.Ordinal), CourierText.IndexOf("Saturday", StringComparison.Ordinal) + 8, "Saturday", "date", "2025-03-15"),
                new DossierTime(courier.Id, CourierText.IndexOf("Friday", StringComparison.Ordinal), CourierText.IndexOf("Friday", StringComparison.Ordinal) + 6, "Friday", "date", "2025-03-14"),
            ],
            Quantities =
            [
                Quantity(courier.Id, CourierText, "At least 14", 14, null, "person", "people", "killedOrWounded"),
                Quantity(post.Id, PostText, "At least 14", 14, null, "person", "people", "killedOrWounded"),
                Quantity(courier.Id, CourierText, "38 square kilometres", 38, 38, "km2", null, null),
                Quantity(courier.Id, CourierText, "52 square kilometres", 52, 52, "km2", null, null),
            ],
            Claims = [casualties, unverified, denial],
            Events = [flood],
            Contradictions =
            [
                new DossierContradiction
                {
                    Id = "k1",
                    Story = "s1",
                    Kind = "change",
                    Claims = [casualties.Id],
                    Explanation = "The flooded area shrank from 52 to 38 square kilometres between Friday and Saturday: a change over time, not a disagreement.",
                    Evidence = [Ev(courier.Id, CourierText, "down from 52 square kilometres on Friday")],
                },
            ],
            Timeline =
            [
                new DossierTimelineEntry
                {
                    Story = "s1",
                    Date = "2025-03-15",
                    DisplayDate = "15 Mar 2025",
                    Text = "The Tessel dam gives way before dawn.",
                    Claims = [casualties.Id],
                    Events = [flood.Id],
                    Evidence = [Ev(courier.Id, CourierText, "The Tessel dam gave way before dawn")],
                },
                new DossierTimelineEntry
                {
                    Story = "s1",
                    Date = "2025-03-14",
                    DisplayDate = "14 Mar 2025",
                    Text = "Flooded area put at 52 square kilometres.",
                    Evidence = [Ev(courier.Id, CourierText, "52 square kilometres on Friday")],
                },
            ],
        };
    }

    private static DossierQuantity Quantity(string article, string text, string words, double? min, double? max, string unit, string? counted, string? casualty)
    {
        var e = Ev(article, text, words);
        return new DossierQuantity(article, e.Start, e.End, words, min, max, unit) { Counted = counted, Casualty = casualty };
    }
}
