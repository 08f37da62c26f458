using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Crosscheck.Provenance;

/// <summary>
/// Finds the agencies a report names as its own sources: an agency name from
/// <see cref="WireAgencyTable"/> next to a relay cue ("according to AFP", "told Reuters",
/// "citing Interfax", "Yonhap news agency reported", "(Reuters)"), plus unnamed agency copy
/// ("told agencies", "according to agency reports"), reported as <see cref="UnnamedAgencies"/>,
/// and agencies the table lacks but whose name says what they are ("Meridian Press Agency reported").
/// </summary>
public sealed partial class RelayFinder(WireAgencyTable table)
{
    /// <summary>
    /// An agency the table does not know, named by what it is: "Meridian Press Agency", "the
    /// Continental Wire", "Baltic News Service". A bare "Agency" is not enough: the International
    /// Atomic Energy Agency is a source, not a wire. Words are bounded, so a long hyphenated run
    /// costs linear time.
    /// </summary>
    [GeneratedRegex(@"\b(?:\p{Lu}[\p{L}\-]{1,30} ){1,3}(?:Press Agency|News Agency|Information Agency|Telegraph Agency|Wire|Wire Service|News Service|Newswire)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NamedAgencyPattern();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}\-]{1,30} ){1,3}(?:Press Agency|News Agency|Information Agency|Telegraph Agency|Wire|Wire Service|News Service|Newswire)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex WholeAgencyName();

    /// <summary>True when a name says it is a news agency ("Meridian Press Agency", "Baltic News Service").</summary>
    public static bool NamesAnAgency(string name) => name.Length <= 120 && WholeAgencyName().IsMatch(name);

    // Capitalised words that open a sentence or date it, never part of an agency's name.
    private static readonly HashSet<string> LeadingNonNames = new(StringComparer.Ordinal)
    {
        "The", "On", "In", "At", "By", "From", "And", "But", "As", "Yesterday", "Today", "Earlier", "Later", "Meanwhile",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    /// <summary>The relay recorded when a report says it rests on agency copy without naming the agency.</summary>
    public const string UnnamedAgencies = "news agencies (unnamed)";

    private static readonly string[] CuesBefore =
    [
        "according to", "told", "citing", "cited by", "quoted by", "quoting", "reported by", "speaking to", "spoke to",
        "interview with", "news agency", "agency", "said to", "statement to", "confirmed to", "report by", "reports by",
        "report from", "via", "reporting by", "by the", "wire service",
        // Russian and Ukrainian: "по данным ТАСС", "сообщает Интерфакс", "як повідомляє Укрінформ".
        "по данным", "по словам", "сообщает", "сообщило", "сообщил", "передает", "передаёт", "пишет", "агентство",
        "агентству", "агентства", "за даними", "повідомляє", "повідомило", "передає", "пише", "агенції",
        "заявил", "заявила", "заявив", "со ссылкой на", "з посиланням на",
    ];

    private static readonly string[] CuesAfter =
    [
        "reported", "reports", "reporting", "said", "says", "quoted", "cited", "learned", "wrote", "news agency", "agency reported",
        "contributed", "has learned",
        "сообщает", "сообщило", "сообщил", "передает", "передаёт", "пишет", "повідомляє", "повідомило", "передає", "пише",
    ];

    private static readonly string[] UnnamedCues =
    [
        "told agencies", "told news agencies", "told wire services", "according to agency reports", "according to agencies",
        "news agencies reported", "agency reports said", "according to news agencies", "told the agencies",
    ];

    public RelayFinder() : this(WireAgencyTable.Default)
    {
    }

    public WireAgencyTable Table { get; } = table;

    /// <summary>Relay names in order of first mention, without duplicates.</summary>
    public ImmutableArray<string> Find(string text)
    {
        var found = new List<string>();
        var words = Words(text);
        for (int i = 0; i < words.Count; i++)
        {
            var match = Table.MatchAt(text, words, i);
            if (match is null) continue;
            var (agency, count) = match.Value;
            var span = new Span(words[i].Start, words[i + count - 1].End);
            if (IsRelayMention(text, span) && !found.Contains(agency.Name)) found.Add(agency.Name);
            i += count - 1;
        }
        if (text.Contains("Agency", StringComparison.Ordinal) || text.Contains("Wire", StringComparison.Ordinal)
            || text.Contains("Service", StringComparison.Ordinal))
        {
            foreach (Match match in NamedAgencyPattern().Matches(text))
            {
                var name = match.Value;
                // "On Monday Baltic News Service reported": the agency is the last words only.
                while (name.IndexOf(' ') is int space and > 0 && LeadingNonNames.Contains(name[..space]) && NamesAnAgency(name[(space + 1)..])) name = name[(space + 1)..];
                if (name.Length == 0 || found.Contains(name) || Table.FindExact(name) is not null) continue;
                if (IsRelayMention(text, new Span(match.Index, match.Index + match.Length))) found.Add(name);
            }
        }
        if (MentionsUnnamedAgencies(text) && !found.Contains(UnnamedAgencies)) found.Add(UnnamedAgencies);
        return [.. found];
    }

    /// <summary>Every unnamed cue contains "agenc" or "wire serv"; the cheap ordinal scan comes first.</summary>
    private static bool MentionsUnnamedAgencies(string text)
    {
        if (!text.Contains("agenc", StringComparison.OrdinalIgnoreCase) && !text.Contains("wire serv", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var cue in UnnamedCues)
            if (text.Contains(cue, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    internal static bool IsRelayMention(string text, Span mention)
    {
        if (mention.Start > 0 && text[mention.Start - 1] == '(' && mention.End < text.Length && text[mention.End] == ')') return true;
        var before = Clause(text, mention.Start, backwards: true, 60);
        foreach (var cue in CuesBefore)
            if (EndsWithCue(before, cue)) return true;
        var after = Clause(text, mention.End, backwards: false, 40);
        if (after.StartsWith("'s", StringComparison.Ordinal) || after.StartsWith("’s", StringComparison.Ordinal)) after = after[2..];
        after = after.TrimStart();
        foreach (var cue in CuesAfter)
            if (after.StartsWith(cue, StringComparison.OrdinalIgnoreCase) && (after.Length == cue.Length || !char.IsLetter(after[cue.Length]))) return true;
        return false;
    }

    /// <summary>The text next to a mention, up to the clause's edge (line break or sentence end).</summary>
    private static ReadOnlySpan<char> Clause(string text, int from, bool backwards, int max)
    {
        if (backwards)
        {
            int start = from;
            while (start > 0 && from - start < max && text[start - 1] != '\n' && !(text[start - 1] == '.' && start < text.Length && text[start] == ' ')) start--;
            return text.AsSpan(start, from - start);
        }
        int end = from;
        while (end < text.Length && end - from < max && text[end] != '\n') end++;
        return text.AsSpan(from, end - from);
    }

    /// <summary>
    /// The cue ends the window, allowing a few words in between ("according to a March bulletin
    /// by the news agency AFP"): the cue must lie within the window and only words may follow it.
    /// </summary>
    private static bool EndsWithCue(ReadOnlySpan<char> before, string cue)
    {
        int at = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return false;
        if (at > 0 && char.IsLetter(before[at - 1])) return false;
        var rest = before[(at + cue.Length)..];
        if (rest.Length > 0 && char.IsLetter(rest[0])) return false;
        int wordsBetween = 0;
        bool inWord = false;
        foreach (char c in rest)
        {
            if (c is ',' or ';' or ':' or '"' or '“' or '”') return false;
            bool letter = !char.IsWhiteSpace(c);
            if (letter && !inWord) wordsBetween++;
            inWord = letter;
        }
        return wordsBetween <= 3;
    }

    /// <summary>Word spans: letters and digits with inner hyphens or periods ("Interfax-Ukraine", "U.S").</summary>
    internal static List<Span> Words(string text)
    {
        var words = new List<Span>(text.Length / 6);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i])
                || ((text[i] == '-' || text[i] == '.') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))))
                i++;
            words.Add(new Span(start, i));
        }
        return words;
    }
}
