using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Crosscheck.Evaluation.Times;

/// <summary>A gold TIMEX3 of a TimeML document: offsets into the tag-free text.</summary>
public sealed record GoldTimex(Span Span, string Type, string Value);

/// <summary>A TimeML document reduced to what time scoring needs: the creation time, the text and its TIMEX3s.</summary>
public sealed record TimeMlDocument(string Id, DateOnly? CreationTime, string Text, ImmutableArray<GoldTimex> Timexes);

/// <summary>
/// Reads TimeML (.tml) as TempEval-3 distributed it: the DCT's TIMEX3 gives the creation time and is
/// not a gold expression; the TEXT element's tags are stripped (entities decoded) and its inline
/// TIMEX3 tags become gold spans. A hand-written reader: the files are small and regular, and it
/// must keep exact offsets.
/// </summary>
public static class TimeMl
{
    public static TimeMlDocument Parse(string id, string xml)
    {
        DateOnly? creation = null;
        int dct = xml.IndexOf("<DCT>", StringComparison.Ordinal);
        if (dct >= 0)
        {
            int tagEnd = xml.IndexOf('>', xml.IndexOf("<TIMEX3", dct, StringComparison.Ordinal) is var t && t >= 0 ? t : dct);
            var value = t >= 0 ? Attribute(xml.AsSpan(t, tagEnd - t), "value") : null;
            if (value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) creation = date;
            else if (value is { Length: 8 } && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) creation = date;
        }
        int textStart = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        int textEnd = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (textStart < 0 || textEnd < textStart) return new TimeMlDocument(id, creation, "", []);
        var body = xml.AsSpan(textStart + 6, textEnd - textStart - 6);
        var text = new StringBuilder(body.Length);
        var gold = ImmutableArray.CreateBuilder<GoldTimex>();
        int openStart = -1;
        string? openType = null, openValue = null;
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c == '<')
            {
                int close = body[i..].IndexOf('>');
                if (close < 0) break;
                var tag = body.Slice(i, close + 1);
                if (tag.StartsWith("<TIMEX3"))
                {
                    openStart = text.Length;
                    openType = Attribute(tag, "type");
                    openValue = Attribute(tag, "value");
                }
                else if (tag.StartsWith("</TIMEX3") && openStart >= 0)
                {
                    gold.Add(new GoldTimex(new Span(openStart, text.Length), openType ?? "", openValue ?? ""));
                    openStart = -1;
                }
                i += close + 1;
            }
            else if (c == '&')
            {
                int semi = body[i..].IndexOf(';');
                if (semi > 0 && semi < 10 && Decode(body.Slice(i + 1, semi - 1)) is { } decoded)
                {
                    text.Append(decoded);
                    i += semi + 1;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return new TimeMlDocument(id, creation, text.ToString(), gold.ToImmutable());
    }

    private static string? Decode(ReadOnlySpan<char> entity) => entity switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ when entity.Length > 1 && entity[0] == '#' => entity[1] is 'x' or 'X'
            ? int.TryParse(entity[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int hex) && hex is > 0 and < 0x110000 ? char.ConvertFromUtf32(hex) : null
            : int.TryParse(entity[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int dec) && dec is > 0 and < 0x110000 ? char.ConvertFromUtf32(dec) : null,
        _ => null,
    };

    /// <summary>The value of name="..." inside one tag, or null.</summary>
    public static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        int at = 0;
        while (at < tag.Length)
        {
            int found = tag[at..].IndexOf(name);
            if (found < 0) return null;
            int pos = at + found;
            int after = pos + name.Length;
            bool boundary = pos > 0 && char.IsWhiteSpace(tag[pos - 1]);
            if (boundary && after + 1 < tag.Length && tag[after] == '=' && tag[after + 1] is '"' or '\'')
            {
                char quote = tag[after + 1];
                int valueEnd = tag[(after + 2)..].IndexOf(quote);
                return valueEnd < 0 ? null : tag.Slice(after + 2, valueEnd).ToString();
            }
            at = after;
        }
        return null;
    }
}
