using System.Text.RegularExpressions;

namespace Crosscheck.Provenance;

/// <summary>
/// Names the outlet that published a report, from the most to the least direct evidence: the
/// input's own source field (JSON source_domain, HTML og:site_name), the outlet an agency prefix
/// names ("(MENAFN- Live Mint)" -> Live Mint), the URL's domain, and last the report naming
/// itself ("The Kyiv Independent could not confirm ...").
/// </summary>
public static partial class OutletResolver
{
    /// <summary>Words that make a capitalised name a news outlet rather than a government or a person.</summary>
    private static readonly HashSet<string> MediaWords = new(StringComparer.Ordinal)
    {
        "Independent", "Times", "Post", "News", "Pravda", "Herald", "Journal", "Guardian", "Telegraph", "Mint", "Express",
        "Tribune", "Daily", "Gazette", "Insider", "Press", "Review", "Monitor", "Observer", "Standard", "Star", "Mail",
        "Today", "Chronicle", "Register", "Globe", "Sun", "Mirror", "Courier", "Reporter", "Wire", "Media", "Radio",
        "Television", "TV", "Magazine", "Newsweek", "Economist", "Bulletin", "Dispatch", "Inquirer", "Sentinel", "Truth",
    };

    [GeneratedRegex(
        @"(?<name>(?:The )?\p{Lu}[\p{L}&.'’\-]+(?: \p{Lu}[\p{L}&.'’\-]+){0,3}) (?:could not|cannot|could not immediately|was unable to|has not been able to|has been unable to|couldn't|did not) (?:independently |immediately |yet )?(?:verify|confirm)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SelfReferencePattern();

    public static string? Resolve(string? givenOutlet, string? prefixOutlet, string? url, string text, WireAgencyTable agencies)
    {
        if (!string.IsNullOrWhiteSpace(givenOutlet)) return givenOutlet.Trim();
        if (!string.IsNullOrWhiteSpace(prefixOutlet)) return prefixOutlet.Trim();
        if (url is not null && Ingest.HtmlMetadata.DomainOf(url) is { } domain) return domain;
        return SelfReference(text, agencies);
    }

    /// <summary>"X could not (independently) verify/confirm": X names the report's own newsroom when X is an outlet name.</summary>
    public static string? SelfReference(string text, WireAgencyTable agencies)
    {
        foreach (var verb in (string[])["verify", "confirm"])
        {
            for (int at = text.IndexOf(verb, StringComparison.Ordinal); at >= 0; at = text.IndexOf(verb, at + verb.Length, StringComparison.Ordinal))
            {
                // The pattern ends at the verb: match only the clause before it, not the whole text.
                int start = Math.Max(0, at - 90);
                var match = SelfReferencePattern().Match(text, start, at + verb.Length - start);
                while (match.Success && match.Index + match.Length != at + verb.Length) match = match.NextMatch();
                if (!match.Success) continue;
                if (Outlet(match.Groups["name"].Value, agencies) is { } name) return name;
            }
        }
        return null;
    }

    private static string? Outlet(string name, WireAgencyTable agencies)
    {
        if (agencies.FindExact(name) is not null || agencies.FindExact(StripThe(name)) is not null) return null;
        foreach (var word in name.Split(' '))
            if (MediaWords.Contains(word)) return name;
        return null;
    }

    private static string StripThe(string name) => name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
}
