using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Crosscheck.Web.Feeds;

/// <summary>One entry of a feed: where the report is, and what the feed itself says about it.</summary>
/// <param name="Key">Stable identity within the feed: guid or id, else the link, else the title.</param>
/// <param name="Content">The feed's own HTML (or text) of the item, used when the page cannot be fetched.</param>
public sealed record FeedItem(string Key, string? Url, string? Title, string? Published, string? Content);

/// <param name="TotalItems">How many items the document lists (all of them, also beyond those returned).</param>
public sealed record FeedDocument(string Format, string? Title, IReadOnlyList<FeedItem> Items, int TotalItems);

/// <summary>
/// Reads RSS 2.0, Atom and JSON Feed documents, streaming so a feed with 100,000 items costs one
/// pass. Anything else (an HTML page, a truncated document) is a <see cref="FeedException"/>
/// with a message a user can act on. DTDs and external entities are never processed.
/// </summary>
public static class FeedParser
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static FeedDocument Parse(byte[] bytes, string? contentType, int maxItems)
    {
        var start = FirstMeaningfulByte(bytes);
        if (start < 0) throw new FeedException("the feed is empty");
        var head = Encoding.UTF8.GetString(bytes, start, Math.Min(512, bytes.Length - start)).TrimStart('\uFEFF').ToLowerInvariant();
        if (head.StartsWith("<!doctype html", StringComparison.Ordinal) || head.StartsWith("<html", StringComparison.Ordinal))
        {
            throw new FeedException($"not a feed: the address returned an HTML page{(contentType is null ? "" : $" ({contentType})")}, not RSS, Atom or JSON Feed");
        }
        return bytes[start] is (byte)'{' or (byte)'[' ? ParseJson(bytes, maxItems) : ParseXml(bytes, maxItems);
    }

    private static int FirstMeaningfulByte(byte[] bytes)
    {
        var i = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        for (; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return i;
        }
        return -1;
    }

    private static FeedDocument ParseJson(byte[] bytes, int maxItems)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version)
                || version.ValueKind != JsonValueKind.String || !version.GetString()!.StartsWith("https://jsonfeed.org/version/", StringComparison.Ordinal))
            {
                throw new FeedException("not a feed: JSON without a JSON Feed \"version\" (https://jsonfeed.org/version/1.1)");
            }
            var items = new List<FeedItem>();
            var total = 0;
            if (root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    total++;
                    if (items.Count >= maxItems) continue;
                    var url = String(item, "url") ?? String(item, "external_url");
                    var title = String(item, "title");
                    var key = String(item, "id") ?? url ?? title;
                    if (key is null) continue;
                    items.Add(new FeedItem(key, url, title, String(item, "date_published"), String(item, "content_html") ?? String(item, "content_text")));
                }
            }
            return new FeedDocument("json", String(root, "title"), items, total);
        }
        catch (JsonException ex)
        {
            throw new FeedException($"not a feed: malformed JSON at line {(ex.LineNumber ?? 0) + 1}");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static FeedDocument ParseXml(byte[] bytes, int maxItems)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = 0,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            reader.MoveToContent();
            var root = reader.LocalName.ToLowerInvariant();
            return root switch
            {
                "rss" => ReadRss(reader, maxItems),
                "feed" when reader.NamespaceURI == AtomNamespace => ReadAtom(reader, maxItems),
                "html" => throw new FeedException("not a feed: the address returned an HTML page, not RSS, Atom or JSON Feed"),
                _ => throw new FeedException($"not a feed: the XML root is <{reader.Name}>, not <rss> (RSS 2.0) or <feed> (Atom)"),
            };
        }
        catch (XmlException ex)
        {
            throw new FeedException($"not a feed: malformed XML at line {ex.LineNumber}, position {ex.LinePosition} ({FirstSentence(ex.Message)})");
        }
    }

    private static FeedDocument ReadRss(XmlReader reader, int maxItems)
    {
        var items = new List<FeedItem>();
        string? feedTitle = null;
        var total = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            if (reader.LocalName == "title" && reader.Depth == 2 && feedTitle is null) feedTitle = Text(reader);
            else if (reader.LocalName == "item")
            {
                total++;
                if (items.Count >= maxItems)
                {
                    reader.Skip();
                    continue;
                }
                string? link = null, title = null, guid = null, date = null, description = null, encoded = null;
                using (var item = reader.ReadSubtree())
                {
                    item.Read();
                    item.Read();
                    while (!item.EOF)
                    {
                        if (item.NodeType != XmlNodeType.Element || item.Depth != 1)
                        {
                            item.Read();
                            continue;
                        }
                        switch (item.LocalName)
                        {
                            case "link" when item.NamespaceURI.Length == 0: link = Text(item) ?? link; break;
                            case "title": title = Text(item); break;
                            case "guid": guid = Text(item); break;
                            case "pubDate": date = Text(item); break;
                            case "description": description = Text(item); break;
                            case "encoded": encoded = Text(item); break;
                            default: item.Skip(); break;
                        }
                    }
                }
                reader.Read();
                var key = guid ?? link ?? title;
                if (key is not null) items.Add(new FeedItem(key, link, title, date, encoded ?? description));
                continue;
            }
            else reader.Read();
        }
        return new FeedDocument("rss", feedTitle, items, total);
    }

    private static FeedDocument ReadAtom(XmlReader reader, int maxItems)
    {
        var items = new List<FeedItem>();
        string? feedTitle = null;
        var total = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            if (reader.LocalName == "title" && reader.Depth == 1 && feedTitle is null) feedTitle = Text(reader);
            else if (reader.LocalName == "entry" && reader.NamespaceURI == AtomNamespace)
            {
                total++;
                if (items.Count >= maxItems)
                {
                    reader.Skip();
                    continue;
                }
                string? link = null, title = null, id = null, date = null, content = null, summary = null;
                using (var entry = reader.ReadSubtree())
                {
                    entry.Read();
                    entry.Read();
                    while (!entry.EOF)
                    {
                        if (entry.NodeType != XmlNodeType.Element || entry.Depth != 1)
                        {
                            entry.Read();
                            continue;
                        }
                        switch (entry.LocalName)
                        {
                            case "link":
                                var rel = entry.GetAttribute("rel");
                                if (rel is null or "alternate") link ??= entry.GetAttribute("href");
                                entry.Skip();
                                break;
                            case "title": title = Text(entry); break;
                            case "id": id = Text(entry); break;
                            case "published": date = Text(entry); break;
                            case "updated": date ??= Text(entry); break;
                            case "content": content = Text(entry); break;
                            case "summary": summary = Text(entry); break;
                            default: entry.Skip(); break;
                        }
                    }
                }
                reader.Read();
                var key = id ?? link ?? title;
                if (key is not null) items.Add(new FeedItem(key, link, title, date, content ?? summary));
                continue;
            }
            else reader.Read();
        }
        return new FeedDocument("atom", feedTitle, items, total);
    }

    private static string? Text(XmlReader reader)
    {
        // Atom's type="xhtml" content is markup, not text; everything else is (escaped) text.
        var value = (reader.GetAttribute("type") == "xhtml" ? reader.ReadInnerXml() : reader.ReadElementContentAsString()).Trim();
        return value.Length == 0 ? null : value;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    /// <summary>The item's date as YYYY-MM-DD when the feed gives a parseable one (RFC 822 in RSS, ISO 8601 elsewhere).</summary>
    public static string? IsoDate(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value is not null && DateTimeOffset.TryParseExact(value.Trim().Replace(" GMT", " +0000", StringComparison.Ordinal), "ddd, dd MMM yyyy HH:mm:ss zzz",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc)
                ? rfc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
}

/// <summary>A feed or an item that cannot be used; the message is shown to the user and stored with the feed.</summary>
public sealed class FeedException(string message) : Exception(message);
