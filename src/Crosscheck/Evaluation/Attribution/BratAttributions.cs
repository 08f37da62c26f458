using System.Collections.Immutable;
using System.Globalization;

namespace Crosscheck.Evaluation.Attribution;

/// <summary>One annotated attribution: each role may be discontinuous, and source may be absent.</summary>
public sealed record GoldAttribution(ImmutableArray<Span> Source, ImmutableArray<Span> Cue, ImmutableArray<Span> Content);

/// <summary>A text with its annotated attributions.</summary>
public sealed record AttributionDocument(string Name, string Text, ImmutableArray<GoldAttribution> Attributions);

/// <summary>
/// Reads PolNeAR-style brat standoff: <c>T</c> rows with types Source, Cue, Content (offsets
/// "start end" or "start end;start end" when discontinuous) and <c>E</c> rows that tie them into one
/// attribution ("Attribution:T4 Content:T3 Cue:T2 Source:T1"). Other types (Discard, Discuss) are ignored.
/// </summary>
public static class BratAttributions
{
    /// <summary>
    /// Pairs every <c>text/NAME.txt</c> with one <c>attributions/NAME_*.ann</c> (the first by name when
    /// several annotators annotated it), or <c>NAME.ann</c> beside the text in a flat folder.
    /// </summary>
    public static IEnumerable<(string TextPath, string AnnPath)> FindPairs(string folder)
    {
        var textDir = Path.Combine(folder, "text");
        var annDir = Path.Combine(folder, "attributions");
        if (!Directory.Exists(textDir)) textDir = folder;
        if (!Directory.Exists(annDir)) annDir = folder;
        var anns = Directory.GetFiles(annDir, "*.ann");
        Array.Sort(anns, StringComparer.Ordinal);
        foreach (var textPath in Directory.GetFiles(textDir, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(textPath);
            var exact = Path.Combine(annDir, name + ".ann");
            if (File.Exists(exact))
            {
                yield return (textPath, exact);
                continue;
            }
            var prefix = name + "_";
            var match = anns.FirstOrDefault(a => Path.GetFileName(a).StartsWith(prefix, StringComparison.Ordinal)
                && !Path.GetFileNameWithoutExtension(a)[prefix.Length..].Contains('_'));
            if (match is not null) yield return (textPath, match);
        }
    }

    public static AttributionDocument Load(string textPath, string annPath) =>
        new(Path.GetFileNameWithoutExtension(textPath), File.ReadAllText(textPath), Parse(File.ReadAllLines(annPath)));

    /// <summary>Parses .ann lines; malformed rows are skipped (the corpus has a few stray lines).</summary>
    public static ImmutableArray<GoldAttribution> Parse(IEnumerable<string> lines)
    {
        var spans = new Dictionary<string, (string Type, ImmutableArray<Span> Spans)>(StringComparer.Ordinal);
        var events = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length < 2) continue;
            var cols = line.Split('\t');
            if (cols.Length < 2) continue;
            if (line[0] == 'T' && TryParseSpans(cols[1], out var type, out var parts)) spans[cols[0]] = (type, parts);
            else if (line[0] == 'E') events.Add(cols[1]);
        }
        var result = ImmutableArray.CreateBuilder<GoldAttribution>();
        foreach (var row in events)
        {
            ImmutableArray<Span> source = [], cue = [], content = [];
            foreach (var arg in row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = arg.IndexOf(':');
                if (colon < 0 || !spans.TryGetValue(arg[(colon + 1)..], out var target)) continue;
                switch (target.Type)
                {
                    case "Source": source = source.AddRange(target.Spans); break;
                    case "Cue": cue = cue.AddRange(target.Spans); break;
                    case "Content": content = content.AddRange(target.Spans); break;
                }
            }
            if (!cue.IsEmpty || !content.IsEmpty) result.Add(new GoldAttribution(source, cue, content));
        }
        return result.ToImmutable();
    }

    private static bool TryParseSpans(string field, out string type, out ImmutableArray<Span> spans)
    {
        spans = [];
        int space = field.IndexOf(' ');
        type = space < 0 ? field : field[..space];
        if (space < 0) return false;
        var builder = ImmutableArray.CreateBuilder<Span>();
        foreach (var piece in field[(space + 1)..].Split(';'))
        {
            var nums = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (nums.Length != 2
                || !int.TryParse(nums[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int start)
                || !int.TryParse(nums[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int end)
                || end < start) return false;
            builder.Add(new Span(start, end));
        }
        spans = builder.ToImmutable();
        return true;
    }
}
