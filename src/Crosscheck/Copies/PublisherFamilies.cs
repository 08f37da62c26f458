namespace Crosscheck.Copies;

public enum FamilyKind { Owner, Syndication }

/// <summary>One owner's outlets, or one syndication feed, with the names and domains that identify its members.</summary>
public sealed record PublisherFamily(string Name, FamilyKind Kind, IReadOnlyList<string> Members);

/// <summary>
/// Publisher families kept as data in models/provenance/publisher_families.tsv (embedded):
/// outlets under one owner ("Live Mint" and "Hindustan Times": HT Media) and syndication feeds
/// that republish others' reports (MENAFN). Names match case-insensitively; a domain matches
/// itself and its subdomains.
/// </summary>
public sealed class PublisherFamilies
{
    private const string ResourceSuffix = "provenance.publisher_families.tsv";
    private static readonly Lazy<PublisherFamilies> DefaultTable = new(LoadEmbedded);

    private readonly Dictionary<string, PublisherFamily> byMember = new(StringComparer.OrdinalIgnoreCase);

    public PublisherFamilies(IReadOnlyList<PublisherFamily> families)
    {
        foreach (var family in families)
        {
            byMember.TryAdd(family.Name, family);
            foreach (var member in family.Members) byMember.TryAdd(member, family);
        }
    }

    public static PublisherFamilies Default => DefaultTable.Value;

    /// <summary>Parses the TSV: family, kind (owner|syndication), |-separated members; '#' starts a comment.</summary>
    public static PublisherFamilies Parse(TextReader reader)
    {
        var families = new List<PublisherFamily>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 3 || !Enum.TryParse<FamilyKind>(columns[1].Trim(), ignoreCase: true, out var kind))
                throw new FormatException($"publisher families, line {lineNumber}: expected family<TAB>owner|syndication<TAB>members");
            var members = columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            families.Add(new PublisherFamily(columns[0].Trim(), kind, members));
        }
        return new PublisherFamilies(families);
    }

    /// <summary>The family of an outlet name or web domain ("www.livemint.com" -> HT Media), if known.</summary>
    public PublisherFamily? OfOutlet(string? outlet)
    {
        if (string.IsNullOrWhiteSpace(outlet)) return null;
        var name = outlet.Trim();
        if (byMember.TryGetValue(name, out var family)) return family;
        if (name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) && byMember.TryGetValue(name[4..], out family)) return family;
        // A domain and its parents: "news.yahoo.com" -> "yahoo.com".
        if (name.Contains('.') && !name.Contains(' '))
        {
            var domain = name.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
            while (true)
            {
                if (byMember.TryGetValue(domain, out family)) return family;
                int dot = domain.IndexOf('.', StringComparison.Ordinal);
                // Stop at the registrable part: "yahoo.com" is tried, "com" is not.
                if (dot < 0 || domain.IndexOf('.', dot + 1) < 0) break;
                domain = domain[(dot + 1)..];
            }
        }
        return null;
    }

    /// <summary>The family a report belongs to: its outlet's (or URL's) owner, else a syndication feed it names as its relay.</summary>
    public PublisherFamily? OfReport(string? outlet, string? url, IEnumerable<string> relays)
    {
        var family = OfOutlet(outlet) ?? OfOutlet(DomainOf(url));
        if (family is not null) return family;
        foreach (var relay in relays)
            if (OfOutlet(relay) is { Kind: FamilyKind.Syndication } feed) return feed;
        return null;
    }

    private static string? DomainOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;

    private static PublisherFamilies LoadEmbedded()
    {
        var assembly = typeof(PublisherFamilies).Assembly;
        string? name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceSuffix, StringComparison.OrdinalIgnoreCase));
        if (name is null) throw new InvalidOperationException($"embedded resource *{ResourceSuffix} is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
