using System.Collections.Frozen;
using System.Globalization;

namespace Crosscheck.Times;

/// <summary>What one word can mean to the time and number readers; a word may play several roles ("second", "march").</summary>
internal sealed class WordEntry
{
    public int Month;
    public int Weekday;
    public string? Season;
    public double Number = double.NaN;
    public int Ordinal;
    public double Scale;
    public long FractionDenominator;
    public string? Unit;
    public bool UnitPlural;
    public string? PartOfDay;
    public int? DayOffset;
    public string? Reference;
    public int? Relative;
    public string? Mod;
    public string? Set;
    public bool FutureMarker;
    public bool PastMarker;
    /// <summary>K, W, KW, M or C: what a casualty word says happened to those counted.</summary>
    public string? Casualty;
    /// <summary>A word naming a numbered thing ("article 4", "Brigade 155"): the number after it is a label, not a quantity.</summary>
    public bool Designator;
    /// <summary>A function word that ends the noun phrase after a number ("30 soldiers <b>were</b>").</summary>
    public bool Stop;
    /// <summary>Follows a duration to make it a past date ("three days ago", "три дня назад").</summary>
    public bool Ago;
    /// <summary>The first word of a holiday's name ("Thanksgiving", "Christmas", "New").</summary>
    public bool StartsHoliday;

    public bool IsNumber => !double.IsNaN(Number);

    /// <summary>
    /// A casualty word and nothing else ("killed", "died", "wounded"): its entry is for the quantity reader, so the tense
    /// reader still hears it as the past verb it usually is ("In January, a bomb killed two guards").
    /// </summary>
    public bool IsCasualtyOnly => Casualty is not null && !FutureMarker && !PastMarker && Unit is null && Reference is null && !IsNumber;

    /// <summary>The word can start a time expression (set at load, for the extractor's quick filter).</summary>
    public bool StartsTime;

    /// <summary>The word can be the first word of a time phrase's core, not only a prefix like "the" or "about".</summary>
    public bool StartsCore;
}

/// <summary>
/// A language's time and number words, read from <c>models/times/&lt;lang&gt;-words.tsv</c> so that a
/// new language is a data file, not code. Lookups take a span and never allocate.
/// </summary>
internal sealed class WordTable
{
    private static readonly Lazy<WordTable> EnglishLazy = new(() => Load("en"));
    private static readonly Lazy<WordTable> RussianLazy = new(() => Load("ru"));

    private readonly FrozenDictionary<string, WordEntry> _entries;
    private readonly FrozenDictionary<string, (string[] Tail, string Code)[]>.AlternateLookup<ReadOnlySpan<char>> _bounds;
    private readonly FrozenDictionary<string, WordEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordTable(FrozenDictionary<string, WordEntry> entries, FrozenDictionary<string, (string[] Tail, string Code)[]> bounds)
    {
        _entries = entries;
        _bounds = bounds.GetAlternateLookup<ReadOnlySpan<char>>();
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordTable English => EnglishLazy.Value;

    public static WordTable Russian => RussianLazy.Value;

    /// <summary>Month and weekday names are written with a capital (English), so a lower-case "may" is not May.</summary>
    public bool NamesCapitalized { get; private init; } = true;

    /// <summary>A month abbreviation without a period ("Jan") counts only before a day or year.</summary>
    public bool ShortMonthNeedsDay { get; private init; }

    /// <summary>
    /// Undotted weekday abbreviations ("Mon", "tues"), read only before a day of the month ("Mon 13th"); kept out of the
    /// main table so "the morning sun" or "she sat" never meet a weekday. The flag marks a form that is also an English
    /// word ("Sat", "Sun", "Wed"), which counts only with its capital.
    /// </summary>
    public FrozenDictionary<string, (int Weekday, bool IsWord)>.AlternateLookup<ReadOnlySpan<char>> ShortWeekdays { get; private init; } =
        FrozenDictionary<string, (int Weekday, bool IsWord)>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Meals that name a part of the day after a time preposition ("after lunch" TMEL, "at dinner" TMED), and the
    /// prepositions that make them times; the part codes are Recognizers-Text's, since TIMEX3 has none for meals.
    /// </summary>
    public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Meals { get; private init; } =
        FrozenDictionary<string, string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MealLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a meal that make it a habit on no one day ("after lunch every day").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HabitLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Past verbs right before an infinitive ("were to", "agreed to", "had planned to"): a plan told in the past.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastInfinitiveLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after "to date" that are the verb's object ("to date the skull", "to date it").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DateVerbObjects { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before "to date" that make it the verb ("began to date", "hard to date", "yet to date").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DateVerbLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Fixed phrases for the present moment ("at present", "to date"), matched word by word; PRESENT_REF.</summary>
    public string[][] PresentIdioms { get; private init; } = [];

    /// <summary>Word endings that mark a past-tense verb ("-ed"; Russian "-л", "-ла", "-ли").</summary>
    public string[] PastSuffixes { get; private init; } = [];

    /// <summary>Past-tense verbs with no past ending ("brought", "fell", "met"), so a sentence told with them reads as past.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastForms { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Relative words that count from the date a text named last ("the following year"), not from its publication.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnaphoricRelatives { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"be", "have", "been": between "will" and a participle they keep the participle future ("will be named").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticipleAuxiliaries { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"that" before a unit: the unit of the date named before ("that year").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Demonstratives { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Nouns after which "today's" means the present age, not the day ("today's youth", "in today's world"), which TimeML
    /// leaves unmarked.
    /// </summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EraNouns { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Prepositions after which "year-end", "year end" or "year's end" is a time ("by year-end", "since year end"); elsewhere
    /// it mostly modifies a noun ("year-end results").
    /// </summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> YearEndLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The only words after which "that" before a unit points at a named date ("later that day", "in that year"); after
    /// any other word "that" may open a clause ("found that day care ..."). The sentence start and a comma count too.
    /// </summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DemonstrativeLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words that tie a clock time to the day before them as a bound ("tomorrow before 5pm", "Friday no later than 6:00"):
    /// the clock stays its own expression but falls on that day.
    /// </summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClockSignals { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before a month and day written "11/20" with no year that make it a date ("on", "from", "until").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SlashDateCues { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The only words that may follow such a date ("at", "and", "to"); any other word makes the pair a count ("a 2/3 majority").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SlashDateFollowers { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Slashed numbers that name an event or a phrase in news, never a date of this year ("9/11", "24/7").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SlashDateNames { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Relative words that name the nearest such weekday ahead ("coming Sunday"), not the one of the next calendar week.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NearestWeekdayWords { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"next Friday", "last Wednesday" are the weekday of the next or last calendar week (option <c>relative-weekday-by-calendar-week</c>).</summary>
    public bool RelativeWeekdayByCalendarWeek { get; private init; }

    /// <summary>Words before "at" that make a number in words a price or a quote ("traded at one fifty"), not a spoken clock.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PriceWords { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that may stand before a clock signal ("no later than", "not before").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClockSignalLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"is", "are", "being": before a participle they make it present or passive, no past ("are held in March").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PresentAuxiliaries { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"which", "who": they open a relative clause, whose verb is not the main clause's.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativePronouns { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"first", "once": may stand before the participle that opens an appositive ("first held in 1930").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticipleAdverbs { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Participles that are no past verb ("born", "known"): after a comma they open an appositive, as "built" or "held" do.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticipleForms { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the phrase between the tokens holds an anaphoric relative word.</summary>
    public bool IsAnaphoric(string text, System.Collections.Immutable.ImmutableArray<Text.Token> tokens, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (AnaphoricRelatives.Contains(tokens[k].Span.SliceOf(text))) return true;
        }
        return false;
    }

    /// <summary>Words that end like a past verb but are none ("succeed", "hundred", "indeed").</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPast { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a word is a past-tense verb by its ending or as a listed irregular form. A capitalised word inside the
    /// sentence is a name ("Mohammed", "Павел"), not a verb.
    /// </summary>
    public bool IsPastVerb(ReadOnlySpan<char> word, bool sentenceInitial)
    {
        if (word.Length == 0 || !sentenceInitial && char.IsUpper(word[0])) return false;
        if (PastForms.Contains(word)) return true;
        if (word.Length <= 3 || NotPast.Contains(word)) return false;
        foreach (var suffix in PastSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Word endings of verb forms that end a counted noun phrase ("30 soldiers <b>fighting</b>", "солдат <b>прибыли</b>").</summary>
    public string[] VerbSuffixes { get; private init; } = [];

    /// <summary>Phrases that point a following time forward whatever the sentence's tense ("as soon as Tuesday").</summary>
    public string[][] FutureLeads { get; private init; } = [];

    /// <summary>
    /// Words before "to" that make the infinitive a plan ("set to", "due to", "was to"); "rushed to hospital"
    /// or "returned to work" is a destination, not a plan.
    /// </summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InfinitiveLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words before "between 3 and 8" or "from 3 to 8" that make the numbers a quantity ("arrested", "were", "to"), not hours.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountLeads { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Words of a measured or changing quantity ("temperatures", "turnout", "odds", "climbed", "fell", "range"): numbers in
    /// a "from ... to" or "between ... and" after one are its values, not clock hours or day-less slashed dates.
    /// </summary>
    /// <remarks>The value is true for a verb of change ("rose", "drifted"), which makes values only of "from ... to": "the
    /// rain fell between 2 and 5 in the morning" is a time.</remarks>
    public FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> MeasureWords { get; private init; } =
        FrozenDictionary<string, bool>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that speak of opening or working hours ("open", "polls", "shift"): "Monday 9-11" after one is a clock range.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HoursWords { get; private init; } =
        FrozenSet<string>.Empty.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Holiday names by first word: the rest of the name and the rule ("12-25" a fixed day, "11:4:4" the fourth Thursday of November, "5:-1:1" the last Monday of May, "easter+0").</summary>
    public FrozenDictionary<string, (string[] Tail, string Code)[]> Holidays { get; private init; } = FrozenDictionary<string, (string[] Tail, string Code)[]>.Empty;

    /// <summary>The code of the first candidate whose tail words follow token k (candidates longest first), with the token after them.</summary>
    private static string? MatchTail(string text, System.Collections.Immutable.ImmutableArray<Text.Token> tokens, int k, int limit,
        (string[] Tail, string Code)[] candidates, out int end)
    {
        end = k;
        foreach (var (rest, code) in candidates)
        {
            if (k + rest.Length >= limit) continue;
            bool all = true;
            for (int i = 0; i < rest.Length && all; i++) all = SameWordFoldingApostrophes(tokens[k + 1 + i].Span.SliceOf(text), rest[i]);
            if (all)
            {
                end = k + 1 + rest.Length;
                return code;
            }
        }
        return null;
    }

    /// <summary>The holiday named at token k, or null; <paramref name="end"/> is the token after the name.</summary>
    public string? MatchHoliday(string text, System.Collections.Immutable.ImmutableArray<Text.Token> tokens, int k, int limit, out int end)
    {
        end = k;
        if (k >= limit || !Holidays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(tokens[k].Span.SliceOf(text), out var candidates)) return null;
        return MatchTail(text, tokens, k, limit, candidates, out end);
    }

    /// <summary>"Year’s" matches the row "year's": the typographic apostrophe is the same letter.</summary>
    private static bool SameWordFoldingApostrophes(ReadOnlySpan<char> token, string word)
    {
        if (token.Length != word.Length) return false;
        for (int i = 0; i < token.Length; i++)
        {
            char a = token[i] == '’' ? '\'' : token[i];
            if (char.ToUpperInvariant(a) != char.ToUpperInvariant(word[i])) return false;
        }
        return true;
    }

    /// <summary>The day a holiday rule gives in a year, or null for a rule it cannot read.</summary>
    public static DateOnly? HolidayDate(string rule, int year)
    {
        if (year is < 1 or > 9999) return null;
        if (rule.StartsWith("easter", StringComparison.Ordinal))
        {
            if (!int.TryParse(rule.AsSpan(6), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int shift)) return null;
            var easter = Easter(year);
            return easter.AddDays(shift) is var day && day.Year == year ? day : null;
        }
        // "11:4:4+1": the day after a weekday rule's day (Black Friday after Thanksgiving).
        int daysAfter = 0;
        int plus = rule.IndexOf('+');
        if (plus > 0 && rule.IndexOf(':') > 0)
        {
            if (!int.TryParse(rule.AsSpan(plus + 1), NumberStyles.None, CultureInfo.InvariantCulture, out daysAfter)) return null;
            rule = rule[..plus];
        }
        var parts = rule.Split(':');
        if (parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int month) && int.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int nth)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int weekday) && month is >= 1 and <= 12 && weekday is >= 1 and <= 7 && nth is >= -1 and <= 5 and not 0)
        {
            var target = (DayOfWeek)(weekday % 7);
            if (nth > 0)
            {
                var first = new DateOnly(year, month, 1);
                var day = first.AddDays(((int)target - (int)first.DayOfWeek + 7) % 7 + 7 * (nth - 1));
                return day.Month == month ? day.AddDays(daysAfter) : null;
            }
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)target + 7) % 7) + daysAfter);
        }
        var md = rule.Split('-');
        if (md.Length == 2 && int.TryParse(md[0], NumberStyles.None, CultureInfo.InvariantCulture, out int m) && int.TryParse(md[1], NumberStyles.None, CultureInfo.InvariantCulture, out int d) && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m)) return new DateOnly(year, m, d);
        return null;
    }

    /// <summary>Western Easter Sunday (the anonymous Gregorian computus).</summary>
    private static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Phrases that point a following time back whatever the sentence's tense ("since the Oct. 23 attack").</summary>
    public string[][] PastLeads { get; private init; } = [];

    /// <summary>The tense a lead phrase just before the mention fixes, or null when there is none.</summary>
    public Tense? LeadTense(string text, System.Collections.Immutable.ImmutableArray<Text.Token> tokens, int start, int mentionStart) =>
        Follows(FutureLeads, text, tokens, start, mentionStart, true) ? Tense.Future
        : Follows(PastLeads, text, tokens, start, mentionStart, false) ? Tense.Past : null;

    /// <summary>"The ban became effective March 1": after a past copula the lead is the sentence's past, not a day ahead.</summary>
    private static readonly string[] PastCopulas = ["was", "were", "became", "been"];

    private static bool Follows(string[][] leads, string text, System.Collections.Immutable.ImmutableArray<Text.Token> tokens, int start, int mentionStart,
        bool notAfterPastCopula)
    {
        int last = mentionStart - 1;
        // "as soon as on Tuesday", "since the Oct. 23 attack": one preposition or article may stand between.
        if (last >= start && tokens[last].Span.SliceOf(text) is var between
            && (between.Equals("on", StringComparison.OrdinalIgnoreCase) || between.Equals("by", StringComparison.OrdinalIgnoreCase)
                || between.Equals("the", StringComparison.OrdinalIgnoreCase))) last--;
        foreach (var lead in leads)
        {
            int first = last - lead.Length + 1;
            if (first < start) continue;
            bool all = true;
            for (int i = 0; i < lead.Length && all; i++) all = tokens[first + i].Span.SliceOf(text).Equals(lead[i], StringComparison.OrdinalIgnoreCase);
            if (all && notAfterPastCopula && first > start && IsPastCopula(tokens[first - 1].Span.SliceOf(text))) return false;
            if (all) return true;
        }
        return false;
    }

    private static bool IsPastCopula(ReadOnlySpan<char> word)
    {
        foreach (var copula in PastCopulas)
        {
            if (word.Equals(copula, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    public bool LooksLikeVerb(ReadOnlySpan<char> word)
    {
        foreach (var suffix in VerbSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    public int Count => _entries.Count;

    /// <summary>Looks a word up as written, then without a final period ("Dec." then "Dec").</summary>
    public WordEntry? Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return null;
        if (_lookup.TryGetValue(word, out var entry)) return entry;
        if (word.Length > 1 && word[^1] == '.' && _lookup.TryGetValue(word[..^1], out entry)) return entry;
        return null;
    }

    /// <summary>The bound or hedge code ("AT_LEAST", "APPROX") of the words starting at token k, with the token after them.</summary>
    public string? MatchBound(string text, System.Collections.Immutable.ImmutableArray<Text.Token> tokens, int k, int limit, out int end)
    {
        end = k;
        if (k >= limit || !_bounds.TryGetValue(tokens[k].Span.SliceOf(text), out var candidates)) return null;
        return MatchTail(text, tokens, k, limit, candidates, out end);
    }

    public static WordTable Load(string language)
    {
        var entries = new Dictionary<string, WordEntry>(StringComparer.OrdinalIgnoreCase);
        var bounds = new Dictionary<string, List<(string[] Tail, string Code)>>(StringComparer.OrdinalIgnoreCase);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var pastSuffixes = new List<string>();
        var verbSuffixes = new List<string>();
        var futureLeads = new List<string[]>();
        var infinitiveLeads = new List<string>();
        var countLeads = new List<string>();
        var hoursWords = new List<string>();
        var measureWords = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var pastForms = new List<string>();
        var notPast = new List<string>();
        var anaphoric = new List<string>();
        var demonstratives = new List<string>();
        var participleAuxiliaries = new List<string>();
        // Roles that are plain word sets, each looked up whole.
        var wordSets = new Dictionary<string, List<string>>
        {
            ["demonstrative-lead"] = [], ["present-auxiliary"] = [], ["relative-pronoun"] = [], ["participle-form"] = [], ["participle-adverb"] = [], ["clock-signal"] = [], ["clock-signal-lead"] = [], ["slash-date-cue"] = [], ["slash-date-follow"] = [], ["slash-date-name"] = [], ["weekday-nearest"] = [], ["price-word"] = [], ["meal-lead"] = [], ["habit-lead"] = [], ["date-verb-lead"] = [], ["date-verb-object"] = [], ["past-infinitive-lead"] = [], ["year-end-lead"] = [], ["era-noun"] = [],
        };
        var pastLeads = new List<string[]>();
        var holidays = new Dictionary<string, List<(string[] Tail, string Code)>>(StringComparer.OrdinalIgnoreCase);
        var shortWeekdays = new Dictionary<string, (int Weekday, bool IsWord)>(StringComparer.OrdinalIgnoreCase);
        var meals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var presentIdioms = new List<string[]>();
        foreach (var row in ModelResources.ReadRows($"{language}-words.tsv", 3))
        {
            string role = row[0], word = row[1], value = row[2];
            if (role == "option")
            {
                options[word] = value;
                continue;
            }
            if (role == "past-suffix")
            {
                pastSuffixes.Add(word);
                continue;
            }
            if (role == "verb-suffix")
            {
                verbSuffixes.Add(word);
                continue;
            }
            if (role == "holiday")
            {
                // "thanksgiving day<TAB>11:4:4", "christmas<TAB>12-25": matched token by token, longest first.
                // The tokenizer splits a possessive off its word ("Year's" is "Year" + "'s", "Presidents' Day" is
                // "Presidents" + "'" + "Day").
                var parts = word.Replace("'s", " 's", StringComparison.Ordinal).Replace("' ", " ' ", StringComparison.Ordinal).Split(' ');
                if (!holidays.TryGetValue(parts[0], out var known)) holidays[parts[0]] = known = [];
                known.Add((parts[1..], value));
                if (!entries.TryGetValue(parts[0], out var first)) entries[parts[0]] = first = new WordEntry();
                first.StartsHoliday = true;
                continue;
            }
            if (role == "meal")
            {
                meals[word] = value;
                continue;
            }
            if (role == "present-idiom")
            {
                presentIdioms.Add(word.Split(' '));
                continue;
            }
            if (role is "weekday-short" or "weekday-short-word")
            {
                shortWeekdays[word] = (Int(value), role == "weekday-short-word");
                continue;
            }
            if (role == "measure-word")
            {
                measureWords[word] = value == "from";
                continue;
            }
            if (role is "count-lead" or "hours-word")
            {
                (role == "count-lead" ? countLeads : hoursWords).Add(word);
                continue;
            }
            if (role == "infinitive-lead")
            {
                infinitiveLeads.Add(word);
                continue;
            }
            if (role == "participle-auxiliary")
            {
                participleAuxiliaries.Add(word);
                continue;
            }
            if (role == "demonstrative")
            {
                demonstratives.Add(word);
                continue;
            }
            if (wordSets.TryGetValue(role, out var set))
            {
                set.Add(word);
                continue;
            }
            if (role == "anaphoric-relative")
            {
                anaphoric.Add(word);
                continue;
            }
            if (role is "past-form" or "not-past")
            {
                (role == "past-form" ? pastForms : notPast).Add(word);
                continue;
            }
            if (role is "future-lead" or "past-lead")
            {
                (role == "future-lead" ? futureLeads : pastLeads).Add(word.Split(' '));
                continue;
            }
            if (role == "bound")
            {
                // Multi-word hedges and bounds ("at least", "no more than"), matched token by token.
                var parts = word.Split(' ');
                if (!bounds.TryGetValue(parts[0], out var list)) bounds[parts[0]] = list = [];
                list.Add((parts[1..], value));
                continue;
            }
            if (!entries.TryGetValue(word, out var e)) entries[word] = e = new WordEntry();
            switch (role)
            {
                case "month": e.Month = Int(value); break;
                case "weekday": e.Weekday = Int(value); break;
                case "season": e.Season = value; break;
                case "number": e.Number = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "ordinal": e.Ordinal = Int(value); break;
                case "scale": e.Scale = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "fraction": e.FractionDenominator = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "unit": e.Unit = value; break;
                case "unitplural": e.Unit = value; e.UnitPlural = true; break;
                case "partofday": e.PartOfDay = value; break;
                case "deictic": e.DayOffset = Int(value); if (word.Equals("tonight", StringComparison.OrdinalIgnoreCase)) e.PartOfDay = "NI"; break;
                case "present" or "past" or "future": e.Reference = value; break;
                case "relative": e.Relative = Int(value); break;
                case "mod": e.Mod = value; break;
                case "set": e.Set = value; break;
                case "future-marker": e.FutureMarker = true; break;
                case "past-marker": e.PastMarker = true; break;
                case "casualty": e.Casualty = value; break;
                case "designator": e.Designator = true; break;
                case "stop": e.Stop = true; break;
                case "ago": e.Ago = true; break;
                case "trigger": e.StartsTime = true; e.StartsCore |= value == "core"; break;
                default: throw new InvalidDataException($"Unknown role '{role}' in {language}-words.tsv.");
            }
        }
        foreach (var e in entries.Values)
        {
            e.StartsCore |= e.Month > 0 || e.Weekday > 0 || e.Season is not null || e.IsNumber || e.Ordinal > 0 || e.Unit is not null
                || e.PartOfDay is not null || e.DayOffset is not null || e.Reference is not null || e.Relative is not null
                || e.Set is not null || e.FractionDenominator > 0 || e.StartsHoliday;
            e.StartsTime |= e.StartsCore || e.Mod is not null;
        }
        return new WordTable(
            entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            bounds.ToFrozenDictionary(b => b.Key, b => b.Value.OrderByDescending(x => x.Tail.Length).ToArray(), StringComparer.OrdinalIgnoreCase))
        {
            Holidays = holidays.ToFrozenDictionary(b => b.Key, b => b.Value.OrderByDescending(x => x.Tail.Length).ToArray(), StringComparer.OrdinalIgnoreCase),
            NamesCapitalized = !options.TryGetValue("names-capitalized", out var capitalized) || capitalized == "true",
            ShortMonthNeedsDay = options.TryGetValue("short-month-needs-day", out var shortMonth) && shortMonth == "true",
            PastSuffixes = [.. pastSuffixes],
            VerbSuffixes = [.. verbSuffixes],
            FutureLeads = [.. futureLeads],
            InfinitiveLeads = infinitiveLeads.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            CountLeads = countLeads.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            HoursWords = hoursWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            MeasureWords = measureWords.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            PastLeads = [.. pastLeads],
            PastForms = pastForms.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            ParticipleAuxiliaries = participleAuxiliaries.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            Demonstratives = demonstratives.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            EraNouns = wordSets["era-noun"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            YearEndLeads = wordSets["year-end-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            DemonstrativeLeads = wordSets["demonstrative-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            PresentAuxiliaries = wordSets["present-auxiliary"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            RelativePronouns = wordSets["relative-pronoun"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            ParticipleAdverbs = wordSets["participle-adverb"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            ClockSignalLeads = wordSets["clock-signal-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            SlashDateCues = wordSets["slash-date-cue"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            SlashDateFollowers = wordSets["slash-date-follow"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            SlashDateNames = wordSets["slash-date-name"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            PriceWords = wordSets["price-word"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            NearestWeekdayWords = wordSets["weekday-nearest"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            RelativeWeekdayByCalendarWeek = options.TryGetValue("relative-weekday-by-calendar-week", out var calendarWeek) && calendarWeek == "true",
            ClockSignals = wordSets["clock-signal"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            ParticipleForms = wordSets["participle-form"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            AnaphoricRelatives = anaphoric.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            NotPast = notPast.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            ShortWeekdays = shortWeekdays.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            Meals = meals.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            MealLeads = wordSets["meal-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            HabitLeads = wordSets["habit-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            DateVerbObjects = wordSets["date-verb-object"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            PastInfinitiveLeads = wordSets["past-infinitive-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            DateVerbLeads = wordSets["date-verb-lead"].ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>(),
            PresentIdioms = [.. presentIdioms],
        };
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}

/// <summary>Reads the tab-separated tables embedded from <c>models/</c>.</summary>
internal static class ModelResources
{
    public static IEnumerable<string[]> ReadRows(string fileName, int minColumns)
    {
        var assembly = typeof(ModelResources).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded model table '{fileName}' is missing; it is built from models/times/{fileName}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < minColumns) Array.Resize(ref columns, minColumns);
            for (int i = 0; i < columns.Length; i++) columns[i] ??= "";
            rows.Add(columns);
        }
        return rows;
    }
}
