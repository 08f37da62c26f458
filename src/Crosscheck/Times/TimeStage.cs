using System.Collections.Immutable;

namespace Crosscheck.Times;

/// <summary>
/// Finds time expressions and gives each its TIMEX3 type and value, relative to
/// <see cref="AnalysisContext.ReferenceDateFor"/> (the publication date, or the run's fallback).
/// An expression that names an impossible date ("February 30") is left out rather than guessed.
/// </summary>
public sealed class TimeStage : IStage
{
    public const string StageName = "times";

    private static readonly Lazy<TimeExtractor> English = new(() => new TimeExtractor(WordTable.English));
    private static readonly Lazy<TimeExtractor> Russian = new(() => new TimeExtractor(WordTable.Russian));

    private readonly TimeExtractor? _fixed;

    /// <summary>Reads each article with its own language's words (<see cref="Article.Language"/>: "ru" Russian, anything else English).</summary>
    public TimeStage() { }

    /// <param name="language">ISO 639-1 code of the word table in models/times/ to use for every article ("en", "ru").</param>
    public TimeStage(string language) =>
        _fixed = language switch { "en" => English.Value, "ru" => Russian.Value, _ => new TimeExtractor(WordTable.Load(language)) };

    private TimeExtractor ExtractorFor(string language) => _fixed ?? (language == "ru" ? Russian.Value : English.Value);

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Times];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var reference = context.ReferenceDateFor(article.Article);
        return article.With(Layers.Times, Find(article.Text, article.Get(Layers.Tokens), article.Get(Layers.Sentences), reference, article.Article.Language,
            context.ReferenceTimeFor(article.Article)));
    }

    /// <summary>The time expressions of an already tokenized text, in text order.</summary>
    /// <param name="language">ISO 639-1 code of the text; "ru" reads Russian, anything else English (unless the stage was built for one language).</param>
    /// <param name="referenceTime">The reference instant's clock when the caller knows it: "30 minutes ago" is then that moment ("30 minutes later" is a stretch, PT30M).</param>
    public ImmutableArray<TimeExpression> Find(string text, ImmutableArray<Text.Token> tokens, ImmutableArray<Text.Sentence> sentences, DateOnly reference, string language = "en",
        TimeOnly? referenceTime = null)
    {
        var extractor = ExtractorFor(language);
        var result = ImmutableArray.CreateBuilder<TimeExpression>();
        var mentions = new List<TimeMention>();
        var entries = extractor.LookUp(text, tokens);
        bool quarterly = MentionsQuarters(text, tokens, entries);
        string? lastQuarter = null;
        // "On Friday ... In the morning, dealers ...": a part of a day the phrase does not name is that of the day named
        // last, in its sentence or the one before; with none, the reference day's, as TimeML anchors it on the document.
        string? lastDay = null;
        int lastDaySentence = int.MinValue;
        // "In 1995 the plant opened; the following year it closed": "following", "previous" and "preceding" count from
        // the date the text named last, not from the publication day, when it is near: in the same sentence, or in the
        // one before for a phrase that opens its sentence. A date in an appositive or relative clause ("Jones, born in
        // 1961, ...") is an aside, not the story's time.
        string? lastDate = null;
        int lastDateSentence = int.MinValue;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            int start = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            // The splitter may end a sentence at "p.m." ("at 6 p.m. Saturday"); the clock time belongs with what follows.
            while (s + 1 < sentences.Length && EndsWithMeridiem(text, tokens, start, end))
            {
                s++;
                end = sentences[s].FirstToken + sentences[s].TokenCount;
            }
            mentions.Clear();
            extractor.Extract(text, tokens, entries, start, end, mentions);
            if (mentions.Count == 0) continue;
            Tense? tense = null, sideTense = null;
            // The sentence's last resolved mention, for the ends of a range ("from next Monday to Friday").
            TimeMention previous = default;
            int previousIndex = -1;
            Tense previousNear = Tense.Past;
            // A meal waiting for the day named right after it ("after lunch on Friday").
            int waitingForDay = -1;
            // "In 2019, the ferry stopped in March", "Last year the bridge was closed from May": a year that opens the sentence
            // frames it, so a bare month after it is of that year. A year inside ("a program approved in 1987 ... through
            // Sept. 29") frames nothing.
            int sentenceYear = 0;
            foreach (var named in mentions)
            {
                var mention = named;
                if (sentenceYear != 0 && IsBareMonthOrDay(mention)) mention.Year = sentenceYear;
                // Tense matters only to phrases that leave the year or week open; it is worked out once, when first needed.
                var near = Tense.Past;
                bool? inSideClause = null;
                bool InSideClause() => inSideClause ??= extractor.InSideClause(text, tokens, entries, start, end, mention.StartToken);
                if (NeedsTense(mention))
                {
                    // A mention inside a relative clause ("who stepped down in March") takes that clause's verb too.
                    var sentenceTense = InSideClause()
                        ? sideTense ??= extractor.TenseOf(text, tokens, entries, start, end, mainClauseOnly: false)
                        : tense ??= extractor.TenseOf(text, tokens, entries, start, end);
                    near = sentenceTense == Tense.Mixed ? extractor.TenseNear(text, tokens, entries, start, end, mention.StartToken, sentenceTense) : sentenceTense;
                    near = extractor.Words.LeadTense(text, tokens, start, mention.StartToken) ?? near;
                    if (IsBareWeekday(mention) && extractor.InfinitiveBefore(text, tokens, entries, start, mention.StartToken)) near = Tense.Future;
                }
                if (!TimeResolver.Resolve(mention, reference, near).TryGetValue(out var resolved)) continue;
                if (resolved.Type == TimexType.Date && resolved.Value.Length == 4 && int.TryParse(resolved.Value, System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out int year) && year > 0 && mention.StartToken - start <= OpeningWords)
                {
                    sentenceYear = year;
                }
                if (referenceTime is { } clock && ClockShift(mention, reference, clock) is { } moment) resolved = (TimexType.Time, moment, true);
                bool anaphoric = mention.NamedBefore
                    || mention.Kind == MentionKind.RelativeUnit && extractor.Words.IsAnaphoric(text, tokens, mention.StartToken, mention.EndToken);
                if (anaphoric)
                {
                    // "that year" points back wherever it stands; "the following year" only from the start of its sentence
                    // ("Profit rose from the previous year" compares with the publication's year, not a date told before).
                    bool close = s == lastDateSentence
                        || s - lastDateSentence == 1 && (mention.NamedBefore || mention.StartToken - start <= OpeningWords);
                    string? anchor = close ? lastDate : null;
                    if (anchor is not null)
                    {
                        // A date coarser than the unit ("in 1990 ... the following day") leaves the phrase unresolved.
                        if (TimeResolver.ShiftFromNamedDate(anchor, mention.Unit!, mention.Relative) is not { } fromNamed) continue;
                        resolved = resolved with { Value = fromNamed };
                    }
                    // "that year" means nothing without a date named before it.
                    else if (mention.NamedBefore) continue;
                }
                if (mention.DayUnknown)
                {
                    var day = lastDay is not null && s - lastDaySentence <= 1 ? lastDay : reference.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                    resolved = resolved with { Value = day + resolved.Value[10..], Anchored = true };
                }
                else if (IsDay(resolved.Value))
                {
                    lastDay = resolved.Value[..10];
                    lastDaySentence = s;
                }
                if (mention.Kind == MentionKind.Quarter && mention.Relative == 0) lastQuarter = resolved.Value;
                // An anaphor does not move the anchor, so a chain of them does not drift from the named date.
                if (!anaphoric && resolved.Type is TimexType.Date or TimexType.Time && resolved.Value.Length >= 4 && char.IsAsciiDigit(resolved.Value[0])
                    && !InSideClause())
                {
                    lastDate = resolved.Value;
                    lastDateSentence = s;
                }
                // In a report about quarterly results, "a year ago" compares with the same quarter a year before.
                if (quarterly && mention.Kind == MentionKind.Ago && mention.Unit == "Y" && mention.Count == 1 && mention.Relative < 0)
                {
                    resolved = resolved with { Value = QuarterAYearBefore(lastQuarter, reference) };
                }
                var span = new Span(tokens[mention.StartToken].Span.Start, tokens[mention.EndToken - 1].Span.End);
                result.Add(new TimeExpression(span, resolved.Type, resolved.Value, mention.Modifier, resolved.Anchored));
                if (waitingForDay >= 0 && IsDay(resolved.Value) && !mention.DayUnknown)
                {
                    result[waitingForDay] = result[waitingForDay] with { Value = resolved.Value[..10] + result[waitingForDay].Value[10..] };
                }
                waitingForDay = mention.DayFromNext ? result.Count - 1 : -1;
                if (previousIndex >= 0 && IsRangeConnector(text, tokens, previous, mention))
                {
                    OrderRangeEnds(result, previousIndex, previous, result.Count - 1, mention, previousNear == Tense.Past && near == Tense.Past);
                }
                (previous, previousIndex, previousNear) = (mention, result.Count - 1, near);
            }
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// "from May to September", "Monday through Friday", "between November and March": two weekdays, or two months
    /// without a year, joined as the two ends of one stretch.
    /// </summary>
    private static bool IsRangeConnector(string text, ImmutableArray<Text.Token> tokens, in TimeMention first, in TimeMention second)
    {
        bool weekdays = first.Kind == MentionKind.Weekday && second.Kind == MentionKind.Weekday;
        bool months = first.Kind == MentionKind.Month && second.Kind == MentionKind.Month && first.Year == 0 && second.Year == 0;
        if (!(weekdays || months) || second.StartToken != first.EndToken + 1) return false;
        var between = tokens[first.EndToken].Span.SliceOf(text);
        if (between is "to" or "through" or "thru" or "till" or "until" or "-" or "\u2013" or "\u2014") return true;
        return between.Equals("and", StringComparison.OrdinalIgnoreCase) && first.StartToken > 0
            && tokens[first.StartToken - 1].Span.SliceOf(text).Equals("between", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A stretch ends after it starts: "from next Monday to Friday" is the Friday after that Monday, "the ferry ran
    /// between November and March" the November before that March. The end moves on by a week or a year unless the
    /// text fixed it ("next Friday", "March this year") or the start is as open as the end in a past-tense sentence;
    /// then the start moves back.
    /// </summary>
    private static void OrderRangeEnds(ImmutableArray<TimeExpression>.Builder result, int startIndex, in TimeMention startMention,
        int endIndex, in TimeMention endMention, bool past)
    {
        var start = result[startIndex].Value;
        var end = result[endIndex].Value;
        if (start.Length != end.Length || string.CompareOrdinal(end, start) >= 0) return;
        bool startFixed = startMention.HasRelative || startMention.YearOffset is not null;
        bool endFixed = endMention.HasRelative || endMention.YearOffset is not null;
        bool weekdays = startMention.Kind == MentionKind.Weekday;
        if (!endFixed && (startFixed || !past))
        {
            if (Shifted(end, weekdays, +1) is { } later) result[endIndex] = result[endIndex] with { Value = later };
        }
        else if (!startFixed && Shifted(start, weekdays, -1) is { } earlier)
        {
            result[startIndex] = result[startIndex] with { Value = earlier };
        }
    }

    /// <summary>A weekday's date a week on or back, a month's a year on or back; null for any other value.</summary>
    private static string? Shifted(string value, bool weekday, int direction)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (weekday)
        {
            if (value.Length != 10 || !DateOnly.TryParseExact(value, "yyyy-MM-dd", culture, System.Globalization.DateTimeStyles.None, out var day)) return null;
            if (day.Year is <= 1 or >= 9999) return null;
            return day.AddDays(7 * direction).ToString("yyyy-MM-dd", culture);
        }
        if (value.Length != 7 || !int.TryParse(value.AsSpan(0, 4), System.Globalization.NumberStyles.None, culture, out int year)) return null;
        year += direction;
        return year is < 1 or > 9999 ? null : year.ToString("D4", culture) + value[4..];
    }

    /// <summary>A value on a known calendar day: "2024-12-16", "2024-12-16T09:00", "2024-12-16TMO".</summary>
    private static bool IsDay(string value) =>
        value.Length >= 10 && value[4] == '-' && value[7] == '-' && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[3])
        && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9]) && (value.Length == 10 || value[10] == 'T');

    /// <summary>A report about quarterly results: "quarter" (or "third-quarter") at least twice.</summary>
    private static bool MentionsQuarters(string text, ImmutableArray<Text.Token> tokens, WordEntry?[] entries)
    {
        int count = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i] is { Unit: "Q" } || entries[i] is null && tokens[i].Kind == Text.TokenKind.Word
                && tokens[i].Span.SliceOf(text).EndsWith("-quarter", StringComparison.OrdinalIgnoreCase))
            {
                if (++count >= QuarterlyThreshold) return true;
            }
        }
        return false;
    }

    private const int QuarterlyThreshold = 2;

    /// <summary>Words a sentence may have before a phrase that still opens it ("In the following year").</summary>
    private const int OpeningWords = 2;

    private static string QuarterAYearBefore(string? quarter, DateOnly reference)
    {
        if (quarter is { Length: 7 } && quarter[5] == 'Q' && int.TryParse(quarter.AsSpan(0, 4), out int year) && year > 1)
        {
            return $"{(year - 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}{quarter[4..]}";
        }
        if (reference.Year < 3) return "XXXX-QX"; // no quarter a year before the calendar begins
        var reported = reference.AddMonths(-3);
        return $"{(reported.Year - 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}-Q{(reported.Month - 1) / 3 + 1}";
    }

    /// <summary>
    /// "30 minutes ago", "in 3 hours from now": a shift in hours, minutes or seconds from a reference whose clock is
    /// known is that moment ("2019-05-27T11:30", "2019-05-27T15:00"); "30 minutes later" is a stretch (PT30M), not a shift; null for any other mention, which keeps its value.
    /// </summary>
    private static string? ClockShift(in TimeMention m, DateOnly reference, TimeOnly clock)
    {
        if (m.Kind != MentionKind.Ago || double.IsNaN(m.Count) || Math.Abs(m.Count) > 10_000) return null;
        double seconds = m.Unit switch { "H" => 3600, "N" => 60, "S" => 1, _ => 0 } * m.Count * m.Relative;
        if (seconds == 0) return null;
        var moment = reference.ToDateTime(clock).AddSeconds(Math.Round(seconds));
        if (moment.Year is < 1 or > 9999) return null;
        return moment.ToString(moment.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"in March", "on May 4": a month or a day of a month with no year and no "last" or "next".</summary>
    private static bool IsBareMonthOrDay(in TimeMention m) =>
        m.Kind is MentionKind.Month or MentionKind.Date && m.Year == 0 && m.YearOffset is null && !m.HasRelative;

    /// <summary>A weekday with no "last" or "next", alone or with a part of day or clock ("Thursday morning", "9 a.m. Tuesday").</summary>
    private static bool IsBareWeekday(in TimeMention m) =>
        !m.HasRelative && (m.Kind == MentionKind.Weekday || m.Kind == MentionKind.TimeOfDay && m.Weekday != 0);

    private static bool NeedsTense(in TimeMention m) => m.Kind switch
    {
        MentionKind.Date or MentionKind.Month or MentionKind.Quarter => m.Year == 0,
        MentionKind.Weekday or MentionKind.Season or MentionKind.RelativeUnit => true,
        MentionKind.Holiday => m.Year == 0,
        // "the last week of July": a week of a named month takes the month's year as a month does.
        MentionKind.WeekOfYear => m.Unit == "M" && m.Month != 0 && m.Year == 0,
        MentionKind.TimeOfDay => m.Weekday != 0 || m.Month != 0 && m.Year == 0,
        _ => false,
    };

    private static bool EndsWithMeridiem(string text, ImmutableArray<Text.Token> tokens, int start, int end)
    {
        if (end - start < 4) return false;
        static bool Is(string text, Text.Token token, string value) => token.Span.SliceOf(text).Equals(value, StringComparison.OrdinalIgnoreCase);
        var last = tokens[end - 1];
        if (Is(text, last, "a.m.") || Is(text, last, "p.m.")) return true;
        return Is(text, last, ".") && Is(text, tokens[end - 2], "m") && Is(text, tokens[end - 3], ".") && (Is(text, tokens[end - 4], "a") || Is(text, tokens[end - 4], "p"));
    }
}
