using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Text;

namespace Crosscheck.Claims;

/// <summary>Cheap case-insensitive word tests over an article's tokens, without allocating strings.</summary>
internal readonly struct TokenView
{
    public TokenView(string text, ImmutableArray<Token> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public string Text { get; }

    public ImmutableArray<Token> Tokens { get; }

    public int Count => Tokens.Length;

    /// <summary>The first token that ends after <paramref name="offset"/> (binary search), or -1.</summary>
    public int FirstEndingAfter(int offset)
    {
        int lo = 0, hi = Tokens.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (Tokens[mid].Span.End > offset) { found = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return found;
    }

    public ReadOnlySpan<char> Word(int t) => Tokens[t].Span.SliceOf(Text);

    public bool Is(int t, string word) => t >= 0 && t < Tokens.Length && Word(t).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool In(int t, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set) => t >= 0 && t < Tokens.Length && set.Contains(Word(t));

    public bool IsWord(int t) => t >= 0 && t < Tokens.Length && Tokens[t].Kind is TokenKind.Word or TokenKind.Number;

    public bool IsCapitalized(int t) => IsWord(t) && char.IsUpper(Text[Tokens[t].Span.Start]);

    public bool IsLowerWord(int t) => IsWord(t) && char.IsLower(Text[Tokens[t].Span.Start]);

    public char First(int t) => Text[Tokens[t].Span.Start];

    public bool IsPunct(int t, char c) => t >= 0 && t < Tokens.Length && Tokens[t].Span.Length == 1 && Text[Tokens[t].Span.Start] == c;

    /// <summary>True for a token that is (part of) a double quotation mark.</summary>
    public bool IsQuoteMark(int t)
    {
        if (t < 0 || t >= Tokens.Length) return false;
        char c = Text[Tokens[t].Span.Start];
        return c is '"' or '“' or '”' or '«' or '»' or '„' or '\'' or '`';
    }

    public bool EndsWith(int t, string suffix) => t >= 0 && t < Tokens.Length && Word(t).EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    public Span Range(int first, int last) => new(Tokens[first].Span.Start, Tokens[last].Span.End);
}

/// <summary>Closed word classes the attribution rules lean on.</summary>
internal static class WordClasses
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> Auxiliaries = Set(
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "can", "may",
        "might", "must", "should", "shall", "did", "does", "do", "also", "not", "n't", "never", "previously", "earlier",
        "later", "then", "once", "again", "first", "further", "repeatedly", "publicly", "privately", "reportedly", "already",
        "just", "still", "even", "recently", "often", "always", "flatly", "today", "yesterday", "tonight", "had", "'s", "’s",
        "'d", "neither", "allegedly", "separately", "initially", "subsequently", "immediately", "quickly");

    /// <summary>
    /// Adverbs outside <see cref="Auxiliaries"/> that stand between a subject and its verb ("could yet say", "together
    /// vowed", "perhaps recognising"): never a source, and a subject scan passes over them.
    /// </summary>
    public static readonly FrozenSet<string> MidAdverbs = Set(
        "yet", "now", "perhaps", "together", "ever", "soon", "instead", "too", "almost", "thus", "therefore", "nonetheless",
        "nevertheless", "indeed", "twice", "seldom", "even", "also", "again", "still", "later");

    /// <summary>Prepositions of place that may sit inside a subject ("officials in the region", "analysts at the bank").</summary>
    public static readonly FrozenSet<string> LocativePrepositions = Set("in", "at");

    public static readonly FrozenSet<string> BeForms = Set("was", "were", "is", "are", "be", "been", "being", "'s", "’s");

    public static readonly FrozenSet<string> Negations = Set("not", "n't", "never", "no", "neither");

    public static readonly FrozenSet<string> Weekdays = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight");

    public static readonly FrozenSet<string> TimeNouns = Set(
        "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend", "day", "time");

    public static readonly FrozenSet<string> TimeLeads = Set("on", "last", "this", "earlier", "late", "early", "next");

    /// <summary>Words that open a clause or phrase and so end a subject found by scanning leftwards.</summary>
    public static readonly FrozenSet<string> LeftStops = Set(
        "that", "which", "but", "because", "while", "when", "as", "after", "before", "if", "although", "though", "since",
        "so", "where", "then", "meanwhile", "however", "whether", "than", "until", "unless", "whereas", "why", "how",
        "what", "whom", "whose", "to", "with", "by", "into", "about", "against", "over", "under", "on", "in", "during", "at",
        "amid", "among", "despite", "following", "without", "via", "per", "toward", "towards", "upon", "within", "throughout",
        "like", "unlike", "including", "or", "nor");

    /// <summary>Page labels that end a "Label: text" line: not speakers.</summary>
    public static readonly FrozenSet<string> PageLabels = Set(
        "photo", "photos", "caption", "credit", "credits", "note", "update", "updates", "more", "video", "watch", "read", "related",
        "image", "picture", "source", "sources", "file", "tags", "topics", "advertisement", "subscribe", "contact", "email", "share",
        "breaking", "latest", "correction", "corrections", "clarification", "poll", "polls", "exclusive", "live", "analysis", "opinion", "editorial", "factbox", "explainer", "timeline", "daily",
        "example", "instance", "briefing", "summary", "background", "transcript");

    public static readonly FrozenSet<string> Months = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec");

    /// <summary>Words that open a fronted adverbial clause or phrase ("During ..., X said, C").</summary>
    public static readonly FrozenSet<string> FrontingWords = Set(
        "during", "in", "after", "before", "since", "when", "while", "as", "over", "for", "throughout", "under", "at", "on",
        "until", "if", "although", "though", "because", "despite", "amid", "unlike", "like");

    /// <summary>Prepositions before a reporting gerund whose speaker is the main clause's subject ("by saying", "for claiming").</summary>
    public static readonly FrozenSet<string> GerundLeads = Set("by", "for", "from", "after", "before", "while", "when", "without", "of", "in");

    /// <summary>A cue right after these continues an earlier verb phrase ("met X and expressed ..."): its subject is further left.</summary>
    public static readonly FrozenSet<string> Coordinators = Set("and", "or", "but", "then", "yet");

    /// <summary>Words allowed inside a subject noun phrase when followed by more of it ("the head of the agency").</summary>
    public static readonly FrozenSet<string> NounPhraseJoiners = Set("of", "for", "and", "&", "from", "at", "in", "on");

    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "that", "such", "some",
        "any", "every", "each", "another", "one", "two", "three", "several", "many", "no");

    public static readonly FrozenSet<string> SubjectPronouns = Set("he", "she", "they", "it", "we", "i", "you", "who");

    public static readonly FrozenSet<string> PersonPronouns = Set("he", "she", "him", "her", "his");

    public static readonly FrozenSet<string> ObjectWords = Set(
        "me", "him", "her", "us", "them", "you", "reporters", "journalists", "agencies", "lawmakers", "parliament", "supporters",
        "congress", "senators", "voters", "viewers", "listeners", "readers", "officials", "the", "a", "an", "news", "agency",
        "state", "media", "television", "tv", "radio", "newspaper", "broadcaster", "outlet", "channel", "his", "her", "their",
        "its", "local", "foreign", "western", "crowd", "audience", "press", "conference", "briefing", "interviewer");

    /// <summary>Prepositions that end an inverted source ("said Zelensky in an address").</summary>
    public static readonly FrozenSet<string> InvertedSourceStops = Set(
        "in", "on", "at", "during", "after", "before", "while", "when", "as", "via", "through", "from", "to", "that", "with",
        "late", "early", "last", "earlier", "later", "today", "yesterday", "adding", "saying", "noting", "citing");

    /// <summary>Heads of a title-only reference to a person ("the Ukrainian leader added").</summary>
    public static readonly FrozenSet<string> PersonTitles = Set(
        "leader", "president", "minister", "spokesman", "spokeswoman", "spokesperson", "official", "chief", "commander",
        "general", "secretary", "premier", "chancellor", "governor", "mayor", "senator", "ambassador", "envoy", "adviser",
        "advisor", "aide", "candidate", "nominee", "lawmaker", "diplomat", "prosecutor", "judge", "head", "director",
        "analyst", "expert", "officer", "source", "man", "woman", "politician", "king", "queen", "prince", "pope",
        "dictator", "prime", "colonel", "captain", "sergeant", "lieutenant", "admiral", "marshal", "deputy", "representative");

    /// <summary>Words that open a comma-delimited aside between a cue and its content (", citing X,", ", without evidence,").</summary>
    public static readonly FrozenSet<string> Citing = Set("citing", "quoting", "according", "without", "however", "though", "again", "too", "in", "on", "at", "during", "after", "before", "while", "speaking", "referring", "like");

    public static readonly FrozenSet<string> CommunicationNouns = Set(
        "statement", "address", "interview", "speech", "post", "video", "message", "briefing", "conference", "letter",
        "report", "tweet", "broadcast", "appearance", "remarks", "comments", "op-ed", "column", "email", "call", "meeting",
        "session", "hearing", "podcast", "blog", "telegram", "note", "memo", "release", "filing", "televised", "nightly",
        "video-taped", "written", "separate", "joint", "brief", "emailed", "recorded");

    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> L(FrozenSet<string> set) => set.GetAlternateLookup<ReadOnlySpan<char>>();
}
