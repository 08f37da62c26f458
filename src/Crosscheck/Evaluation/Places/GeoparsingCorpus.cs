using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Crosscheck.Evaluation.Places;

/// <summary>One annotated toponym: a span of the article text and, when the annotators gave one, its coordinates.</summary>
public readonly record struct GoldToponym(int Start, int End, string Phrase, double? Latitude, double? Longitude);

public sealed record GeoparsingArticle(string Id, string Text, ImmutableArray<GoldToponym> Toponyms);

/// <summary>
/// Reads the geoparsing XML of the "Pragmatic Guide to Geoparsing Evaluation" corpora: LGL and
/// TR-News (<c>&lt;toponyms&gt;&lt;toponym&gt;&lt;start&gt;&lt;end&gt;&lt;phrase&gt;&lt;gaztag&gt;&lt;lat&gt;&lt;lon&gt;</c>)
/// and GeoVirus (<c>&lt;locations&gt;&lt;location&gt;&lt;name&gt;&lt;start&gt;&lt;end&gt;&lt;lat&gt;&lt;lon&gt;</c>).
/// Offsets index the article text exactly as the XML holds it (whitespace kept).
/// </summary>
public static class GeoparsingCorpus
{
    public static (ImmutableArray<GeoparsingArticle> Articles, ImmutableArray<string> Warnings) Read(string path)
    {
        var document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        return Read(document, Path.GetFileNameWithoutExtension(path));
    }

    public static (ImmutableArray<GeoparsingArticle> Articles, ImmutableArray<string> Warnings) Parse(string xml, string name = "xml")
    {
        var document = XDocument.Parse(xml, LoadOptions.PreserveWhitespace);
        return Read(document, name);
    }

    private static (ImmutableArray<GeoparsingArticle>, ImmutableArray<string>) Read(XDocument document, string name)
    {
        var articles = ImmutableArray.CreateBuilder<GeoparsingArticle>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        int index = 0, misaligned = 0, outOfRange = 0, realigned = 0;
        foreach (var article in document.Descendants("article"))
        {
            index++;
            var text = article.Element("text")?.Value;
            if (text is null) continue;
            var id = (string?)article.Attribute("docid") ?? $"{name}-{index}";
            var toponyms = ImmutableArray.CreateBuilder<GoldToponym>();
            var elements = article.Element("toponyms")?.Elements("toponym") ?? article.Element("locations")?.Elements("location") ?? [];
            foreach (var element in elements)
            {
                if (!TryInt(element.Element("start"), out int start) || !TryInt(element.Element("end"), out int end)) continue;
                var phrase = ((string?)element.Element("phrase") ?? (string?)element.Element("name") ?? "").Trim();
                if (start < 0 || end > text.Length || end <= start)
                {
                    outOfRange++;
                    continue;
                }
                if (!text.AsSpan(start, end - start).Equals(phrase, StringComparison.Ordinal))
                {
                    // Some corpora (GeoVirus, part of TR-News) are off by a character or two: take the
                    // phrase's nearest occurrence when it is that close, else keep the given offsets.
                    int found = NearestOccurrence(text, phrase, start, MaxShift);
                    if (found >= 0)
                    {
                        start = found;
                        end = found + phrase.Length;
                        realigned++;
                    }
                    else
                    {
                        misaligned++;
                    }
                }
                var coordinates = element.Element("gaztag") ?? element;
                double? lat = TryDouble(coordinates.Element("lat")), lon = TryDouble(coordinates.Element("lon"));
                toponyms.Add(new GoldToponym(start, end, phrase, lat is null || lon is null ? null : lat, lat is null || lon is null ? null : lon));
            }
            articles.Add(new GeoparsingArticle(id, text, toponyms.ToImmutable()));
        }
        if (realigned > 0) warnings.Add($"{name}: {realigned} toponym(s) had offsets up to {MaxShift} characters off their phrase and were realigned to it.");
        if (misaligned > 0) warnings.Add($"{name}: {misaligned} toponym(s) whose offsets do not cover their phrase exactly; scored by offsets.");
        if (outOfRange > 0) warnings.Add($"{name}: {outOfRange} toponym(s) with offsets outside the text were skipped.");
        return (articles.ToImmutable(), warnings.ToImmutable());
    }

    private const int MaxShift = 3;

    private static int NearestOccurrence(string text, string phrase, int start, int maxShift)
    {
        if (phrase.Length == 0) return -1;
        for (int shift = 1; shift <= maxShift; shift++)
        {
            foreach (int candidate in (ReadOnlySpan<int>)[start - shift, start + shift])
            {
                if (candidate >= 0 && candidate + phrase.Length <= text.Length
                    && text.AsSpan(candidate, phrase.Length).Equals(phrase, StringComparison.Ordinal)) return candidate;
            }
        }
        return -1;
    }

    private static bool TryInt(XElement? element, out int value)
    {
        value = 0;
        return element is not null && int.TryParse(element.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static double? TryDouble(XElement? element) =>
        element is not null && double.TryParse(element.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
