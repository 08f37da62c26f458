using System.Text;
using System.Text.Json;

namespace Crosscheck.Ingest;

/// <summary>
/// JSON records with news-please fields: <c>title</c>, <c>maintext</c> (or <c>text</c>, <c>body</c>,
/// <c>content</c>), <c>date_publish</c>, <c>source_domain</c>, <c>url</c>, optional <c>id</c> and
/// <c>authors</c>. A .json file holds one object or an array of them; a .jsonl file one object a line.
/// </summary>
internal static class JsonFormat
{
    private static readonly string[] TextFields = ["maintext", "text", "body", "content", "description"];
    private static readonly string[] DateFields = ["date_publish", "date_published", "datePublished", "published", "date"];
    private static readonly string[] OutletFields = ["source_domain", "source", "outlet", "publisher", "site_name"];

    public static JsonDocumentOptions Options(InputLimits limits) => new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = limits.MaxJsonDepth,
    };

    /// <summary>Reads a whole .json file: one object, or an array of objects.</summary>
    /// <param name="fileHash">Hash of the file's bytes: the record hash of a file holding one object.</param>
    public static IEnumerable<ReadItem> ReadDocument(string path, string fileId, string text, string fileHash, InputLimits limits)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options(limits));
        }
        catch (JsonException e)
        {
            // news-please and other dumps often write JSON Lines into a .json file.
            if (LooksLikeJsonLines(text)) return ReadLinesOf(path, fileId, text, limits);
            return [ReadItem.Fail(path, $"malformed JSON: {e.Message}")];
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
                return [FromRecord(root, InputFormat.Json, fileId, path, fileHash)];
            if (root.ValueKind != JsonValueKind.Array)
                return [ReadItem.Fail(path, $"JSON root is {root.ValueKind}, expected an object or an array of objects")];
            int count = root.GetArrayLength();
            if (count == 0) return [ReadItem.Fail(path, "empty JSON array: no records")];
            var items = new List<ReadItem>(count);
            int index = 0;
            foreach (var element in root.EnumerateArray())
            {
                index++;
                string location = $"{path}[{index}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    items.Add(ReadItem.Fail(location, $"array element {index} is {element.ValueKind}, expected an object"));
                    continue;
                }
                string id = count == 1 ? fileId : $"{fileId}-{index}";
                items.Add(FromRecord(element, InputFormat.Json, id, location, ContentHash.Of(Encoding.UTF8.GetBytes(element.GetRawText()))));
            }
            return items;
        }
    }

    private static bool LooksLikeJsonLines(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.Length > 0 && trimmed[0] == '{'
            && (text.Contains("}\n{", StringComparison.Ordinal) || text.Contains("}\r\n{", StringComparison.Ordinal));
    }

    private static List<ReadItem> ReadLinesOf(string path, string fileId, string text, InputLimits limits)
    {
        var items = new List<ReadItem>();
        int lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            items.Add(ReadLine(path, fileId, lineNumber, Encoding.UTF8.GetBytes(line.TrimEnd('\r')), limits));
        }
        return items;
    }

    /// <summary>Reads one JSON Lines record; <paramref name="line"/> is 1-based.</summary>
    public static ReadItem ReadLine(string path, string fileId, int line, ReadOnlySpan<byte> bytes, InputLimits limits)
    {
        string location = $"{path}:{line}";
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
                MaxDepth = limits.MaxJsonDepth,
            });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
                return ReadItem.Fail(location, "malformed JSON line: more than one value on the line");
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return ReadItem.Fail(location, $"JSON line is {document.RootElement.ValueKind}, expected an object");
            return FromRecord(document.RootElement, InputFormat.JsonLines, $"{fileId}-{line}", location, ContentHash.Of(bytes));
        }
        catch (JsonException e)
        {
            return ReadItem.Fail(location, $"malformed JSON line: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return ReadItem.Fail(location, $"malformed JSON line: {e.Message}");
        }
    }

    private static ReadItem FromRecord(JsonElement record, InputFormat format, string fallbackId, string location, string hash)
    {
        string? body = FirstString(record, TextFields);
        if (string.IsNullOrWhiteSpace(body))
            return ReadItem.Fail(location, "record has no text (expected a 'maintext' or 'text' field)");
        string? id = Scalar(record, "id");
        var (date, dateField) = FirstDate(record);
        string text = Nfc(PlainTextFormat.NormalizeNewlines(body)) ?? "";
        return ReadItem.Ok(new RawArticle
        {
            Id = string.IsNullOrWhiteSpace(id) ? fallbackId : id.Trim(),
            Location = location,
            Format = format,
            Body = text,
            Title = NullIfBlank(Nfc(FirstString(record, ["title", "headline"]))),
            Url = NullIfBlank(FirstString(record, ["url", "source_url", "link"])),
            Outlet = NullIfBlank(Nfc(FirstOutlet(record))),
            Byline = NullIfBlank(Nfc(Authors(record))),
            PublishedGiven = date,
            PublishedSource = date is null ? null : dateField,
            ContentHash = hash,
        });
    }

    private static string? FirstString(JsonElement record, string[] names)
    {
        foreach (var name in names)
        {
            if (record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                var s = value.GetString();
                if (!string.IsNullOrWhiteSpace(s)) return s;
            }
        }
        return null;
    }

    private static string? Scalar(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static (DateOnly? Date, string? Field) FirstDate(JsonElement record)
    {
        foreach (var name in DateFields)
        {
            if (!record.TryGetProperty(name, out var value)) continue;
            DateOnly? date = value.ValueKind switch
            {
                JsonValueKind.String => DateValues.Parse(value.GetString()),
                JsonValueKind.Number when value.TryGetInt64(out long seconds) => DateValues.FromUnix(seconds > 100_000_000_000 ? seconds / 1000 : seconds),
                _ => null,
            };
            if (date is not null) return (date, name);
        }
        return (null, null);
    }

    private static string? FirstOutlet(JsonElement record)
    {
        foreach (var name in OutletFields)
        {
            if (!record.TryGetProperty(name, out var value)) continue;
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) return value.GetString();
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("name", out var inner) && inner.ValueKind == JsonValueKind.String)
                return inner.GetString();
        }
        return null;
    }

    private static string? Authors(JsonElement record)
    {
        foreach (var name in (string[])["authors", "author", "byline"])
        {
            if (!record.TryGetProperty(name, out var value)) continue;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind != JsonValueKind.Array) continue;
            var names = new StringBuilder();
            foreach (var author in value.EnumerateArray())
            {
                string? authorName = author.ValueKind switch
                {
                    JsonValueKind.String => author.GetString(),
                    JsonValueKind.Object when author.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
                    _ => null,
                };
                if (string.IsNullOrWhiteSpace(authorName)) continue;
                if (names.Length > 0) names.Append(", ");
                names.Append(authorName.Trim());
            }
            if (names.Length > 0) return names.ToString();
        }
        return null;
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? Nfc(string? s) =>
        s is null || s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
}
