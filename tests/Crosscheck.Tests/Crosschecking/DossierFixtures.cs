using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Quantities;

namespace Crosscheck.Tests.Crosschecking;

/// <summary>
/// Invented reports of one invented story (Velmar troops in Orland's Tarsk region), written to
/// exercise each cross-report behaviour: one origin carried by a relay and two reports, figures
/// in different units that agree, a figure superseding an earlier one, a denial against a
/// refusal to confirm, and one event told by two reports.
/// </summary>
internal static class DossierFixtures
{
    public const string Directorate = "Military Intelligence Directorate";

    public static NameEntityLinker Linker() => new([Directorate, "intelligence directorate"]);

    public static AnalyzedArticle First() =>
        new ArticleBuilder("r1",
            "Orland's military intelligence directorate said on Monday that at least 40 Velmar soldiers were killed or wounded near the villages of Dorvik and Kessa in the Tarsk region on March 3 and March 4. " +
            "Orland's forces control 600 square kilometres of the Tarsk region, down from previous claims of around 1,100 square kilometres, according to a February report. " +
            "Velmar dismissed reports about the troop deployment as fake news.")
            .Titled("Velmar losses reported in Tarsk region")
            .Outlet("Harbour Times")
            .Published(2031, 3, 6)
            .Entity("Orland's military intelligence directorate", EntityType.Organization, Directorate)
            .Entity("Velmar", EntityType.Place)
            .Entity("Velmar", EntityType.Place, occurrence: 2)
            .Place("Dorvik", 51.20, 35.30, 9000001, "OR")
            .Place("Tarsk", 51.70, 36.20, 9000002, "OR")
            .Time("March 3", "2031-03-03")
            .Time("March 4", "2031-03-04")
            .Quantity("at least 40", 40, null, "", "soldiers", CasualtyKind.KilledOrWounded)
            .Quantity("600 square kilometres", 600, 600, "square kilometre", "territory")
            .Quantity("1,100 square kilometres", 1100, 1100, "km2")
            .Claim("Orland's military intelligence directorate", "said",
                "at least 40 Velmar soldiers were killed or wounded near the villages of Dorvik and Kessa in the Tarsk region on March 3 and March 4",
                ClaimStatus.Asserted, Directorate)
            .Claim(null, "according to", "Orland's forces control 600 square kilometres of the Tarsk region", ClaimStatus.Asserted, kind: AttributionKind.AccordingTo)
            .Claim("Velmar dismissed", "dismissed", "reports about the troop deployment", ClaimStatus.Denied, "Velmar")
            .Build();

    public static AnalyzedArticle Second() =>
        new ArticleBuilder("r2",
            "Nordpress news agency reported, citing the intelligence directorate, that at least 40 Velmar soldiers were killed or wounded in the Tarsk region on March 3 and March 4. " +
            "A military source told Nordpress last month that Orland still controlled some 230 square miles of the Tarsk region. " +
            "Velmar has neither confirmed nor denied the troop deployment. " +
            "Shelling hit a grain depot near Dorvik on March 4.")
            .Titled("Tarsk: Velmar soldiers killed or wounded, Orland says")
            .Outlet("Eastwire Daily")
            .Relays("Nordpress")
            .Published(2031, 3, 6)
            .Entity("Nordpress news agency", EntityType.Organization, "Nordpress")
            .Entity("intelligence directorate", EntityType.Organization)
            .Entity("Velmar", EntityType.Place)
            .Entity("Velmar", EntityType.Place, occurrence: 2)
            .Place("Tarsk", 51.70, 36.20, 9000002, "OR")
            .Place("Dorvik", 51.20, 35.30, 9000001, "OR")
            .Time("March 3", "2031-03-03")
            .Time("March 4", "2031-03-04")
            .Time("March 4", "2031-03-04", occurrence: 2)
            .Quantity("at least 40", 40, null, "", "soldiers", CasualtyKind.KilledOrWounded)
            .Quantity("230 square miles", 230, 230, "square mile", "Tarsk region")
            .Claim("Nordpress news agency", "reported",
                "at least 40 Velmar soldiers were killed or wounded in the Tarsk region on March 3 and March 4", ClaimStatus.Asserted, "Nordpress")
            .Claim("A military source", "told", "Orland still controlled some 230 square miles of the Tarsk region")
            .Claim("Velmar", "has neither confirmed nor denied", "the troop deployment", ClaimStatus.Unverified, "Velmar")
            .Event("Shelling hit a grain depot near Dorvik on March 4", "Explosions/Remote violence", "2031-03-04", "Dorvik")
            .Build();

    public static AnalyzedArticle Third() =>
        new ArticleBuilder("r3",
            "At least 40 Velmar soldiers were killed or wounded near Dorvik in the Tarsk region on March 3 and March 4, the military intelligence directorate of Orland said on its channel. " +
            "Velmar troops shelled a grain depot near Dorvik on March 4, the directorate said.")
            .Published(2031, 3, 7)
            .Entity("military intelligence directorate of Orland", EntityType.Organization, Directorate)
            .Entity("Velmar", EntityType.Place)
            .Place("Dorvik", 51.20, 35.30, 9000001, "OR")
            .Place("Tarsk", 51.70, 36.20, 9000002, "OR")
            .Time("March 3", "2031-03-03")
            .Time("March 4", "2031-03-04")
            .Time("March 4", "2031-03-04", occurrence: 2)
            .Quantity("At least 40", 40, null, "", "soldiers", CasualtyKind.KilledOrWounded)
            .Claim("the military intelligence directorate of Orland", "said",
                "At least 40 Velmar soldiers were killed or wounded near Dorvik in the Tarsk region on March 3 and March 4", ClaimStatus.Asserted, Directorate)
            .Event("Velmar troops shelled a grain depot near Dorvik on March 4", "Explosions/Remote violence", "2031-03-04", "Dorvik", "Velmar")
            .Build();

    /// <summary>An unrelated report that must end up in a story of its own.</summary>
    public static AnalyzedArticle Unrelated() =>
        new ArticleBuilder("r4",
            "The city council of Bramford approved a new cycling lane along the harbour promenade, the mayor announced. " +
            "Cyclists and shop owners welcomed the plan, which the council will fund from its transport budget.")
            .Titled("Bramford approves harbour cycling lane")
            .Published(2031, 3, 6)
            .Build();
}
