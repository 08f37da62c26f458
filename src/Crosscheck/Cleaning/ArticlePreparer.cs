using System.Collections.Immutable;
using Crosscheck.Ingest;
using Crosscheck.Provenance;

namespace Crosscheck.Cleaning;

/// <param name="AnchorDate">
/// A date near which the reports were written (e.g. the batch's reference date), used only to
/// pick the year of a dateline or weekday date that the text leaves open. Never the clock.
/// </param>
/// <param name="Agencies">Wire-agency table for relay detection; the embedded table by default.</param>
public sealed record PreparerOptions(DateOnly? AnchorDate = null, WireAgencyTable? Agencies = null);

/// <summary>
/// Turns a <see cref="RawArticle"/> into the cleaned <see cref="Article"/> every stage reads.
/// </summary>
/// <remarks>
/// <para>Text: one paragraph (or headline, or caption) per line, lines separated by a single "\n";
/// blank lines dropped and each line trimmed, nothing else rewritten, so offsets of later stages
/// refer to exactly this text. Removed: page debris (read-aloud notices, photo credits and
/// captions, repeated lines, unrelated headlines, related-story and share widgets), the agency
/// prefix and the dateline, each with its reason (see <see cref="DebrisReasons"/>).</para>
/// <para>Title: never part of Text. A JSON/HTML title comes from metadata (and its repeat as the
/// first body line is removed); for a text or JSON record without a title whose first line is headline-shaped (short, no
/// final period, followed by the body) that line becomes Title and is listed in Removed as
/// "title". Keeping it out means every annotation points into the body, whatever the input format.</para>
/// <para>Provenance: Outlet, Relays and Published as described on <see cref="OutletResolver"/>,
/// <see cref="RelayFinder"/> and <see cref="PublicationDateInference"/>. Language is left for the
/// language stage. Thread-safe and allocation-light: one pass per rule over the lines.</para>
/// </remarks>
public sealed class ArticlePreparer
{
    /// <summary>How many kept lines from the top may be bylines or time stamps.</summary>
    private const int LeadMetadataLines = 4;

    private const int MaxHeadlineWords = 30;

    private readonly PreparerOptions options;
    private readonly WireAgencyTable agencies;
    private readonly RelayFinder relays;
    private readonly RelayChainFinder relayChains;

    public ArticlePreparer() : this(new PreparerOptions())
    {
    }

    public ArticlePreparer(PreparerOptions options)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        agencies = options.Agencies ?? WireAgencyTable.Default;
        relays = new RelayFinder(agencies);
        relayChains = new RelayChainFinder(agencies, WireAgencyTable.MediaOutlets);
    }

    public Article Prepare(RawArticle raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = SplitLines(raw.Body);
        foreach (var line in lines)
        {
            if (LineRules.Classify(line.Text) is { } reason) line.RemoveUnlessRemoved(reason);
        }

        var (byline, pageDate) = TakeLeadMetadata(lines);
        string? title = Clean(raw.Title);
        var firstKept = lines.Find(line => line.IsKept);
        if (firstKept is not null)
        {
            if (title is not null && SameText(firstKept.Text, title))
            {
                firstKept.RemoveUnlessRemoved(DebrisReasons.TitleRepeated);
            }
            else if (title is null && raw.Format != InputFormat.Html && LooksLikeHeadline(firstKept, lines))
            {
                title = firstKept.Text;
                firstKept.RemoveUnlessRemoved(DebrisReasons.Title);
            }
        }

        RepeatedLines.Mark(lines);
        UnrelatedHeadlines.Mark(lines, title);

        var relayNames = new List<string>();
        string? prefixOutlet = null;
        Dateline? dateline = null;
        var kept = lines.FindAll(line => line.IsKept);
        var lead = kept.Count > 0 ? kept[0] : null;
        if (lead is not null && !HasLeadingMetadata(lead.Text) && title is null && kept.Count > 1
            && lead.Words <= MaxHeadlineWords && HasLeadingMetadata(kept[1].Text))
        {
            // A short line before the dateline is the headline, even when its shape alone did not tell.
            title = lead.Text;
            lead.RemoveUnlessRemoved(DebrisReasons.Title);
            lead = kept[1];
        }
        if (lead is not null)
        {
            if (DatelineParser.AgencyPrefix(lead.Text) is { } prefix)
            {
                lead.CutFromStart.Add(new RemovedPiece(prefix.Prefix.Text, DebrisReasons.AgencyPrefix));
                lead.Text = lead.Text[prefix.Prefix.BodyStart..];
                prefixOutlet = prefix.Outlet;
                AddRelay(relayNames, agencies.FindExact(prefix.Relay)?.Name ?? prefix.Relay);
            }
            if (DatelineParser.Dateline(lead.Text) is { } found)
            {
                lead.CutFromStart.Add(new RemovedPiece(found.Found.Text, DebrisReasons.Dateline));
                lead.Text = lead.Text[found.Found.BodyStart..];
                dateline = found.Dateline;
                if (found.Agency is { } agency) AddRelay(relayNames, agencies.FindExact(agency)?.Name ?? agency);
            }
        }

        var (text, removed) = Assemble(lines);
        foreach (var relay in relays.Find(text)) AddRelay(relayNames, relay);
        string? outlet = OutletResolver.Resolve(raw.Outlet, prefixOutlet, raw.Url, text, agencies);
        // An outlet is not its own relay ("AFP" publishing AFP copy relays nothing).
        if (outlet is not null) relayNames.RemoveAll(relay => string.Equals(relay, outlet, StringComparison.OrdinalIgnoreCase));

        return new Article
        {
            Id = raw.Id,
            SourcePath = raw.Location,
            Outlet = outlet,
            Url = raw.Url,
            Title = title,
            Byline = raw.Byline ?? byline,
            Dateline = dateline,
            Relays = [.. relayNames],
            RelayChains = relayChains.Find(text),
            Text = text,
            Removed = removed,
            Published = PublicationDateInference.Decide(
                text,
                raw.PublishedGiven ?? pageDate,
                raw.PublishedGiven is not null ? raw.PublishedSource : pageDate is not null ? "the page's own time stamp line" : null,
                dateline?.DateText,
                options.AnchorDate),
            ContentHash = raw.ContentHash,
        };
    }

    /// <summary>
    /// Byline ("By Jane Roe") and time stamp ("Updated: 16 Dec 2024") lines among the first kept
    /// lines are metadata, not story text.
    /// </summary>
    private static (string? Byline, DateOnly? PageDate) TakeLeadMetadata(List<CleanLine> lines)
    {
        string? byline = null;
        DateOnly? pageDate = null;
        int seen = 0;
        foreach (var line in lines)
        {
            if (!line.IsKept) continue;
            if (++seen > LeadMetadataLines) break;
            if (byline is null && LineRules.BylineValue(line.Text, line.Words) is { } name)
            {
                byline = name;
                line.RemoveUnlessRemoved(DebrisReasons.Byline);
            }
            else if (LineRules.TimestampValue(line.Text, line.Words) is { } stamp)
            {
                var date = DateValues.Parse(stamp) ?? DateValues.Parse(StripTime(stamp));
                pageDate ??= date;
                line.RemoveUnlessRemoved(DebrisReasons.Timestamp);
            }
        }
        return (byline, pageDate);
    }

    /// <summary>"16 Dec 2024 10:22 GMT" -> "16 Dec 2024": the calendar part a date parser reads.</summary>
    private static string StripTime(string stamp)
    {
        int colon = stamp.IndexOf(':');
        if (colon < 0) return stamp;
        int cut = stamp.LastIndexOf(' ', colon);
        return cut > 0 ? stamp[..cut].TrimEnd(' ', ',', '|', '-') : stamp;
    }

    private static bool HasLeadingMetadata(string line) =>
        DatelineParser.AgencyPrefix(line) is not null || DatelineParser.Dateline(line) is not null;

    private static List<CleanLine> SplitLines(string body)
    {
        var lines = new List<CleanLine>();
        int start = 0;
        while (start <= body.Length)
        {
            int end = body.IndexOf('\n', start);
            if (end < 0) end = body.Length;
            var line = body.AsSpan(start, end - start).Trim();
            if (line.Length > 0) lines.Add(new CleanLine(line.ToString()));
            start = end + 1;
        }
        return lines;
    }

    private static (string Text, ImmutableArray<RemovedPiece> Removed) Assemble(List<CleanLine> lines)
    {
        var removed = ImmutableArray.CreateBuilder<RemovedPiece>();
        var text = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (!line.IsKept)
            {
                removed.Add(new RemovedPiece(line.Text, line.Removed!));
                continue;
            }
            removed.AddRange(line.CutFromStart);
            if (text.Length > 0) text.Append('\n');
            text.Append(line.Text);
        }
        return (text.ToString(), removed.ToImmutable());
    }

    /// <summary>
    /// The first line is a headline when it is short, has no final sentence punctuation and the
    /// body follows it: another line at least as long.
    /// </summary>
    private static bool LooksLikeHeadline(CleanLine first, List<CleanLine> lines)
    {
        if (first.Words is < 3 or > MaxHeadlineWords || first.Text.Length > 250) return false;
        if (!(char.IsUpper(first.Text[0]) || char.IsDigit(first.Text[0]) || first.Text[0] is '"' or '“' or '‘' or '\'')) return false;
        char last = first.Text[^1];
        if (last is '"' or '”' or '’' or '\'' or '»' && first.Text.Length > 1) last = first.Text[^2];
        if (last is '!' or '?' or '…' or ':' or ';' or ',') return false;
        // A period ends sentences, but some sources end headlines with one too: accept it on Title Case only.
        if (last == '.' && !IsTitleCase(first.Text)) return false;
        int index = lines.IndexOf(first);
        for (int i = index + 1; i < lines.Count; i++)
        {
            if (!lines[i].IsKept) continue;
            return lines[i].Text.Length > first.Text.Length;
        }
        return false;
    }

    /// <summary>At least three words of four or more letters, and most of them capitalised.</summary>
    private static bool IsTitleCase(string line)
    {
        int longWords = 0, capitalised = 0, length = 0;
        bool capital = false;
        foreach (char c in line + " ")
        {
            if (char.IsLetter(c))
            {
                if (length == 0) capital = char.IsUpper(c);
                length++;
                continue;
            }
            if (length >= 4)
            {
                longWords++;
                if (capital) capitalised++;
            }
            length = 0;
        }
        return longWords >= 3 && capitalised >= 0.7 * longWords;
    }

    private static bool SameText(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string? Clean(string? title) => string.IsNullOrWhiteSpace(title) ? null : title.Trim();

    private static void AddRelay(List<string> relays, string name)
    {
        if (!relays.Contains(name, StringComparer.OrdinalIgnoreCase)) relays.Add(name);
    }
}
