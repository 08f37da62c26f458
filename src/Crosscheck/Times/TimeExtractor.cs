using System.Collections.Immutable;
using Crosscheck.Quantities;
using Crosscheck.Text;

namespace Crosscheck.Times;

/// <summary>
/// Finds time phrases in one sentence's tokens. Each pattern looks a fixed number of tokens ahead
/// and the scan always advances, so any input takes linear time (no regular expressions).
/// English surface words come from <see cref="WordTable"/>; the patterns are the word order.
/// </summary>
internal sealed class TimeExtractor
{
    private readonly WordTable _words;

    public TimeExtractor(WordTable words) => _words = words;

    public WordTable Words => _words;

    /// <summary>Adds the mentions of tokens [start, end) to <paramref name="output"/> in text order.</summary>
    /// <summary>Each token's table entry (null for numbers and unknown words), looked up once per article.</summary>
    public WordEntry?[] LookUp(string text, ImmutableArray<Token> tokens)
    {
        var entries = new WordEntry?[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.Word) entries[i] = _words.Find(tokens[i].Span.SliceOf(text));
        }
        return entries;
    }

    public void Extract(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, List<TimeMention> output)
    {
        var scan = new Scanner(text, tokens, entries, start, end, _words);
        int k = start;
        while (k < end)
        {
            // Quick filter: a time phrase starts with a number, a listed word, or a glued/hyphenated form ("1990s", "mid-2024", "Q3").
            var token = tokens[k];
            if (DemonstrativeUnitAt(text, tokens, entries, start, end, k) is { } demonstrative)
            {
                output.Add(demonstrative);
                k = demonstrative.EndToken;
                continue;
            }
            if (IsPresentAgeToday(text, tokens, entries, start, end, k))
            {
                k += 2;
                continue;
            }
            if (YearEndAt(text, tokens, entries, start, end, k) is { } yearEnd)
            {
                output.Add(yearEnd);
                k = yearEnd.EndToken;
                continue;
            }
            if (token.Kind == TokenKind.Word && entries[k] is not { StartsTime: true })
            {
                var w = token.Span.SliceOf(text);
                if (!char.IsAsciiDigit(w[0]) && w.IndexOf('-') < 0 && !(w.Length == 2 && w[0] is 'Q' or 'q' or 'H' or 'h' && char.IsAsciiDigit(w[1]))
                    && !(w.Length is >= 3 and <= 5 && _words.ShortWeekdays.ContainsKey(w)))
                {
                    k++;
                    continue;
                }
            }
            else if (token.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                k++;
                continue;
            }
            int next = scan.TryAt(k, output);
            // A rejected phrase ("February 30") is consumed without a mention, so its parts are not re-read.
            k = next > k ? next : k + 1;
        }
        JoinDatesWithClockTimes(text, tokens, output);
        JoinYearsAfterDates(text, tokens, output);
        ShiftDaysByDurations(text, tokens, output);
        ShareRangeYears(text, tokens, output);
        OpenClockRanges(text, tokens, start, output);
        OpenBareHourRangesBesideDays(text, tokens, start, end, output);
        BareHourRangesInAPartOfDay(text, tokens, entries, start, end, output);
        PutClockRangesOnTheirDay(text, tokens, output);
        JoinClocksWithDailySets(output);
        AnchorWeekdaysOnTheirWeek(text, tokens, output);
        DoubleFortnights(text, tokens, output);
        WeeksOfADay(text, tokens, start, output);
        SpelledDaysBeforeMonths(text, tokens, entries, start, output);
        MealTimes(text, tokens, entries, start, end, output);
        PresentIdioms(text, tokens, entries, start, end, output);
    }

    /// <summary>
    /// Whether the token after a phrase ends it: the sentence's end, punctuation, or a function word ("after lunch on
    /// Friday", "at present, the plan"); a content word means the phrase modifies a noun ("after dinner speeches", "at
    /// present levels", "at the minute mark").
    /// </summary>
    private static bool PhraseClosesAt(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int k, int end) =>
        k >= end || tokens[k].Kind is TokenKind.Punctuation
        // "equal to date from 2010", "close to date of birth": a noun with its complement, not the phrase.
        || entries[k] is { Stop: true } or { DayOffset: not null } or { Weekday: > 0 } && !tokens[k].Span.SliceOf(text).Equals("of", StringComparison.OrdinalIgnoreCase)
            && !tokens[k].Span.SliceOf(text).Equals("from", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "twenty five January nineteen eighty six", "on fifteen August 1993": a day spoken as a cardinal number right before a
    /// month that has its year is that day of the month. Only with the year: without it "five May protesters" or "three
    /// March rallies" count things.
    /// </summary>
    private void SpelledDaysBeforeMonths(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int sentenceStart, List<TimeMention> output)
    {
        for (int i = 0; i < output.Count; i++)
        {
            var month = output[i];
            if (month is not { Kind: MentionKind.Month, Day: 0, Modifier: null, YearOffset: null } || month.Year == 0 || month.Month == 0) continue;
            int k = month.StartToken - 1;
            if (k < sentenceStart || !SpelledWholeNumber(text, tokens, entries, k, out double units) || units is < 1 or > 31) continue;
            int first = k;
            double day = units;
            // "twenty five": a tens word before a unit.
            if (units < 10 && k - 1 >= sentenceStart && SpelledWholeNumber(text, tokens, entries, k - 1, out double tens) && tens is 20 or 30)
            {
                first = k - 1;
                day += tens;
            }
            // The day opens its phrase: at the sentence's start, after punctuation or a time preposition; "a dozen
            // January 2020 protests" or "one hundred twenty five" count.
            if (first - 1 >= sentenceStart && tokens[first - 1].Kind != TokenKind.Punctuation
                && !(tokens[first - 1].Span.SliceOf(text) is var lead && (lead.Equals("on", StringComparison.OrdinalIgnoreCase) || lead.Equals("by", StringComparison.OrdinalIgnoreCase)
                    || lead.Equals("since", StringComparison.OrdinalIgnoreCase) || lead.Equals("until", StringComparison.OrdinalIgnoreCase) || lead.Equals("from", StringComparison.OrdinalIgnoreCase)
                    || lead.Equals("before", StringComparison.OrdinalIgnoreCase) || lead.Equals("after", StringComparison.OrdinalIgnoreCase)))) continue;
            if (i > 0 && output[i - 1].EndToken > first) continue;
            // "Five May 2020 protesters": with no preposition before it, a noun right after the year is what the number counts.
            bool led = first - 1 >= sentenceStart && tokens[first - 1].Kind == TokenKind.Word;
            int after = month.EndToken;
            if (!led && after < tokens.Length && tokens[after].Kind == TokenKind.Word && entries.Length > after && entries[after] is null
                && char.IsLower(tokens[after].Span.SliceOf(text)[0]) && !_words.IsPastVerb(tokens[after].Span.SliceOf(text), false)
                && !_words.PresentAuxiliaries.Contains(tokens[after].Span.SliceOf(text))) continue;
            if (day > DateTime.DaysInMonth(month.Year is >= 1 and <= 9999 ? month.Year : 2000, month.Month)) continue;
            month.Kind = MentionKind.Date;
            month.Day = (int)day;
            month.StartToken = first;
            output[i] = month;
        }
    }

    private static bool SpelledWholeNumber(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int k, out double value)
    {
        value = 0;
        if (tokens[k].Kind != TokenKind.Word || entries[k] is not { IsNumber: true } e || char.IsAsciiDigit(tokens[k].Span.SliceOf(text)[0])) return false;
        value = e.Number;
        return value == Math.Floor(value);
    }

    /// <summary>Puts a mention found by a whole-sentence pass in text order, unless it overlaps one already found.</summary>
    private static void InsertInOrder(List<TimeMention> output, in TimeMention mention)
    {
        int at = 0;
        while (at < output.Count && output[at].StartToken < mention.StartToken) at++;
        if (at > 0 && output[at - 1].EndToken > mention.StartToken || at < output.Count && output[at].StartToken < mention.EndToken) return;
        output.Insert(at, mention);
    }

    /// <summary>
    /// "after lunch", "at dinnertime tomorrow", "over breakfast": a meal after a time preposition (data: <c>meal</c>,
    /// <c>meal-lead</c>) is that part of the day, on the day the stage gives it. Not with an article ("at a dinner for
    /// donors" is an event) nor before a noun it modifies ("after dinner speeches", "at lunch counters").
    /// </summary>
    private void MealTimes(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, List<TimeMention> output)
    {
        for (int k = start + 1; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Word || !_words.Meals.TryGetValue(tokens[k].Span.SliceOf(text), out var part)) continue;
            if (!_words.MealLeads.Contains(tokens[k - 1].Span.SliceOf(text)) || !PhraseClosesAt(text, tokens, entries, k + 1, end)) continue;
            // "after lunch on Friday", "before lunch Thursday", "after lunch tomorrow": the meal is on the day named next.
            bool on = k + 1 < end && tokens[k + 1].Span.SliceOf(text).Equals("on", StringComparison.OrdinalIgnoreCase);
            int dayStart = on ? k + 2 : k + 1;
            int next = output.FindIndex(m => m.StartToken >= k + 1);
            // The two stay apart, as TimeML and the DateTime specs write them; the stage puts the meal on that day.
            if (next >= 0 && output[next].StartToken == dayStart
                && output[next] is { Kind: MentionKind.Date or MentionKind.Weekday or MentionKind.Deictic, PartOfDay: null, HasClock: false, Modifier: null })
            {
                InsertInOrder(output, new TimeMention(MentionKind.TimeOfDay, k, k + 1) { PartOfDay = part, DayUnknown = true, DayFromNext = true });
                continue;
            }
            // "after lunch on match days", "before dinner every night": a habit, on no one day.
            if (on || k + 1 < end && _words.HabitLeads.Contains(tokens[k + 1].Span.SliceOf(text))) continue;
            InsertInOrder(output, new TimeMention(MentionKind.TimeOfDay, k, k + 1) { PartOfDay = part, DayUnknown = true });
        }
    }

    /// <summary>
    /// "at present", "to date", "at the present time" (data: <c>present-idiom</c>): the present moment, when the phrase
    /// closes ("at present levels" is an adjective's) and "to date" is no verb ("up to date", "due to date").
    /// </summary>
    private void PresentIdioms(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, List<TimeMention> output)
    {
        if (_words.PresentIdioms.Length == 0) return;
        for (int k = start; k < end; k++)
        {
            if (tokens[k].Kind != TokenKind.Word) continue;
            foreach (var idiom in _words.PresentIdioms)
            {
                int n = idiom.Length;
                if (k + n > end) continue;
                bool match = true;
                for (int j = 0; j < n && match; j++) match = tokens[k + j].Span.SliceOf(text).Equals(idiom[j], StringComparison.OrdinalIgnoreCase);
                bool infinitive = idiom[0].Equals("to", StringComparison.OrdinalIgnoreCase);
                // "Losses to date exceed $2 billion": after a noun, "to date" may close before the verb.
                bool beforeVerb = infinitive && k + n < end && tokens[k + n].Kind == TokenKind.Word && entries[k + n] is null
                    && char.IsLower(tokens[k + n].Span.SliceOf(text)[0]) && k > start && tokens[k - 1].Kind == TokenKind.Word && entries[k - 1] is null or { Stop: false, IsNumber: false, Unit: null, Month: 0, Weekday: 0 };
                if (!match || !beforeVerb && !PhraseClosesAt(text, tokens, entries, k + n, end)) continue;
                if (k > start && tokens[k - 1].Span.SliceOf(text) is var before
                    && (before.Equals("up", StringComparison.OrdinalIgnoreCase) || before.Equals("out", StringComparison.OrdinalIgnoreCase) || _words.InfinitiveLeads.Contains(before))) continue;
                if (infinitive && DateIsAVerb(text, tokens, start, end, k, k + n)) continue;
                InsertInOrder(output, new TimeMention(MentionKind.Reference, k, k + n) { Literal = "PRESENT_REF" });
                k += n - 1;
                break;
            }
        }
    }

    /// <summary>
    /// "began to date in 2019", "hard to date", "yet to date the skull": "to date" after a word that takes the verb
    /// (data: <c>date-verb-lead</c>), or before an object (<c>date-verb-object</c>) ("to date the bones", "to date it"), is the verb.
    /// </summary>
    private bool DateIsAVerb(string text, ImmutableArray<Token> tokens, int start, int end, int to, int after)
    {
        if (to > start && tokens[to - 1].Kind == TokenKind.Word && _words.DateVerbLeads.Contains(tokens[to - 1].Span.SliceOf(text))) return true;
        return after < end && tokens[after].Kind == TokenKind.Word && _words.DateVerbObjects.Contains(tokens[after].Span.SliceOf(text));
    }

    /// <summary>"the week of March 6", "the week of the 18th": the week holding that day (the resolver writes the ISO week).</summary>
    private static void WeeksOfADay(string text, ImmutableArray<Token> tokens, int sentenceStart, List<TimeMention> output)
    {
        for (int i = 0; i < output.Count; i++)
        {
            var m = output[i];
            // "of" right before the day, or before its "the" ("the week of the 18th").
            int s = m.StartToken - 1;
            if (m is not { Kind: MentionKind.Date, Day: > 0, ShiftUnit: null } || s - 2 < sentenceStart) continue;
            if (tokens[s].Span.SliceOf(text).Equals("the", StringComparison.OrdinalIgnoreCase)) s--;
            if (s - 2 < sentenceStart || !tokens[s].Span.SliceOf(text).Equals("of", StringComparison.OrdinalIgnoreCase)
                || !tokens[s - 1].Span.SliceOf(text).Equals("week", StringComparison.OrdinalIgnoreCase)
                || !tokens[s - 2].Span.SliceOf(text).Equals("the", StringComparison.OrdinalIgnoreCase)) continue;
            m.StartToken = s - 2;
            m.Unit = "W";
            output[i] = m;
        }
    }

    /// <summary>
    /// "a fortnight later", "in a fortnight", "the past fortnight": the table reads "fortnight" as a week, so a count of
    /// them is doubled here; a fortnight before or after the reference ("the next fortnight") is the two weeks' duration,
    /// as TimeML writes "the next two weeks", and "this fortnight", which no calendar unit holds, is left out.
    /// </summary>
    private static void DoubleFortnights(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = output.Count - 1; i >= 0; i--)
        {
            var m = output[i];
            if (m.Unit != "W" || m.Kind is not (MentionKind.Duration or MentionKind.Ago or MentionKind.RelativeUnit)) continue;
            bool fortnight = false;
            for (int k = m.StartToken; k < m.EndToken && !fortnight; k++)
            {
                fortnight = tokens[k].Span.SliceOf(text).StartsWith("fortnight", StringComparison.OrdinalIgnoreCase);
            }
            if (!fortnight) continue;
            if (m.Kind == MentionKind.RelativeUnit)
            {
                if (m.Relative == 0 || m.NamedBefore) { output.RemoveAt(i); continue; }
                m.Kind = MentionKind.Duration;
                m.Count = 2;
            }
            else if (!double.IsNaN(m.Count)) m.Count *= 2;
            output[i] = m;
        }
    }

    /// <summary>
    /// "that year", "later that day", "that same quarter": the unit of a date named before (resolved by the stage).
    /// Only after a word that leads a time ("later", "on", "in"), a comma or at the sentence start: after others "that"
    /// may open a clause ("found that day care ...", "so that week after week ...").
    /// </summary>
    private TimeMention? DemonstrativeUnitAt(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, int k)
    {
        if (!_words.Demonstratives.Contains(tokens[k].Span.SliceOf(text))) return null;
        int u = k + 1;
        if (u < end && tokens[u].Span.SliceOf(text).Equals("same", StringComparison.OrdinalIgnoreCase)) u++;
        if (u >= end || entries[u] is not { Unit: "Y" or "M" or "W" or "D" or "Q", UnitPlural: false } unitEntry || tokens[u].Kind != TokenKind.Word) return null;
        // "that day-to-day work", "that year-end bonus": a glued word is no unit.
        if (u + 1 < end && tokens[u + 1].Span.SliceOf(text) is "-" or "–") return null;
        int first = k;
        if (k > start)
        {
            var before = tokens[k - 1].Span.SliceOf(text);
            if (!(before is "," || _words.DemonstrativeLeads.Contains(before))) return null;
            if (before.Equals("later", StringComparison.OrdinalIgnoreCase) || before.Equals("earlier", StringComparison.OrdinalIgnoreCase)) first = k - 1;
        }
        return new TimeMention(MentionKind.RelativeUnit, first, u + 1) { Unit = unitEntry.Unit, Relative = 0, HasRelative = true, NamedBefore = true };
    }

    /// <summary>
    /// "today's youth", "in today's global economy": "today's" before a noun of the age (data <c>era-noun</c>, lower
    /// case), next or after one adjective, that ends its phrase, is the present age, not the publication day; "today's
    /// vote", "today's youth tournament" and "Today's World Cup final" stay dates.
    /// </summary>
    private bool IsPresentAgeToday(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, int k)
    {
        if (!tokens[k].Span.SliceOf(text).Equals("today", StringComparison.OrdinalIgnoreCase)) return false;
        if (k + 2 >= end || tokens[k + 1].Span.SliceOf(text) is not ("'s" or "’s")) return false;
        bool IsEraNounAt(int n) => n < end && tokens[n].Kind == TokenKind.Word && char.IsLower(tokens[n].Span.SliceOf(text)[0])
            && _words.EraNouns.Contains(tokens[n].Span.SliceOf(text)) && PhraseClosesAt(text, tokens, entries, n + 1, end);
        if (IsEraNounAt(k + 2)) return true;
        return tokens[k + 2].Kind == TokenKind.Word && char.IsLower(tokens[k + 2].Span.SliceOf(text)[0]) && IsEraNounAt(k + 3);
    }

    /// <summary>
    /// "by year-end", "around year end", "since year's end": the end of the year (TimeML's year, mod END), the last one
    /// after "since". Only after a listed preposition and before no noun: "year-end results", "a year-end bonus" name a thing.
    /// </summary>
    private TimeMention? YearEndAt(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, int k)
    {
        if (k <= start) return null;
        var word = tokens[k].Span.SliceOf(text);
        int e = k + 1;
        // The tokenizer keeps "year-end" whole and splits "year end" and "year's end".
        if (!(word.Equals("year-end", StringComparison.OrdinalIgnoreCase) || word.Equals("year–end", StringComparison.OrdinalIgnoreCase)))
        {
            if (!word.Equals("year", StringComparison.OrdinalIgnoreCase)) return null;
            if (e < end && tokens[e].Span.SliceOf(text) is "'s" or "’s") e++;
            if (e >= end || !tokens[e].Span.SliceOf(text).Equals("end", StringComparison.OrdinalIgnoreCase)) return null;
            e++;
        }
        // "by year-end 2025": the end of that year.
        int named = 0;
        if (e < end && tokens[e].Kind == TokenKind.Number && tokens[e].Span.Length == 4
            && int.TryParse(tokens[e].Span.SliceOf(text), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int year)
            && year is >= 1000 and <= 2999)
        {
            named = year;
            e++;
        }
        if (e < end && tokens[e].Kind != TokenKind.Punctuation && entries[e] is not { Stop: true }) return null;
        var lead = tokens[k - 1].Span.SliceOf(text);
        if (!_words.YearEndLeads.Contains(lead)) return null;
        if (named != 0) return new TimeMention(MentionKind.Year, k, e) { Year = named, Modifier = "END" };
        bool since = lead.Equals("since", StringComparison.OrdinalIgnoreCase);
        return new TimeMention(MentionKind.RelativeUnit, k, e) { Unit = "Y", Relative = since ? -1 : 0, HasRelative = true, Modifier = "END" };
    }

    /// <summary>
    /// "from 9 to 11 a.m.", "5-6pm", "3:00 to 4:00 tomorrow", "between 10 and 11:30 on 1/1/2015": the first end of
    /// a clock range takes the meridiem and the day of the second, and a bare hour there becomes a clock time.
    /// </summary>
    private static void OpenClockRanges(string text, ImmutableArray<Token> tokens, int sentenceStart, List<TimeMention> output)
    {
        for (int i = output.Count - 1; i >= 0; i--)
        {
            var last = output[i];
            if (last is not { Kind: MentionKind.TimeOfDay, HasClock: true }) continue;
            int joiner = last.StartToken - 1;
            if (joiner <= sentenceStart) continue;
            var join = tokens[joiner].Span.SliceOf(text);
            bool between = false;
            if (!(join is "-" or "–" || join.Equals("to", StringComparison.OrdinalIgnoreCase) || join.Equals("until", StringComparison.OrdinalIgnoreCase)
                || join.Equals("till", StringComparison.OrdinalIgnoreCase) || (between = join.Equals("and", StringComparison.OrdinalIgnoreCase)))) continue;
            int firstEnd = joiner;
            TimeMention first;
            bool found = i > 0 && output[i - 1] is { Kind: MentionKind.TimeOfDay, HasClock: true } && output[i - 1].EndToken == firstEnd;
            if (found) first = output[i - 1];
            else
            {
                // A bare hour: "9" in "from 9 to 11 a.m."
                int k = firstEnd - 1;
                if (k < sentenceStart || tokens[k].Kind != TokenKind.Number || tokens[k].Span.Length > 2) continue;
                var digits = tokens[k].Span.SliceOf(text);
                int hour = digits.Length == 2 ? (digits[0] - '0') * 10 + (digits[1] - '0') : digits[0] - '0';
                if (hour is < 0 or > 23 || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[^1])) continue;
                // "December 14 - 10pm": a number inside another expression is not a range end.
                if (output.Exists(m => m.StartToken <= k && k < m.EndToken)) continue;
                first = new TimeMention(MentionKind.TimeOfDay, k, k + 1) { Hour = hour, HasClock = true, HasMeridiem = digits.Length == 2 && digits[0] == '0' };
            }
            // "between X and Y" needs its "between"; the other joiners stand alone.
            if (between && !(first.StartToken > sentenceStart && tokens[first.StartToken - 1].Span.SliceOf(text).Equals("between", StringComparison.OrdinalIgnoreCase))) continue;
            // "5 to 6pm": a bare hour before "to" is a range end when the second end says which half of the day it is.
            if (!found && !(first.StartToken > sentenceStart && tokens[first.StartToken - 1].Span.SliceOf(text) is var before
                && (before.Equals("from", StringComparison.OrdinalIgnoreCase) || before.Equals("between", StringComparison.OrdinalIgnoreCase))) && join is not ("-" or "–")
                && !(last.HasMeridiem && !between)) continue;
            // The second end's meridiem carries back: "9 to 11 p.m." starts at 21:00 when that keeps the order.
            if (!first.HasMeridiem && first.Hour < 12 && last.Hour >= 12 && first.Hour + 12 <= last.Hour) first.Hour += 12;
            // "Tuesday at 2:00 - 2:30 pm", "Thursday 19:00 - 21:00": the second end is on the first's day.
            if (last.Month == 0 && last.Weekday == 0 && !last.HasDayOffset && (first.Month != 0 || first.Weekday != 0 || first.HasDayOffset))
            {
                CopyDay(ref last, first);
                output[i] = last;
            }
            else if (first.Month == 0 && first.Weekday == 0 && !first.HasDayOffset)
            {
                CopyDay(ref first, last);
            }
            if (found) output[i - 1] = first;
            else output.Insert(i, first);
        }
    }

    /// <summary>
    /// "The office is open Monday 9-11", "Wednesday from 10-4", "closed between 3 and 8 on Monday", "next evening from 7 to 9":
    /// two bare hours joined as a range, with a day named right beside them, are the clock range on that day (placed there by
    /// <see cref="PutClockRangesOnTheirDay"/>). Numbers are counts, votes and scores far more often than hours, so each form
    /// needs more than the day: a dash form without "from" or "between" needs the day right before it, an hours word
    /// ("open", "polls", "shift") before the day, and closes its clause ("ruled Monday, 7-2" is a vote, "won 2-1 on Saturday"
    /// has no day before); a falling pair is an hour range only across noon ("11-4"); "between" and "from" must not follow a
    /// counting verb, a form of "be", "to" or "at" ("arrested between 10 and 12", "highs will be between 3 and 8", "rose to
    /// between 20 and 23"); "from 7 to 9" needs a part of the day ("fell from 8 to 7 on Monday" is a rate).
    /// </summary>
    private void OpenBareHourRangesBesideDays(string text, ImmutableArray<Token> tokens, int start, int end, List<TimeMention> output)
    {
        // Mentions are in text order, so one forward cursor finds those around each candidate without rescanning the list.
        int cursor = 0;
        for (int k = start; k + 2 < end; k++)
        {
            if (!BareHour(text, tokens[k], out int first)) continue;
            var join = tokens[k + 1].Span.SliceOf(text);
            var lead = k > start ? tokens[k - 1].Span.SliceOf(text) : default;
            bool fromLead = lead.Equals("from", StringComparison.OrdinalIgnoreCase);
            bool betweenLead = lead.Equals("between", StringComparison.OrdinalIgnoreCase);
            bool dash = join is "-" or "–" && tokens[k].Span.End == tokens[k + 1].Span.Start && tokens[k + 1].Span.End == tokens[k + 2].Span.Start;
            bool to = fromLead && (join.Equals("to", StringComparison.OrdinalIgnoreCase) || join.Equals("until", StringComparison.OrdinalIgnoreCase) || join.Equals("till", StringComparison.OrdinalIgnoreCase));
            bool and = betweenLead && join.Equals("and", StringComparison.OrdinalIgnoreCase);
            if (!(dash || to || and) || !BareHour(text, tokens[k + 2], out int second)) continue;
            if (first == second || first == 0 || second == 0) continue;
            if (first > second)
            {
                // "11-4", "10-4": a range across noon; "3-1" or "8-7" falls and is no hour range.
                if (first < 7 || first > 12 || second + 12 <= first || second >= 12) continue;
                second += 12;
            }
            int leadStart = fromLead || betweenLead ? k - 1 : k;
            if (leadStart > start && _words.CountLeads.Contains(tokens[leadStart - 1].Span.SliceOf(text))) continue;
            if (leadStart < k && MeasureWordBefore(_words, text, tokens, start, leadStart)) continue;
            while (cursor < output.Count && output[cursor].StartToken < k) cursor++;
            int dayAfter = cursor;
            while (dayAfter < output.Count && output[dayAfter].StartToken < k + 3) dayAfter++;
            if (dayAfter > cursor || cursor > 0 && output[cursor - 1].EndToken > k) continue;
            int dayBefore = cursor - 1;
            while (dayBefore >= 0 && output[dayBefore].EndToken > leadStart) dayBefore--;
            bool dayRightAfter = dayAfter < output.Count && NamesADay(output[dayAfter]);
            // A word after the second hour is a meridiem or clock word (OpenClockRanges' business: "3 to 5 pm", "7 oclock")
            // or a noun the numbers count ("3 and 8 people"), unless it is the day itself or "on" before it.
            if (k + 3 < end && tokens[k + 3].Kind == TokenKind.Word
                && !(dayRightAfter && (output[dayAfter].StartToken == k + 3
                    || output[dayAfter].StartToken == k + 4 && tokens[k + 3].Span.SliceOf(text).Equals("on", StringComparison.OrdinalIgnoreCase)))) continue;
            bool plainDash = dash && !fromLead && !betweenLead;
            bool before = dayBefore >= 0 && NamesADay(output[dayBefore])
                && (plainDash ? WordsBetweenAre(text, tokens, output[dayBefore].EndToken, k, "on", "at")
                    : WordsBetweenAre(text, tokens, output[dayBefore].EndToken, leadStart, ",", "on", "at"));
            bool after = dayRightAfter && !plainDash && WordsBetweenAre(text, tokens, k + 3, output[dayAfter].StartToken, "on", ",");
            if (!before && !after) continue;
            if (plainDash)
            {
                // "open Monday 9-11." closes its clause; "Monday 3-8 people" or "7-2-1" goes on.
                if (k + 3 < end && (tokens[k + 3].Kind != TokenKind.Punctuation || tokens[k + 3].Span.SliceOf(text) is "-" or "–" or "/")) continue;
                if (!HoursWordBefore(text, tokens, start, output[dayBefore].StartToken)) continue;
            }
            if (to)
            {
                var day = before ? output[dayBefore] : output[dayAfter];
                if (day.PartOfDay is null) continue;
            }
            var firstClock = new TimeMention(MentionKind.TimeOfDay, k, k + 1) { Hour = first, HasClock = true };
            var secondClock = new TimeMention(MentionKind.TimeOfDay, k + 2, k + 3) { Hour = second, HasClock = true, HasMeridiem = second > 12 };
            output.Insert(dayAfter, secondClock);
            output.Insert(dayAfter, firstClock);
            k += 2;
        }
    }

    /// <summary>
    /// "between 2 and 3 in the morning", "from 7 to 9 in the evening": two bare hours joined as a range, then the part of
    /// the day they fall in, are two clock times in that part (on the day the part takes). "between" and "from" must not
    /// follow a counting word ("rose to between 5 and 6 in the afternoon"), and the hours must rise once placed in the part.
    /// </summary>
    private void BareHourRangesInAPartOfDay(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, List<TimeMention> output)
    {
        for (int k = start + 1; k + 5 < end; k++)
        {
            var lead = tokens[k - 1].Span.SliceOf(text);
            bool between = lead.Equals("between", StringComparison.OrdinalIgnoreCase);
            if (!between && !lead.Equals("from", StringComparison.OrdinalIgnoreCase)) continue;
            if (!BareHour(text, tokens[k], out int first) || !BareHour(text, tokens[k + 2], out int second) || first is 0 or > 12 || second is 0 or > 12) continue;
            var join = tokens[k + 1].Span.SliceOf(text);
            if (!(between ? join.Equals("and", StringComparison.OrdinalIgnoreCase)
                : join.Equals("to", StringComparison.OrdinalIgnoreCase) || join.Equals("until", StringComparison.OrdinalIgnoreCase) || join.Equals("till", StringComparison.OrdinalIgnoreCase))) continue;
            if (!tokens[k + 3].Span.SliceOf(text).Equals("in", StringComparison.OrdinalIgnoreCase) || !tokens[k + 4].Span.SliceOf(text).Equals("the", StringComparison.OrdinalIgnoreCase)
                || entries[k + 5] is not { PartOfDay: { } part, DayOffset: null }) continue;
            if (k - 2 >= start && _words.CountLeads.Contains(tokens[k - 2].Span.SliceOf(text))) continue;
            if (MeasureWordBefore(_words, text, tokens, start, k - 1)) continue;
            // "in the morning hours", "in the evening news": the part must close the phrase.
            if (k + 6 < end && tokens[k + 6].Kind == TokenKind.Word && entries[k + 6] is not { Stop: true }) continue;
            if (output.Exists(m => m.StartToken < k + 3 && m.EndToken > k - 1)) continue;
            var firstClock = new TimeMention(MentionKind.TimeOfDay, k, k + 1) { Hour = first, HasClock = true, DayUnknown = true, PartOfDay = part };
            var secondClock = new TimeMention(MentionKind.TimeOfDay, k + 2, k + 6) { Hour = second, HasClock = true, DayUnknown = true, PartOfDay = part };
            ShiftIntoPartOfDay(ref firstClock, part);
            ShiftIntoPartOfDay(ref secondClock, part);
            if (secondClock.Hour <= firstClock.Hour) continue;
            // The part of the day is now the clocks' own: it is no expression of its own.
            output.RemoveAll(m => m.StartToken >= k + 3 && m.EndToken <= k + 6);
            int at = output.FindIndex(m => m.StartToken >= k);
            if (at < 0) at = output.Count;
            output.Insert(at, secondClock);
            output.Insert(at, firstClock);
            k += 5;
        }
    }

    /// <summary>
    /// Whether a word of a measured or changing quantity ("temperatures", "odds", "climbed") stands in the three words before
    /// the range word <paramref name="cue"/> ("from", "between"), within its clause: "Turnout climbed from 3 to 7 in the
    /// afternoon", "the favourite drifted from 5/2 to 7/2" give values, not clock hours or dates. A verb of change counts only
    /// before "from" ("the rain fell between 2 and 5 in the morning" is a time); other cues ("rose on 5/2") never count.
    /// </summary>
    internal static bool MeasureWordBefore(WordTable words, string text, ImmutableArray<Token> tokens, int start, int cue)
    {
        var cueWord = tokens[cue].Span.SliceOf(text);
        bool between = cueWord.Equals("between", StringComparison.OrdinalIgnoreCase);
        // "rose on 5/2", "has fallen since 5/2": other cues name a day the change happened on.
        if (!between && !cueWord.Equals("from", StringComparison.OrdinalIgnoreCase)) return false;
        for (int k = cue - 1; k >= start && k >= cue - 3; k--)
        {
            if (tokens[k].Kind == TokenKind.Punctuation) return false;
            if (words.MeasureWords.TryGetValue(tokens[k].Span.SliceOf(text), out bool changeVerb) && !(between && changeVerb)) return true;
        }
        return false;
    }

    /// <summary>Whether a word that speaks of opening hours ("open", "polls", "shift") stands in the few words before the day, within its clause.</summary>
    private bool HoursWordBefore(string text, ImmutableArray<Token> tokens, int start, int day)
    {
        for (int k = day - 1; k >= start && k >= day - 4; k--)
        {
            if (tokens[k].Kind == TokenKind.Punctuation) return false;
            if (_words.HoursWords.Contains(tokens[k].Span.SliceOf(text))) return true;
        }
        return false;
    }


    /// <summary>A plain number of one or two digits that can be an hour (0-23).</summary>
    private static bool BareHour(string text, in Token token, out int hour)
    {
        hour = -1;
        if (token.Kind != TokenKind.Number || token.Span.Length > 2) return false;
        var digits = token.Span.SliceOf(text);
        hour = 0;
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            hour = hour * 10 + (c - '0');
        }
        return hour <= 23;
    }

    /// <summary>"two weeks before Christmas", "3 days after January 12", "four months from tomorrow": the day, moved by the duration.</summary>
    private static void ShiftDaysByDurations(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = output.Count - 2; i >= 0; i--)
        {
            var stretch = output[i];
            var day = output[i + 1];
            if (stretch is not { Kind: MentionKind.Duration, Unit: "D" or "W" or "M" or "Y", Modifier: null } || double.IsNaN(stretch.Count) || stretch.Count != Math.Floor(stretch.Count) || stretch.Count > 1000) continue;
            if (day.Kind is not (MentionKind.Date or MentionKind.Deictic or MentionKind.Weekday or MentionKind.Holiday) || day.PartOfDay is not null || day.ShiftUnit is not null) continue;
            if (day.StartToken != stretch.EndToken + 1) continue;
            // "three days from Monday to Wednesday" is a range; "for two weeks from Monday" a stay: neither is a moved day.
            if (day.EndToken < tokens.Length && IsRangeWord(tokens[day.EndToken].Span.SliceOf(text))) continue;
            if (stretch.StartToken > 0 && tokens[stretch.StartToken - 1].Span.SliceOf(text).Equals("for", StringComparison.OrdinalIgnoreCase)) continue;
            var word = tokens[stretch.EndToken].Span.SliceOf(text);
            int sign = word.Equals("before", StringComparison.OrdinalIgnoreCase) ? -1
                : word.Equals("after", StringComparison.OrdinalIgnoreCase) || word.Equals("from", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            if (sign == 0) continue;
            day.StartToken = stretch.StartToken;
            day.ShiftUnit = stretch.Unit;
            day.ShiftCount = sign * (int)stretch.Count;
            output[i + 1] = day;
            output.RemoveAt(i);
        }
    }

    private static bool IsRangeWord(ReadOnlySpan<char> w) =>
        w is "-" or "–" || w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("until", StringComparison.OrdinalIgnoreCase)
        || w.Equals("through", StringComparison.OrdinalIgnoreCase) || w.Equals("till", StringComparison.OrdinalIgnoreCase);

    /// <summary>"28 June in 2020", "July 4th of 1995", "April in 2016": a day or month without a year, then its year.</summary>
    private static void JoinYearsAfterDates(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = output.Count - 2; i >= 0; i--)
        {
            var dated = output[i];
            if (dated.Kind is not (MentionKind.Date or MentionKind.Month) || dated.Year != 0 || dated.YearOffset is not null || dated.HasRelative) continue;
            if (output[i + 1] is not { Kind: MentionKind.Year, Modifier: null } year || year.StartToken != dated.EndToken + 1 || year.EndToken != year.StartToken + 1) continue;
            var between = tokens[dated.EndToken].Span.SliceOf(text);
            if (!between.Equals("in", StringComparison.OrdinalIgnoreCase) && !between.Equals("of", StringComparison.OrdinalIgnoreCase)) continue;
            dated.Year = year.Year;
            dated.EndToken = year.EndToken;
            output[i] = dated;
            output.RemoveAt(i + 1);
        }
    }

    /// <summary>
    /// "from May to October 2020", "Nov. 18 - Dec. 19, 2015": the first end of a range of months or days takes the
    /// year written after the second, the year before it when its month comes later in the calendar ("November to
    /// February 2017").
    /// </summary>
    private static void ShareRangeYears(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = output.Count - 2; i >= 0; i--)
        {
            var first = output[i];
            var second = output[i + 1];
            if (first.Kind is not (MentionKind.Month or MentionKind.Date) || second.Kind is not (MentionKind.Month or MentionKind.Date)) continue;
            if (first.Year != 0 || first.YearOffset is not null || first.HasRelative || second.Year <= 0 || first.Modifier is not null && first.Kind == MentionKind.Month) continue;
            if (second.StartToken != first.EndToken + 1) continue;
            var join = tokens[first.EndToken].Span.SliceOf(text);
            if (!(join is "-" or "–" || join.Equals("to", StringComparison.OrdinalIgnoreCase) || join.Equals("through", StringComparison.OrdinalIgnoreCase)
                || join.Equals("until", StringComparison.OrdinalIgnoreCase) || join.Equals("till", StringComparison.OrdinalIgnoreCase)
                || join.Equals("and", StringComparison.OrdinalIgnoreCase))) continue;
            // Only a range crosses the new year: "November to February 2017", "between November and February 2017";
            // a list ("in November and February 2017") shares the year as written.
            bool isRange = !join.Equals("and", StringComparison.OrdinalIgnoreCase)
                || first.StartToken > 0 && tokens[first.StartToken - 1].Span.SliceOf(text).Equals("between", StringComparison.OrdinalIgnoreCase);
            bool later = isRange && (first.Month > second.Month || first.Month == second.Month && first.Kind == MentionKind.Date && second.Kind == MentionKind.Date && first.Day > second.Day);
            first.Year = later ? second.Year - 1 : second.Year;
            output[i] = first;
        }
    }

    /// <summary>
    /// "Monday morning from 10am to noon", "yesterday from 3-8pm", "between 3 and 8am next Monday", "from 10:30 to 3 on
    /// 1/1/2015": both ends of a clock range fall on the day named just before or just after it, which joins the
    /// nearer end (a part of the day also says which half of the day a bare hour is in).
    /// </summary>
    private static void PutClockRangesOnTheirDay(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = 0; i + 1 < output.Count; i++)
        {
            var first = output[i];
            var second = output[i + 1];
            if (!IsBareClock(first) || !IsBareClock(second) || second.StartToken != first.EndToken + 1) continue;
            var join = tokens[first.EndToken].Span.SliceOf(text);
            if (!(join is "-" or "–" || join.Equals("to", StringComparison.OrdinalIgnoreCase) || join.Equals("until", StringComparison.OrdinalIgnoreCase)
                || join.Equals("till", StringComparison.OrdinalIgnoreCase) || join.Equals("and", StringComparison.OrdinalIgnoreCase))) continue;
            if (i > 0 && NamesADay(output[i - 1]) && WordsBetweenAre(text, tokens, output[i - 1].EndToken, first.StartToken, "from", "between", ",", "on", "at"))
            {
                var day = output[i - 1];
                PutOnDay(ref first, day);
                PutOnDay(ref second, day);
                first.StartToken = day.StartToken;
                output[i] = first;
                output[i + 1] = second;
                output.RemoveAt(--i);
                i++;
            }
            else if (i + 2 < output.Count && NamesADay(output[i + 2]) && WordsBetweenAre(text, tokens, second.EndToken, output[i + 2].StartToken, "on", ",", "of"))
            {
                var day = output[i + 2];
                PutOnDay(ref first, day);
                PutOnDay(ref second, day);
                second.EndToken = day.EndToken;
                output[i] = first;
                output[i + 1] = second;
                output.RemoveAt(i + 2);
            }
        }
    }

    /// <summary>"3pm each day", "6am daily": a clock time right before a daily set is the set's time.</summary>
    private static void JoinClocksWithDailySets(List<TimeMention> output)
    {
        for (int i = 0; i + 1 < output.Count; i++)
        {
            if (!IsBareClock(output[i]) || output[i + 1] is not { Kind: MentionKind.Set, Literal: "P1D" } daily || daily.StartToken != output[i].EndToken) continue;
            var clock = output[i];
            daily.Literal = "XXXX-XX-XX" + (clock.Hour == 24 ? "T24:00" : $"T{clock.Hour:D2}:{clock.Minute:D2}");
            daily.StartToken = clock.StartToken;
            output[i + 1] = daily;
            output.RemoveAt(i);
        }
    }

    private static bool IsBareClock(in TimeMention m) => m is { Kind: MentionKind.TimeOfDay, HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false };

    /// <summary>A date, weekday or day word, or a part of a named day ("Monday morning", "yesterday afternoon").</summary>
    private static bool NamesADay(in TimeMention m) =>
        m.Kind is MentionKind.Date or MentionKind.Weekday or MentionKind.Deictic && m.PartOfDay is null
        || m is { Kind: MentionKind.TimeOfDay, HasClock: false } && (m.Weekday != 0 || m.HasDayOffset || m.Month != 0);

    /// <summary>Gives one end of a clock range the day the other end names, whole: date, weekday, its week and any shift.</summary>
    private static void CopyDay(ref TimeMention to, in TimeMention from)
    {
        to.Year = from.Year;
        to.Month = from.Month;
        to.Day = from.Day;
        to.Weekday = from.Weekday;
        to.DayOffset = from.DayOffset;
        to.HasDayOffset = from.HasDayOffset;
        to.Relative = from.Relative;
        to.HasRelative = from.HasRelative;
        to.WeekOffset = from.WeekOffset;
    }

    private static void PutOnDay(ref TimeMention clock, in TimeMention day)
    {
        clock.Year = day.Year;
        clock.Month = day.Kind == MentionKind.Weekday ? 0 : day.Month;
        clock.Day = day.Kind == MentionKind.Weekday && day.Month == 0 && day.Day == 0 ? 0 : day.Day;
        clock.Weekday = day.Weekday;
        clock.Relative = day.Relative;
        clock.HasRelative = day.HasRelative;
        clock.DayOffset = day.DayOffset;
        clock.HasDayOffset = day.HasDayOffset;
        if (day.Kind == MentionKind.TimeOfDay) ShiftIntoPartOfDay(ref clock, day.PartOfDay);
    }

    /// <summary>Whether every token in [from, to) is one of the words (at most two of them).</summary>
    private static bool WordsBetweenAre(string text, ImmutableArray<Token> tokens, int from, int to, params ReadOnlySpan<string> words)
    {
        if (to < from || to - from > 2) return false;
        for (int k = from; k < to; k++)
        {
            var w = tokens[k].Span.SliceOf(text);
            bool listed = false;
            foreach (var word in words) listed |= w.Equals(word, StringComparison.OrdinalIgnoreCase);
            if (!listed) return false;
        }
        return true;
    }

    /// <summary>"between Monday and Wednesday last week", "Friday of next week": the weekdays of a list fall in the week named after it.</summary>
    /// <remarks>
    /// One weekday and its week make one expression: "Tuesday of next week", "next week on Tuesday", "this week, Monday".
    /// A list keeps each weekday apart ("Monday and Tuesday next week").
    /// </remarks>
    private static void AnchorWeekdaysOnTheirWeek(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = 1; i < output.Count; i++)
        {
            if (output[i] is not { Kind: MentionKind.RelativeUnit, Unit: "W", HasRelative: true } week) continue;
            int first = i;
            for (int j = i - 1; j >= 0 && IsWeekdayOfNoWeek(output[j]) && ListJoinersBetween(text, tokens, output[j].EndToken, output[j + 1].StartToken); j--)
            {
                var day = output[j];
                day.WeekOffset = week.Relative;
                output[j] = day;
                first = j;
            }
            if (first == i - 1 && (first == 0 || !ListJoinersBetween(text, tokens, output[first - 1].EndToken, output[first].StartToken) || !IsWeekdayOfNoWeek(output[first - 1]))
                && OfOrNothingBetween(text, tokens, output[first].EndToken, week.StartToken))
            {
                var day = output[first];
                day.EndToken = week.EndToken;
                output[first] = day;
                output.RemoveAt(i--);
            }
        }
        for (int i = 0; i + 1 < output.Count; i++)
        {
            if (output[i] is not { Kind: MentionKind.RelativeUnit, Unit: "W", HasRelative: true } week || !IsWeekdayOfNoWeek(output[i + 1])) continue;
            var day = output[i + 1];
            int gap = day.StartToken - week.EndToken;
            if (gap > 1 || gap == 1 && tokens[week.EndToken].Span.SliceOf(text) is var between && !(between is "," or "-" or "–" || between.Equals("on", StringComparison.OrdinalIgnoreCase))) continue;
            // "next week on Tuesday or Thursday", "next week Tuesday 9 am or Thursday 1 pm": the week joins the first
            // weekday and every weekday of the list after it falls in that week too. After a comma the list may belong to
            // a new clause ("Unlike last week, Monday and Tuesday were calm"), so it stays unanchored.
            bool listInWeek = gap == 0 || tokens[week.EndToken].Span.SliceOf(text).Equals("on", StringComparison.OrdinalIgnoreCase);
            for (int j = i + 2; listInWeek && j < output.Count && IsWeekdayOfNoWeek(output[j]) && ListJoinersBetween(text, tokens, output[j - 1].EndToken, output[j].StartToken); j++)
            {
                var listed = output[j];
                listed.WeekOffset = week.Relative;
                output[j] = listed;
            }
            day.WeekOffset = week.Relative;
            day.StartToken = week.StartToken;
            output[i + 1] = day;
            output.RemoveAt(i);
        }
    }

    /// <summary>A weekday, or a clock or part of one ("Tuesday 9 am"), with no week or "next"/"last" of its own.</summary>
    private static bool IsWeekdayOfNoWeek(in TimeMention m) =>
        m is { Kind: MentionKind.Weekday, HasRelative: false, WeekOffset: null, Day: 0 }
        || m is { Kind: MentionKind.TimeOfDay, HasRelative: false, WeekOffset: null, Day: 0, Month: 0, DayUnknown: false } && m.Weekday != 0;

    private static bool OfOrNothingBetween(string text, ImmutableArray<Token> tokens, int from, int to) =>
        to == from || to == from + 1 && tokens[from].Span.SliceOf(text).Equals("of", StringComparison.OrdinalIgnoreCase);

    private static bool ListJoinersBetween(string text, ImmutableArray<Token> tokens, int from, int to)
    {
        if (to < from || to - from > 2) return false;
        for (int k = from; k < to; k++)
        {
            var w = tokens[k].Span.SliceOf(text);
            if (!(w is "," or "-" or "–" || w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("or", StringComparison.OrdinalIgnoreCase)
                || w.Equals("to", StringComparison.OrdinalIgnoreCase) || w.Equals("through", StringComparison.OrdinalIgnoreCase) || w.Equals("of", StringComparison.OrdinalIgnoreCase))) return false;
        }
        return true;
    }

    /// <summary>
    /// "tomorrow at 8 a.m.", "Tuesday, 10:30", "December 14 at noon", "8am this morning": a clock time next to
    /// the day it falls on is one TIME expression on that day (the clock-first order "6 p.m. Saturday" is read
    /// by the extractor itself).
    /// </summary>
    private void JoinDatesWithClockTimes(string text, ImmutableArray<Token> tokens, List<TimeMention> output)
    {
        for (int i = output.Count - 2; i >= 0; i--)
        {
            var day = output[i];
            var clock = output[i + 1];
            // "tomorrow before 5pm", "Friday no later than 6:00": the bound is on that day, and stays its own expression
            // (TimeML keeps the signal between two TIMEX3s).
            if (IsBareClock(clock) && day.Kind is MentionKind.Date or MentionKind.Weekday or MentionKind.Deictic && day.PartOfDay is null
                && ClockSignalBetween(text, tokens, day.EndToken, clock.StartToken))
            {
                PutOnDay(ref clock, day);
                output[i + 1] = clock;
                continue;
            }
            // "Tuesday in the morning", "tomorrow in the evening": the part is that day's.
            if (clock is { Kind: MentionKind.TimeOfDay, DayUnknown: true, Modifier: null } && day.Kind is MentionKind.Date or MentionKind.Weekday or MentionKind.Deictic
                && day.PartOfDay is null && clock.StartToken == day.EndToken + 1 && tokens[day.EndToken].Span.SliceOf(text).Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                day.PartOfDay = clock.PartOfDay;
                day.Kind = MentionKind.TimeOfDay;
                if (day.Month == 0 && day.Weekday == 0 && !day.HasDayOffset) day.HasDayOffset = true;
                day.EndToken = clock.EndToken;
                output[i] = day;
                output.RemoveAt(i + 1);
                continue;
            }
            // "December 14 - 10 a.m.": a dash keeps the two expressions apart, but the clock time is on that day.
            bool dashed = clock.StartToken == day.EndToken + 1 && tokens[day.EndToken].Span.SliceOf(text) is "-" or "–";
            // "tonight around 9": only a part of a named day takes its hour across "around".
            bool around = clock.StartToken == day.EndToken + 1 && tokens[day.EndToken].Span.SliceOf(text).Equals("around", StringComparison.OrdinalIgnoreCase);
            if (around && !(day is { Kind: MentionKind.TimeOfDay, HasClock: false, PartOfDay: not null } && day.HasDayOffset && IsBareClock(clock) && !clock.HasMeridiem)) continue;
            if (!dashed && !around && !OnlyJoinersBetween(text, tokens, day.EndToken, clock.StartToken)) continue;
            if (clock is { Kind: MentionKind.TimeOfDay, HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false }
                && day.Kind is MentionKind.Date or MentionKind.Weekday or MentionKind.Deictic && day.PartOfDay is null)
            {
                if (!dashed) clock.StartToken = day.StartToken;
                clock.Year = day.Year;
                clock.Month = day.Kind == MentionKind.Date ? day.Month : 0;
                // "Friday the 6th at 9 a.m.": a weekday keeps its day of the month.
                clock.Day = day.Kind is MentionKind.Date or MentionKind.Weekday ? day.Day : 0;
                clock.Weekday = day.Kind == MentionKind.Weekday ? day.Weekday : 0;
                clock.Relative = day.Relative;
                clock.HasRelative = day.HasRelative;
                clock.DayOffset = day.DayOffset;
                clock.HasDayOffset = day.HasDayOffset;
                // "Sunday early morning at 8:00": a clock its part of the day took is on the day named before it.
                clock.DayUnknown = false;
                output[i + 1] = clock;
                if (!dashed) output.RemoveAt(i);
            }
            else if (dashed) continue;
            else if (day is { Kind: MentionKind.TimeOfDay, HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false } && clock is { Kind: MentionKind.Date }
                && clock.EndToken > clock.StartToken)
            {
                // "11:30 on 1/1/2015": a clock time, then its date.
                day.Year = clock.Year;
                day.Month = clock.Month;
                day.Day = clock.Day;
                day.EndToken = clock.EndToken;
                output[i] = day;
                output.RemoveAt(i + 1);
            }
            else if (clock is { Kind: MentionKind.TimeOfDay, HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false }
                && day is { Kind: MentionKind.TimeOfDay, HasClock: false, PartOfDay: not null } && (day.HasDayOffset || day.Weekday != 0 || day.Month != 0))
            {
                // "tonight at 9", "this evening at 7.30", "Friday morning at 8": the part of the day says which half the hour is in.
                PutOnDay(ref clock, day);
                clock.StartToken = day.StartToken;
                output[i + 1] = clock;
                output.RemoveAt(i);
            }
            else if (clock is { Kind: MentionKind.TimeOfDay, HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false, HasMeridiem: false }
                && day is { Kind: MentionKind.TimeOfDay, HasClock: false, DayUnknown: true, PartOfDay: not null }
                && clock.StartToken == day.EndToken + 1 && tokens[day.EndToken].Span.SliceOf(text).Equals("at", StringComparison.OrdinalIgnoreCase))
            {
                // "in the afternoon at 7": the part says which half the hour is in; the day stays the one the part would take.
                PutOnDay(ref clock, day);
                clock.DayUnknown = true;
                clock.StartToken = day.StartToken;
                output[i + 1] = clock;
                output.RemoveAt(i);
            }
            else if (day is { Kind: MentionKind.TimeOfDay, HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false }
                && clock is { Kind: MentionKind.TimeOfDay, HasClock: false, Month: 0, Weekday: 0 } && clock.HasDayOffset)
            {
                // "8am this morning", "10 tonight": the part of day names the day; the clock is the time.
                day.DayOffset = clock.DayOffset;
                day.HasDayOffset = true;
                day.EndToken = clock.EndToken;
                ShiftIntoPartOfDay(ref day, clock.PartOfDay);
                output[i] = day;
                output.RemoveAt(i + 1);
            }
        }
    }

    /// <summary>One to three words between a day and a clock time that bound the clock on that day: "before", "no later than".</summary>
    private bool ClockSignalBetween(string text, ImmutableArray<Token> tokens, int from, int to)
    {
        if (to <= from || to - from > 3 || !_words.ClockSignals.Contains(tokens[to - 1].Span.SliceOf(text))) return false;
        for (int k = from; k < to - 1; k++)
        {
            if (!_words.ClockSignalLeads.Contains(tokens[k].Span.SliceOf(text))) return false;
        }
        return true;
    }

    /// <summary>"10:30 tonight" is 22:30 and "12 o'clock tonight" midnight; "1 a.m. tonight" keeps its own meridiem.</summary>
    private static void ShiftIntoPartOfDay(ref TimeMention clock, string? partOfDay)
    {
        if (clock.HasMeridiem || partOfDay is not ("EV" or "NI" or "AF")) return;
        // "in the night at 3" is the small hours; a night clock is an evening one only from 6 ("tonight at 9").
        if (partOfDay == "NI" && clock.Hour is >= 1 and < 6) return;
        if (clock.Hour is >= 1 and < 12) clock.Hour += 12;
        else if (clock.Hour == 12 && partOfDay == "NI") clock.Hour = 24;
    }

    private static bool OnlyJoinersBetween(string text, ImmutableArray<Token> tokens, int from, int to)
    {
        if (to < from || to - from > 1) return false;
        if (to == from) return true;
        var between = tokens[from].Span.SliceOf(text);
        return between is "," or "@" || between.Equals("at", StringComparison.OrdinalIgnoreCase) || between.Equals("on", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The tense nearest a mention: the closest tense cue before it in its clause ("officials said the talks will
    /// resume Thursday" is future for Thursday); for a mention that opens its clause, the verb after it, where a future
    /// cue wins and a relative clause's past verb does not count ("In March, the company that sold the plant will pay");
    /// else the sentence's overall tense.
    /// </summary>
    public Tense TenseNear(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, int mentionStart, Tense sentenceTense)
    {
        int clauseStart = start;
        for (int k = mentionStart - 1; k >= start && k >= mentionStart - 12; k--)
        {
            var word = tokens[k].Span.SliceOf(text);
            // "The tournament, which Brazil won in 2002, returns in June": a verb behind a clause break is another clause's.
            if (IsClauseBreak(word) || _words.RelativePronouns.Contains(word) || word.Equals("that", StringComparison.OrdinalIgnoreCase))
            {
                clauseStart = k + 1;
                break;
            }
            var cue = CueAt(text, tokens, entries, start, k);
            // "will be named ... in December": a participle after a future auxiliary is future.
            if (cue == Tense.Past && entries[k] is not { PastMarker: true } && FutureAuxiliaryBefore(text, tokens, entries, start, k)) return Tense.Future;
            // "had been due to expire Friday", "had planned to leave on Monday": a plan in the past perfect is over.
            if (cue == Tense.Future && PastPerfectBefore(text, tokens, start, k)) return Tense.Past;
            if (cue is not null) return cue.Value;
        }
        if (mentionStart - clauseStart > ClauseOpeningWords) return sentenceTense;
        // "In January, a bomb killed ...", "On Tuesday, the league plans to ...": a mention that opens its clause takes the verb after it.
        Tense? past = null;
        bool inRelative = false, seenWord = false;
        for (int k = mentionStart + 1; k < end && k <= mentionStart + 12; k++)
        {
            var word = tokens[k].Span.SliceOf(text);
            if (IsClauseBreak(word))
            {
                // The comma after "In March," opens the main clause; the next one not closing a relative clause ends it.
                if (seenWord && !inRelative) break;
                inRelative = false;
                continue;
            }
            seenWord |= tokens[k].Kind == TokenKind.Word;
            if (_words.RelativePronouns.Contains(word) || word.Equals("that", StringComparison.OrdinalIgnoreCase)) inRelative = true;
            var cue = CueAt(text, tokens, entries, start, k);
            if (cue == Tense.Past && entries[k] is not { PastMarker: true } && FutureAuxiliaryBefore(text, tokens, entries, start, k)) cue = Tense.Future;
            if (cue == Tense.Future) return Tense.Future;
            if (cue == Tense.Past && !inRelative) past ??= Tense.Past;
        }
        return past ?? sentenceTense;
    }

    /// <summary>Words a clause may have before a mention that still opens it ("In", "Early in", "Later on").</summary>
    private const int ClauseOpeningWords = 2;

    /// <summary>A break between clauses; a bracket is not one ("will leave at 4 (4 a.m. Thursday)").</summary>
    private static bool IsClauseBreak(ReadOnlySpan<char> word) => word is "," or ";" or ":" or "—" or "–";

    /// <summary>How far back an appositive or relative clause is looked for.</summary>
    private const int SideClauseReach = 12;

    /// <summary>
    /// Whether token <paramref name="k"/> sits in a side clause, whose verb and dates are not the main clause's: after
    /// "which" or "who" in its clause, or between commas where the part opens with a participle ("Jones, born in 1961,
    /// was named", "The stadium, built by a Chinese firm, opens").
    /// </summary>
    public bool InSideClause(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, int k)
    {
        for (int j = k - 1; j >= start && j >= k - SideClauseReach; j--)
        {
            var word = tokens[j].Span.SliceOf(text);
            // "Officials who will meet again said ...": a relative clause without commas ends with its own verb.
            if (_words.RelativePronouns.Contains(word)) return VerbGroupsBetween(text, tokens, entries, j + 1, k) <= (IsVerbCue(text, tokens, entries, k) ? 0 : 1);
            if (!IsClauseBreak(word) || word is "," && InList(text, tokens, j, k)) continue;
            if (j == start || word is not ("," or "—" or "–")) return false;
            // "The minister, who quit in May, said ...": the comma closes a side clause, so what follows is the main one.
            if (ClosesSideClause(text, tokens, start, j)) return false;
            return OpensWithParticiple(text, tokens, j + 1, k + 1) && BreakAfter(text, tokens, k + 1, end);
        }
        return false;
    }

    /// <summary>Verbs between two tokens, an auxiliary and its verb ("will meet", "was first held") counted once; those joined to the verb at <paramref name="to"/> not at all.</summary>
    private int VerbGroupsBetween(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int from, int to)
    {
        int groups = 0, lastCue = int.MinValue;
        for (int i = from; i < to; i++)
        {
            if (!IsVerbCue(text, tokens, entries, i)) continue;
            if (i - lastCue > 2) groups++;
            lastCue = i;
        }
        if (lastCue >= to - 2 && IsVerbCue(text, tokens, entries, to) && groups > 0 && (lastCue == to - 1 || lastCue == to - 2)) groups--;
        return groups;
    }

    private bool IsVerbCue(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int k)
    {
        if (tokens[k].Kind != TokenKind.Word) return false;
        if (entries[k] is { IsCasualtyOnly: false } entry && (entry.FutureMarker || entry.PastMarker || !entry.Stop)) return entry.FutureMarker || entry.PastMarker;
        var word = tokens[k].Span.SliceOf(text);
        return IsFutureContraction(word) || _words.IsPastVerb(word, false);
    }

    /// <summary>"as chairman, president and chief executive": a comma between items of a list, which ends no clause.</summary>
    private static bool InList(string text, ImmutableArray<Token> tokens, int comma, int limit)
    {
        for (int j = comma + 1; j < limit && j <= comma + 3; j++)
        {
            var word = tokens[j].Span.SliceOf(text);
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)) return j > comma + 1;
            if (tokens[j].Kind != TokenKind.Word) return false;
        }
        return false;
    }

    private bool ClosesSideClause(string text, ImmutableArray<Token> tokens, int start, int comma)
    {
        for (int j = comma - 1; j >= start && j >= comma - SideClauseReach; j--)
        {
            var word = tokens[j].Span.SliceOf(text);
            if (_words.RelativePronouns.Contains(word)) return true;
            if (IsClauseBreak(word)) return j > start && OpensWithParticiple(text, tokens, j + 1, comma);
        }
        return false;
    }

    private bool OpensWithParticiple(string text, ImmutableArray<Token> tokens, int from, int to)
    {
        for (int i = from; i < to && i < from + 2; i++)
        {
            if (tokens[i].Kind != TokenKind.Word) return false;
            var word = tokens[i].Span.SliceOf(text);
            if (char.IsUpper(word[0])) return false;
            if (_words.ParticipleForms.Contains(word) || _words.IsPastVerb(word, false)) return true;
            // "first held in 1930", "recently built": an adverb may come first.
            if (!_words.ParticipleAdverbs.Contains(word) && !word.EndsWith("ly", StringComparison.Ordinal)) return false;
        }
        return false;
    }

    private static bool BreakAfter(string text, ImmutableArray<Token> tokens, int from, int end)
    {
        for (int j = from; j < end && j < from + SideClauseReach; j++)
        {
            if (tokens[j].Span.SliceOf(text) is "," or ")" or "—" or "–") return true;
        }
        return false;
    }

    /// <summary>"are held in March", "is usually built": a participle after a present auxiliary is no past.</summary>
    private bool PresentAuxiliaryBefore(string text, ImmutableArray<Token> tokens, int start, int k)
    {
        int j = k - 1;
        if (j > start && tokens[j].Kind == TokenKind.Word && tokens[j].Span.SliceOf(text).EndsWith("ly", StringComparison.Ordinal)) j--;
        return j >= start && tokens[j].Kind == TokenKind.Word && _words.PresentAuxiliaries.Contains(tokens[j].Span.SliceOf(text));
    }

    /// <summary>
    /// "set to resume Monday", "plans to meet on Tuesday": an infinitive shortly before a weekday points
    /// ahead, whatever tense the sentence's reporting verb has.
    /// </summary>
    public bool InfinitiveBefore(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int mentionStart)
    {
        // "to get around Wednesday's ruling" names a thing of that day, not when the infinitive happens.
        if (mentionStart + 1 < tokens.Length && tokens[mentionStart + 1].Span.SliceOf(text) is "'s" or "’s") return false;
        for (int k = mentionStart - 1; k >= start && k >= mentionStart - 6; k--)
        {
            if (tokens[k].Kind != TokenKind.Word) return false;
            var word = tokens[k].Span.SliceOf(text);
            // "to suspend the injunction issued Thursday": a participle between ties the day to itself.
            if (word.EndsWith("ed", StringComparison.Ordinal)) return false;
            if (k + 1 >= mentionStart || !word.Equals("to", StringComparison.OrdinalIgnoreCase)) continue;
            if (k - 1 < start || tokens[k - 1].Kind != TokenKind.Word || !_words.InfinitiveLeads.Contains(tokens[k - 1].Span.SliceOf(text))) return false;
            if (PastPerfectBefore(text, tokens, start, k) || PastPerfectBefore(text, tokens, start, k - 1)) return false; // "had been due to expire Friday"
            // "were to question him Monday", "agreed to withdraw on Tuesday night": a past verb right before the infinitive
            // tells a plan of the past, and the sentence's tense places the day ("was set to end Thursday" still points ahead).
            if (_words.PastInfinitiveLeads.Contains(tokens[k - 1].Span.SliceOf(text))) return false;
            var verb = tokens[k + 1].Span.SliceOf(text);
            return tokens[k + 1].Kind == TokenKind.Word && entries[k + 1] is null or { Unit: null, Month: 0, Weekday: 0, IsNumber: false, Reference: null, Stop: false } && char.IsLower(verb[0])
                && !verb.EndsWith("ing", StringComparison.Ordinal) && !verb.EndsWith("ed", StringComparison.Ordinal) && !verb.EndsWith("s", StringComparison.Ordinal);
        }
        return false;
    }

    private static bool PastPerfectBefore(string text, ImmutableArray<Token> tokens, int start, int k)
    {
        for (int j = k - 1; j >= start && j >= k - 3; j--)
        {
            if (tokens[j].Kind != TokenKind.Word) return false;
            var word = tokens[j].Span.SliceOf(text);
            if (word.Equals("had", StringComparison.OrdinalIgnoreCase)) return true;
            if (!word.Equals("been", StringComparison.OrdinalIgnoreCase) && !word.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    /// <summary>"I'll", "they’ll": the contracted "will" stays glued to its subject.</summary>
    private static bool IsFutureContraction(ReadOnlySpan<char> word) =>
        word.Length > 3 && (word.EndsWith("'ll", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’ll", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// "will be named", "won't have finished": a future marker with "be" or "have" between it and the participle;
    /// "accounts payable rose" or "plans approved" has none, so the verb stays past.
    /// </summary>
    private bool FutureAuxiliaryBefore(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int k)
    {
        bool auxiliary = false;
        for (int j = k - 1; j >= start && j >= k - 3; j--)
        {
            if (entries[j] is { FutureMarker: true }) return auxiliary;
            if (tokens[j].Kind != TokenKind.Word) return false;
            auxiliary |= _words.ParticipleAuxiliaries.Contains(tokens[j].Span.SliceOf(text));
        }
        return false;
    }

    private Tense? CueAt(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int k)
    {
        if (tokens[k].Kind != TokenKind.Word) return null;
        var entry = entries[k];
        if (entry is not null)
        {
            if (entry.FutureMarker && entry.DayOffset is null) return Tense.Future;
            if (entry.PastMarker && entry.DayOffset is null && entry.Relative is null) return Tense.Past;
            // A stop word ("met", "fell") ends a phrase and may still be a past verb.
            if (!entry.Stop && !entry.IsCasualtyOnly) return null;
        }
        var word = tokens[k].Span.SliceOf(text);
        if (IsFutureContraction(word)) return Tense.Future;
        return _words.IsPastVerb(word, k == start) && !PresentAuxiliaryBefore(text, tokens, start, k) ? Tense.Past : null;
    }

    /// <summary>Whether the sentence speaks of the future ("will", "next"), for weekdays and months without a year.</summary>
    /// <param name="mainClauseOnly">Leave out the verbs of appositives and relative clauses, for a mention outside them.</param>
    public Tense TenseOf(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, bool mainClauseOnly = true)
    {
        bool future = false, past = false;
        for (int k = start; k < end; k++)
        {
            var token = tokens[k];
            if (token.Kind != TokenKind.Word) continue;
            var word = token.Span.SliceOf(text);
            var entry = entries[k];
            if (entry is { IsCasualtyOnly: false } && (entry.FutureMarker || entry.PastMarker || !entry.Stop))
            {
                if (entry.FutureMarker) future = true;
                if (entry.PastMarker && !(mainClauseOnly && InSideClause(text, tokens, entries, start, end, k))) past = true;
            }
            else if (IsFutureContraction(word)) future = true;
            // "will be named", "will have finished": a participle after a future auxiliary is no past.
            // An appositive's or relative clause's verb is not the main clause's ("The stadium, built by ..., opens in June").
            else if (_words.IsPastVerb(word, k == start) && !FutureAuxiliaryBefore(text, tokens, entries, start, k)
                && !PresentAuxiliaryBefore(text, tokens, start, k) && !(mainClauseOnly && InSideClause(text, tokens, entries, start, end, k))) past = true;
        }
        return future && !past ? Tense.Future : future ? Tense.Mixed : past ? Tense.Past : Tense.Unmarked;
    }

    private readonly ref struct Scanner
    {
        private readonly string _text;
        private readonly ImmutableArray<Token> _tokens;
        private readonly int _start;
        private readonly int _end;
        private readonly WordTable _words;
        private readonly WordEntry?[] _entries;

        public Scanner(string text, ImmutableArray<Token> tokens, WordEntry?[] entries, int start, int end, WordTable words)
        {
            _text = text;
            _tokens = tokens;
            _entries = entries;
            _start = start;
            _end = end;
            _words = words;
        }

        private ReadOnlySpan<char> W(int k) => _tokens[k].Span.SliceOf(_text);

        private bool In(int k) => k >= _start && k < _end;

        private bool Is(int k, string word) => In(k) && W(k).Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsWord(int k) => In(k) && _tokens[k].Kind == TokenKind.Word;

        private WordEntry? E(int k) => In(k) ? _entries[k] : null;

        private bool Capitalized(int k) => char.IsUpper(W(k)[0]);

        private bool IsNumber(int k, int maxDigits)
        {
            if (!In(k) || _tokens[k].Kind != TokenKind.Number) return false;
            var w = W(k);
            if (w.Length > maxDigits) return false;
            foreach (char c in w) if (!char.IsAsciiDigit(c)) return false;
            return true;
        }

        private int IntAt(int k)
        {
            int value = 0;
            foreach (char c in W(k)) value = value * 10 + (c - '0');
            return value;
        }

        /// <summary>Tries every pattern at token k; returns the token after the match (mentions added) or k.</summary>
        public int TryAt(int k, List<TimeMention> output)
        {
            int p = k;
            string? mod = null;
            string? approx = null;
            bool hasThe = false;
            bool hedged = false;
            if (Is(p, "the")) { hasThe = true; p++; }
            // "the end of", "the beginning of", "the middle of", "end of"
            if (IsWord(p) && Is(p + 1, "of") && E(p) is { Mod: { } m1 } && !Is(p, "early") && !Is(p, "late") && !Is(p, "later") && !Is(p, "earlier"))
            {
                mod = m1;
                p += 2;
                if (Is(p, "the")) p++;
            }
            else if (!_words.NamesCapitalized && E(p) is { Mod: { } inflectedMod } && In(p + 1))
            {
                // Russian "в начале декабря", "в конце месяца": the modifier noun governs the genitive directly.
                mod = inflectedMod;
                p++;
            }
            else if (IsWord(p) && (Is(p, "early") || Is(p, "late") || Is(p, "mid")))
            {
                mod = E(p)!.Mod;
                p++;
                if (Is(p, "-")) p++;
            }
            else if ((Is(p, "earlier") || Is(p, "later")) && Is(p + 1, "in") && Is(p + 2, "the") && E(p + 3) is { Unit: "W" or "M" or "Y", UnitPlural: false } inUnit
                && !Is(p + 4, "of") && !hasThe)
            {
                // "earlier in the year", "later in the week": TimeML's current unit with its start or end ("1989", mod START).
                // "later in the day" is left out, as TimeBank leaves it; "earlier in the year of ..." names another year.
                output.Add(new TimeMention(MentionKind.RelativeUnit, p, p + 4) { Unit = inUnit.Unit, Relative = 0, HasRelative = true, Modifier = Is(p, "earlier") ? "START" : "END" });
                return p + 4;
            }
            else if ((Is(p, "earlier") || Is(p, "later")) && (Is(p + 1, "this") || Is(p + 1, "today") || Is(p + 1, "tonight")))
            {
                // "earlier this year", "later this month": TimeML keeps the word in the span more often than not.
                p++;
                hedged = true;
            }
            else if (hasThe && (Is(p, "near") && (Is(p + 1, "future") || Is(p + 1, "term")) || Is(p, "short") && Is(p + 1, "term"))
                && (!In(p + 2) || _tokens[p + 2].Kind == TokenKind.Punctuation || E(p + 2) is { Stop: true }))
            {
                // "in the near future", "over the short term": a time ahead of the present (FUTURE_REF); "the short term
                // loans" is a noun phrase.
                output.Add(new TimeMention(MentionKind.Reference, k, p + 2) { Literal = "FUTURE_REF" });
                return p + 2;
            }
            else if (!hasThe && Is(p, "a") && Is(p + 1, "later") && Is(p + 2, "date"))
            {
                // "at a later date": some day after the time of speaking.
                output.Add(new TimeMention(MentionKind.Reference, k, p + 3) { Literal = "FUTURE_REF" });
                return p + 3;
            }
            else if (hasThe && Is(p, "then") && Is(p + 1, "current"))
            {
                // "the then current market price": "then" belongs to the expression (PAST_REF), "the" does not.
                p++;
                hedged = true;
            }
            else if (Is(p, "fiscal") && In(p + 1) && (_tokens[p + 1].Kind == TokenKind.Number || E(p + 1) is { Ordinal: > 0 } || Is(p + 1, "year")))
            {
                // "fiscal 1989", "fiscal first quarter": the word belongs to the expression.
                p++;
                hedged = true;
            }
            if (!hasThe && mod is null && !hedged) approx = ApproxAt(ref p);
            int coreStart = p;
            int before = output.Count;
            int end = Core(p, output, mod is not null || hasThe);
            if (end <= p) return k;
            if (output.Count == before) return end;
            // A duration, a clock time or "two years ago" keeps its hedge ("about two years"); other kinds drop it again.
            var first = output[before];
            if (approx is not null && first.Kind is not (MentionKind.Duration or MentionKind.Ago or MentionKind.TimeOfDay))
            {
                output.RemoveRange(before, output.Count - before);
                return k;
            }
            bool keepsThe = hasThe && AllowsThe(first, coreStart, mod);
            int spanStart = keepsThe || mod is not null || approx is not null || hedged ? k : coreStart;
            if (hasThe && !keepsThe) spanStart = k + 1;
            for (int i = before; i < output.Count; i++)
            {
                var mention = output[i];
                if (i == before) mention.StartToken = spanStart;
                mention.Modifier ??= mod ?? approx;
                output[i] = mention;
            }
            return end;
        }

        /// <summary>TimeML keeps "the" in "the past two months", "the 1990s", "the third quarter", not in "the Oct. 23" or "the two-week".</summary>
        private bool AllowsThe(in TimeMention first, int coreStart, string? mod)
        {
            if (mod is not null) return true;
            return first.Kind switch
            {
                // "the nine months", "the past two years"; not the adjectives "the two-week", "the two day".
                MentionKind.Duration => !(W(first.EndToken - 1).Contains('-') || E(first.EndToken - 1) is { UnitPlural: false } && first.Count != 1),
                MentionKind.Quarter => !W(coreStart).EndsWith("-quarter", StringComparison.OrdinalIgnoreCase),
                MentionKind.Decade or MentionKind.RelativeUnit => true,
                // "the last week of July", as TimeBank writes "the week of March 6".
                MentionKind.WeekOfYear => true,
                // "in the morning": TimeML's span is "the morning".
                MentionKind.TimeOfDay => first.DayUnknown,
                MentionKind.Reference => Is(coreStart, "past") || Is(coreStart, "future"),
                // "the first half of 1989": TimeML's span keeps "the".
                MentionKind.Season => first.Season is "H1" or "H2",
                _ => false,
            };
        }

        private string? ApproxAt(ref int p)
        {
            if (!IsWord(p) || E(p) is null) return null;
            if (Is(p, "about") || Is(p, "around") || Is(p, "roughly") || Is(p, "approximately") || Is(p, "some")) { p++; return "APPROX"; }
            if (Is(p, "nearly") || Is(p, "almost")) { p++; return "LESS_THAN"; }
            if (Is(p, "over")) { p++; return "MORE_THAN"; }
            if (Is(p, "more") && Is(p + 1, "than")) { p += 2; return "MORE_THAN"; }
            if ((Is(p, "less") || Is(p, "fewer")) && Is(p + 1, "than")) { p += 2; return "LESS_THAN"; }
            if (Is(p, "at") && Is(p + 1, "least")) { p += 2; return "EQUAL_OR_MORE"; }
            if (Is(p, "at") && Is(p + 1, "most")) { p += 2; return "EQUAL_OR_LESS"; }
            if (Is(p, "up") && Is(p + 1, "to")) { p += 2; return "EQUAL_OR_LESS"; }
            return null;
        }

        private int Core(int p, List<TimeMention> output, bool determined)
        {
            if (!In(p)) return p;
            // Most candidates are prefixes ("the", "about"); only a few kinds of token can begin the core.
            if (_tokens[p].Kind == TokenKind.Word && E(p) is not { StartsCore: true })
            {
                var w = W(p);
                if (!char.IsAsciiDigit(w[0]) && w.IndexOf('-') < 0 && !(w.Length == 2 && w[0] is 'Q' or 'q' or 'H' or 'h' && char.IsAsciiDigit(w[1])))
                    return ShortWeekdayWithDay(p, output);
            }
            else if (_tokens[p].Kind is TokenKind.Punctuation or TokenKind.Symbol && !IsShortDecade(p + 1, p)) return p;
            int end;
            if ((end = IsoDate(p, output)) > p) return end;
            if ((end = DaylessSlashDate(p, output)) > p) return end;
            if ((end = GluedMonthDate(p, output)) > p) return end;
            if ((end = NthWeekdayOfMonth(p, output)) > p) return end;
            if ((end = TimeOfDay(p, output)) > p) return end;
            if ((end = DayMonth(p, output)) > p) return end;
            if ((end = MonthFirst(p, output)) > p) return end;
            if ((end = WeekdayAt(p, output)) > p) return end;
            if ((end = HolidayAt(p, output)) > p) return end;
            if ((end = YearsQuarter(p, output)) > p) return end;
            if ((end = WeekOfYear(p, output)) > p) return end;
            if (determined && (end = OrdinalDayOrMonthOfUnit(p, output)) > p) return end;
            if (determined && (end = DayOfMonthAlone(p, output)) > p) return end;
            if ((end = RelativeAt(p, output, determined)) > p) return end;
            if ((end = DeicticAt(p, output)) > p) return end;
            if ((end = QuarterAt(p, output)) > p) return end;
            if (determined && (end = HalfOfYear(p, output)) > p) return end;
            if ((end = SeasonAt(p, output, determined)) > p) return end;
            if ((end = DurationAt(p, output)) > p) return end;
            if ((end = YearAt(p, output)) > p) return end;
            if ((end = DecadeAt(p, output)) > p) return end;
            if ((end = ReferenceAt(p, output, determined)) > p) return end;
            if ((end = SetAt(p, output)) > p) return end;
            if ((end = SpelledYearOrCentury(p, output)) > p) return end;
            // "the week before", "the day after", "the year earlier" closing a clause: one unit from the reference.
            if (determined && E(p) is { Unit: "Y" or "M" or "W" or "D", UnitPlural: false } shiftedUnit
                && (Is(p + 1, "before") || Is(p + 1, "earlier") || Is(p + 1, "after") || Is(p + 1, "later"))
                && (!In(p + 2) || _tokens[p + 2].Kind == TokenKind.Punctuation))
            {
                int shift = Is(p + 1, "before") || Is(p + 1, "earlier") ? -1 : 1;
                output.Add(new TimeMention(MentionKind.RelativeUnit, p, p + 2) { Unit = shiftedUnit.Unit, Relative = shift, HasRelative = true });
                return p + 2;
            }
            if (determined && (end = PartOfUnnamedDay(p, output)) > p) return end;
            if (determined && (end = UnitAlone(p, output)) > p) return end;
            if (determined && (end = ReportedQuarter(p, output)) > p) return end;
            if (determined && Is(p, "weekend") && p > _start && Is(p - 1, "the"))
            {
                output.Add(new TimeMention(MentionKind.RelativeUnit, p, p + 1) { Unit = "WE", Relative = 0, HasRelative = true });
                return p + 1;
            }
            return p;
        }

        // 2024-12-16, 2024/12/16, 12/16/2024
        private int IsoDate(int p, List<TimeMention> output)
        {
            // A written year 0000 is no year: the date is consumed without a value (AddDate reads 0 as "no year given").
            if (IsNumber(p, 4) && W(p).Length == 4 && (Is(p + 1, "-") || Is(p + 1, "/")) && IsNumber(p + 2, 2) && Is(p + 3, W(p + 1).ToString()) && IsNumber(p + 4, 2))
            {
                return IntAt(p) == 0 ? p + 5 : AddDate(output, p, p + 5, IntAt(p), IntAt(p + 2), IntAt(p + 4));
            }
            if (IsNumber(p, 2) && Is(p + 1, "/") && IsNumber(p + 2, 2) && Is(p + 3, "/") && IsNumber(p + 4, 4) && W(p + 4).Length == 4)
            {
                return IntAt(p + 4) == 0 ? p + 5 : AddDate(output, p, p + 5, IntAt(p + 4), IntAt(p), IntAt(p + 2));
            }
            if (In(p) && _tokens[p].Kind == TokenKind.Number && DottedDate(W(p), out int dottedYear, out int dottedMonth, out int dottedDay))
                return AddDate(output, p, p + 1, dottedYear, dottedMonth, dottedDay);
            return p;
        }

        /// <summary>
        /// "23.04.2022", "5.12.2010": the European date, always day first, with a two-digit month and a four-digit year.
        /// Grouped numbers ("1.250.000") have three-digit groups, so they never take this shape.
        /// </summary>
        private static bool DottedDate(ReadOnlySpan<char> w, out int year, out int month, out int day)
        {
            year = month = day = 0;
            int first = w.IndexOf('.');
            if (first is < 1 or > 2 || w.Length != first + 8 || w[first + 3] != '.') return false;
            for (int i = 0; i < w.Length; i++)
            {
                if (i != first && i != first + 3 && !char.IsAsciiDigit(w[i])) return false;
            }
            day = first == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
            month = (w[first + 1] - '0') * 10 + (w[first + 2] - '0');
            year = int.Parse(w[(first + 4)..], System.Globalization.CultureInfo.InvariantCulture);
            return day is >= 1 and <= 31 && month is >= 1 and <= 12 && IsPlausibleYear(year);
        }

        /// <summary>
        /// "on 11/20", "from 10/1 to 11/7", "11/20, 11/22 or 11/25", "Friday 5/12", "back on 22/04": a month and a day
        /// written with a slash and no year (month first, or day first when the first number cannot be a month). Slashed
        /// pairs are fractions, scores and event names far more often than dates, so the pair must be glued, stand alone
        /// (no third part), follow a date word ("on", "from", "until"; data: <c>slash-date-cue</c>), a weekday, or a list
        /// joiner after another such date, and be followed by nothing that makes it a count ("3/4 of", "a 2/3 majority").
        /// Numeric names of events ("9/11", "24/7"; data: <c>slash-date-name</c>) are never dates.
        /// </summary>
        private int DaylessSlashDate(int p, List<TimeMention> output)
        {
            if (!(IsNumber(p, 2) && GluedTo(p) && Is(p + 1, "/") && GluedTo(p + 1) && IsNumber(p + 2, 2))) return p;
            if (p > _start && _tokens[p - 1].Span.End == _tokens[p].Span.Start && (W(p - 1) is "/" or "." or ":"
                || W(p - 1) is "-" && !(output.Count > 0 && output[^1] is { Kind: MentionKind.Date } && output[^1].EndToken == p - 1))) return p;
            // "11/20/2019" is IsoDate's, "1/2.5" or "3/4:1" something else; a full stop closing the sentence is fine.
            if (In(p + 3) && _tokens[p + 2].Span.End == _tokens[p + 3].Span.Start && (W(p + 3) is "/" or ":" || W(p + 3) is "." && In(p + 4) && _tokens[p + 3].Span.End == _tokens[p + 4].Span.Start)
                || In(p + 3) && W(p + 3) is "%") return p;
            var written = _text.AsSpan(_tokens[p].Span.Start, _tokens[p + 2].Span.End - _tokens[p].Span.Start);
            if (_words.SlashDateNames.Contains(written)) return p;
            int first = IntAt(p), second = IntAt(p + 2);
            int month = first, day = second;
            if (first > 12) (month, day) = (second, first);
            if (month is < 1 or > 12 || day is < 1 or > 31) return p;
            // What comes before: a date word, a weekday, or a joiner after another slashed date.
            bool cued = p > _start && _words.SlashDateCues.Contains(W(p - 1)) && !MeasureWordBefore(_words, _text, _tokens, _start, p - 1);
            int merge = -1;
            if (!cued && output.Count > 0 && output[^1] is var last && last.EndToken <= p)
            {
                if (last.EndToken == p && last is { Kind: MentionKind.Weekday, Day: 0, Month: 0 }) { cued = true; merge = output.Count - 1; }
                else if (last.EndToken == p - 1 && last.Kind == MentionKind.Date && (W(p - 1) is "," or "-" or "–" || Is(p - 1, "or") || Is(p - 1, "and")
                    || Is(p - 1, "to") || Is(p - 1, "through") || Is(p - 1, "till") || Is(p - 1, "until"))) cued = true;
            }
            // "between 10/1-11/7", "10/1-11/2/2017": the first end of a range whose second end is a slashed date too.
            if (!cued && In(p + 6) && (W(p + 3) is "-" or "–" || Is(p + 3, "to") || Is(p + 3, "and") && p > _start && Is(p - 1, "between"))
                && IsNumber(p + 4, 2) && GluedTo(p + 4) && Is(p + 5, "/") && GluedTo(p + 5) && IsNumber(p + 6, 2))
            {
                bool fullSecond = In(p + 8) && GluedTo(p + 6) && Is(p + 7, "/") && IsNumber(p + 8, 4);
                cued = fullSecond || p > _start && (Is(p - 1, "between") || _words.SlashDateCues.Contains(W(p - 1))) && !MeasureWordBefore(_words, _text, _tokens, _start, p - 1)
                    && !(In(p + 7) && IsWord(p + 7) && !_words.SlashDateFollowers.Contains(W(p + 7)) && E(p + 7) is not { StartsTime: true });
            }
            if (!cued) return p;
            // What comes after: a count's noun or "of" makes it a fraction or a ratio.
            if (In(p + 3) && IsWord(p + 3) && !_words.SlashDateFollowers.Contains(W(p + 3)) && E(p + 3) is not { StartsTime: true }) return p;
            if (!TimeResolver.IsValidDate(2000, month, day)) return p + 3;
            var date = new TimeMention(MentionKind.Date, p, p + 3) { Month = month, Day = day };
            if (merge >= 0)
            {
                // "Friday 5/12": the date says which Friday.
                date.StartToken = output[merge].StartToken;
                output.RemoveAt(merge);
            }
            output.Add(date);
            return p + 3;
        }

        /// <summary>
        /// A date written with the month's name glued to its numbers by hyphens or slashes, as forms and messages write
        /// it: "Dec-2018", "Sep-23-2020", "September-2020-23", "05-Aug-2016", "2019-aug-01", "2019/aug/01",
        /// "22/Jan/2019", "Dec/2018", "Oct/2". Every part must be a month name, a day of 1-31 or a four-digit year, with
        /// no space between, so "F-16", "Mar-a-Lago", "May-be" and "24/7" stay what they are.
        /// </summary>
        private int GluedMonthDate(int p, List<TimeMention> output)
        {
            if (!In(p)) return p;
            if (IsWord(p) && !char.IsAsciiDigit(W(p)[0]) && W(p).IndexOf('-') > 0)
            {
                if (!ReadGlued(W(p), out int month, out int first, out int firstDigits, out int second, out int secondDigits) || month == 0) return p;
                if (firstDigits == 4 && secondDigits == 0) return AddMonth(output, p, p + 1, first, month);
                if (firstDigits <= 2 && secondDigits == 4) return AddDate(output, p, p + 1, second, month, first);
                if (firstDigits == 4 && secondDigits <= 2 && secondDigits > 0) return AddDate(output, p, p + 1, first, month, second);
                return p;
            }
            if (IsNumber(p, 4) && GluedTo(p) && (Is(p + 1, "-") || Is(p + 1, "/")) && GluedTo(p + 1) && IsPlausibleYear(IntAt(p)))
            {
                // "2019-aug-01" (the tokenizer keeps "aug-01" one word) and "2019/aug/01".
                if (Is(p + 1, "-") && IsWord(p + 2) && ReadGlued(W(p + 2), out int month, out int day, out int dayDigits, out _, out int rest)
                    && month > 0 && dayDigits is 1 or 2 && rest == 0)
                    return AddDate(output, p, p + 3, IntAt(p), month, day);
                if (Is(p + 1, "/") && GluedMonth(p + 2) is > 0 and var slashMonth && GluedTo(p + 2) && Is(p + 3, "/") && GluedTo(p + 3) && IsNumber(p + 4, 2))
                    return AddDate(output, p, p + 5, IntAt(p), slashMonth, IntAt(p + 4));
                return p;
            }
            if (IsNumber(p, 2) && GluedTo(p) && (Is(p + 1, "-") || Is(p + 1, "/")) && GluedTo(p + 1))
            {
                // "05-Aug-2016" (one word after the day) and "22/Jan/2019".
                if (Is(p + 1, "-") && IsWord(p + 2) && ReadGlued(W(p + 2), out int month, out int year, out int yearDigits, out _, out int rest)
                    && month > 0 && yearDigits == 4 && rest == 0)
                    return AddDate(output, p, p + 3, year, month, IntAt(p));
                if (Is(p + 1, "/") && GluedMonth(p + 2) is > 0 and var slashMonth && GluedTo(p + 2) && Is(p + 3, "/") && GluedTo(p + 3)
                    && IsNumber(p + 4, 4) && IsPlausibleYear(IntAt(p + 4)))
                    return AddDate(output, p, p + 5, IntAt(p + 4), slashMonth, IntAt(p));
                return p;
            }
            if (GluedMonth(p) is > 0 and var namedMonth && GluedTo(p) && Is(p + 1, "/") && GluedTo(p + 1))
            {
                // "Dec/2018", "Oct/2".
                if (IsNumber(p + 2, 4) && IsPlausibleYear(IntAt(p + 2))) return AddMonth(output, p, p + 3, IntAt(p + 2), namedMonth);
                if (IsNumber(p + 2, 2) && !(In(p + 3) && GluedTo(p + 2) && Is(p + 3, "/"))) return AddDate(output, p, p + 3, 0, namedMonth, IntAt(p + 2));
            }
            return p;
        }

        private static int AddMonth(List<TimeMention> output, int start, int end, int year, int month)
        {
            output.Add(new TimeMention(MentionKind.Month, start, end) { Month = month, Year = year });
            return end;
        }

        private static bool IsPlausibleYear(int year) => year is >= 1000 and <= 2999;

        private bool GluedTo(int k) => In(k + 1) && _tokens[k].Span.End == _tokens[k + 1].Span.Start;

        /// <summary>A month name with no dot, glued to a slash ("Dec/2018"); the ordinary rules read "Dec." and "Dec 5".</summary>
        private int GluedMonth(int k) => IsWord(k) && W(k).IndexOf('-') < 0 && W(k)[^1] != '.' && E(k) is { Month: > 0 } e ? e.Month : 0;

        /// <summary>
        /// Splits a hyphenated word into one month name and up to two numbers ("Sep-23-2020": 9, 23, 2020); a number
        /// part must be a day of 1-31 or a plausible four-digit year, and no other part may appear.
        /// </summary>
        private bool ReadGlued(ReadOnlySpan<char> word, out int month, out int first, out int firstDigits, out int second, out int secondDigits)
        {
            month = first = firstDigits = second = secondDigits = 0;
            int parts = 0;
            while (true)
            {
                int dash = word.IndexOf('-');
                var part = dash < 0 ? word : word[..dash];
                if (part.IsEmpty || ++parts > 3) return false;
                if (char.IsAsciiDigit(part[0]))
                {
                    if (part.Length is not (1 or 2 or 4)) return false;
                    int value = 0;
                    foreach (char c in part)
                    {
                        if (!char.IsAsciiDigit(c)) return false;
                        value = value * 10 + (c - '0');
                    }
                    if (part.Length == 4 ? !IsPlausibleYear(value) : value is < 1 or > 31) return false;
                    if (firstDigits == 0) { first = value; firstDigits = part.Length; }
                    else if (secondDigits == 0) { second = value; secondDigits = part.Length; }
                    else return false;
                }
                else
                {
                    // The month leads: "aug-01", "Dec-2018"; a name after a number ("2016-Aug") is not this form.
                    if (month != 0 || parts != 1 || _words.Find(part) is not { Month: > 0 } e || part.Length < 3) return false;
                    month = e.Month;
                }
                if (dash < 0) break;
                word = word[(dash + 1)..];
            }
            // "Sep-23-2020" and "September-2020-23" both carry one day and one year; two days or two years are no date.
            if (secondDigits > 0 && (firstDigits == 4) == (secondDigits == 4)) return false;
            return parts >= 2;
        }

        /// <summary>Adds a date; an impossible one ("February 30", "2024-13-45") is consumed without a mention.</summary>
        private static int AddDate(List<TimeMention> output, int start, int end, int year, int month, int day)
        {
            if (!TimeResolver.IsValidDate(year == 0 ? 2000 : year, month, day)) return end;
            output.Add(new TimeMention(MentionKind.Date, start, end) { Year = year, Month = month, Day = day });
            return end;
        }

        private int MonthAt(int k)
        {
            if (!IsWord(k)) return 0;
            var e = E(k);
            if (e is null || e.Month == 0) return 0;
            var word = W(k);
            // "april 9th": a day written with its ordinal suffix is a number beside the month as much as "april 9" is.
            bool nextNumber = In(k + 1) && (_tokens[k + 1].Kind == TokenKind.Number || IsWord(k + 1) && W(k + 1).Length is 3 or 4 && char.IsAsciiDigit(W(k + 1)[0]) && DayAt(k + 1, out _)
                || WholeCompoundSpelledDay(k + 1, out _, out _)
                // "april ninth through seventeenth", "april the ninth till the seventeenth": a spelled day range after it.
                || SpelledDayRangeAfter(k + 1)
                // "13 Sept nineteen seventy two": a year in words after a day and the month.
                || k > _start && IsNumber(k - 1, 2) && SpelledYear(k + 1, out _, out _, bareThousand: false));
            // A month name in lower case ("from april to june", "on june 5") is a month only beside a day or year or
            // after a time preposition; "may" and "march" in lower case are the verbs unless a preposition says otherwise.
            if (_words.NamesCapitalized && !Capitalized(k))
            {
                bool verbLike = word.Equals("may", StringComparison.Ordinal) || word.Equals("march", StringComparison.Ordinal);
                bool weakCue = k > _start && (Is(k - 1, "this") || Is(k - 1, "last") || Is(k - 1, "next") || Is(k - 1, "of") || Is(k - 1, "by") || Is(k - 1, "-"));
                // "june of 1992": "of" and a four-digit year name the month as a number after it does.
                bool ofYear = Is(k + 1, "of") && IsNumber(k + 2, 4) && W(k + 2).Length == 4;
                // "on 14 nov", "from 2 july to 10 july": a day number before it, after a time preposition.
                bool dayBefore = !verbLike && k - 2 >= _start && (IsNumber(k - 1, 2) && IntAt(k - 1) is >= 1 and <= 31
                    || IsWord(k - 1) && W(k - 1).Length is 3 or 4 && char.IsAsciiDigit(W(k - 1)[0]) && DayAt(k - 1, out _))
                    && (Is(k - 2, "on") || Is(k - 2, "from") || Is(k - 2, "between") || Is(k - 2, "since") || Is(k - 2, "until")
                        || (Is(k - 2, "to") || Is(k - 2, "and") || Is(k - 2, "through") || Is(k - 2, "till")) && k - 3 >= _start && E(k - 3) is { Month: > 0 });
                if (!((nextNumber || ofYear || dayBefore) && !verbLike || MonthCueBefore(k) && !(verbLike && weakCue))) return 0;
            }
            // "Jan" and "Sept" without a period are names as often as months: only with a day or year after them.
            if (_words.ShortMonthNeedsDay && word.Length <= 4 && word[^1] != '.' && !word.Equals("June", StringComparison.OrdinalIgnoreCase) && !word.Equals("July", StringComparison.OrdinalIgnoreCase)
                && !word.Equals("May", StringComparison.OrdinalIgnoreCase) && !nextNumber && !DayAfterPrepositionBefore(k)) return 0;
            // "May" and "March" are also a verb and a noun: take them only beside a day, a year or a time preposition.
            if (W(k).Equals("May", StringComparison.Ordinal) || W(k).Equals("March", StringComparison.Ordinal) || W(k).Equals("MAY", StringComparison.Ordinal))
            {
                bool prevCue = MonthCueBefore(k);
                if (!nextNumber && !prevCue) return 0;
                if (k == _start && !nextNumber) return 0;
            }
            return e.Month;
        }

        /// <summary>
        /// "on 14 Nov", "from 20th dec": a day number right before a short month name, after a time preposition, makes
        /// the abbreviation a month as a number after it does ("Jan said" stays a name).
        /// </summary>
        private bool DayAfterPrepositionBefore(int k) =>
            k - 2 >= _start && (IsNumber(k - 1, 2) && IntAt(k - 1) is >= 1 and <= 31 || IsWord(k - 1) && W(k - 1).Length is 3 or 4 && char.IsAsciiDigit(W(k - 1)[0]) && DayAt(k - 1, out _))
            && (Is(k - 2, "on") || Is(k - 2, "from") || Is(k - 2, "between") || Is(k - 2, "since") || Is(k - 2, "until") || Is(k - 2, "by") || Is(k - 2, "before") || Is(k - 2, "after"));

        /// <summary>
        /// "ninth through seventeenth", "the ninth till the 17th": a spelled ordinal day at <paramref name="k"/> (after an
        /// optional "the") that opens a range of days whose second end is a day closing the phrase.
        /// </summary>
        private bool SpelledDayRangeAfter(int k)
        {
            int first = Is(k, "the") ? k + 1 : k;
            if (!IsWord(first) || char.IsAsciiDigit(W(first)[0]) || !DayAt(first, out _)) return false;
            int joiner = first + 1;
            if (!(Is(joiner, "through") || Is(joiner, "till") || Is(joiner, "until") || Is(joiner, "to") || Is(joiner, "-") || Is(joiner, "–"))) return false;
            int second = Is(joiner + 1, "the") ? joiner + 2 : joiner + 1;
            return DayAt(second, out _) && (IsWord(second) && char.IsAsciiDigit(W(second)[0]) || SpelledDayEndsAt(second + 1));
        }

        /// <summary>
        /// A time preposition right before a month name ("in May", "since march"), or the joiner of a month range whose
        /// first end is a month ("March to May", "august and october").
        /// </summary>
        private bool MonthCueBefore(int k)
        {
            if (k <= _start) return false;
            if (Is(k - 1, "in") || Is(k - 1, "of") || Is(k - 1, "since") || Is(k - 1, "until") || Is(k - 1, "early") || Is(k - 1, "late") || Is(k - 1, "mid")
                || Is(k - 1, "last") || Is(k - 1, "next") || Is(k - 1, "this") || Is(k - 1, "by") || Is(k - 1, "from") || Is(k - 1, "-") || Is(k - 1, "between")) return true;
            return (Is(k - 1, "to") || Is(k - 1, "and") || Is(k - 1, "through") || Is(k - 1, "till")) && k - 2 >= _start && E(k - 2) is { Month: > 0 };
        }

        /// <summary>
        /// After "July fourth" the phrase must end: "July fourth quarter", "April first responders", "June first lady"
        /// read the ordinal with the noun after it. A year, punctuation or a function word may follow.
        /// </summary>
        private bool SpelledDayEndsAt(int k)
        {
            if (!In(k) || _tokens[k].Kind is TokenKind.Punctuation) return true;
            if (IsNumber(k, 4) && W(k).Length == 4) return true;
            // "January first two thousand and two": a year in words.
            if (SpelledYear(k, out _, out _, bareThousand: false)) return true;
            // "February twenty second 3:30": a clock time on that day.
            if (IsClockAt(k)) return true;
            if (!IsWord(k)) return false;
            // "tues the 4th 7pm": a clock glued to its meridiem is the time on that day, not a noun the ordinal counts.
            // Only the meridiem may follow the digits: "10-team" or "5-program" is a noun.
            if (IsHourGluedToMeridiem(k)) return true;
            // "March eighteenth nine thirty", "January twenty fourth one thirty p m": a spelled clock on that day.
            if (SpelledValue(W(k), out int hour) && hour is >= 1 and <= 12 && W(k).IndexOf('-') < 0
                && (SpelledMinutes(k + 1, out _, out int minutesEnd) && (AmPm(minutesEnd, out _) > minutesEnd || ClosesSpelledClock(minutesEnd)) || AmPm(k + 1, out _) > k + 1)) return true;
            foreach (var word in FunctionWordsAfterSpelledDay) if (W(k).Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static readonly string[] FunctionWordsAfterSpelledDay =
            ["and", "or", "but", "at", "in", "on", "of", "to", "for", "from", "until", "till", "through", "by", "with", "when", "as",
             "this", "next", "last", "the", "was", "is", "will", "would", "we", "he", "she", "they", "it", "i", "you"];

        /// <summary>A day of month: "14", "14th".</summary>
        private bool DayAt(int k, out int day)
        {
            day = 0;
            if (IsNumber(k, 2)) day = IntAt(k);
            // "January first", "the fourth of July": an ordinal word up to the thirtieth.
            else if (IsWord(k) && !char.IsAsciiDigit(W(k)[0]) && E(k) is { Ordinal: >= 1 and <= 31 } spelled && W(k).IndexOf('-') < 0) day = spelled.Ordinal;
            else if (IsWord(k) && W(k).Length is 3 or 4 && char.IsAsciiDigit(W(k)[0]) && NumberReader.IsOrdinalSuffix(W(k).TrimStart("0123456789")))
            {
                var digits = W(k)[..(W(k).Length - W(k).TrimStart("0123456789").Length)];
                foreach (char c in digits) day = day * 10 + (c - '0');
            }
            return day is >= 1 and <= 31;
        }

        /// <summary>
        /// A day of the month spoken as tens and units: "twenty second", "twenty-second", "twenty nine", "thirty first"
        /// (the units may be ordinal or cardinal, as people say them). Single words ("fourth") are <see cref="DayAt"/>'s.
        /// </summary>
        private bool WholeCompoundSpelledDay(int k, out int day, out int end)
        {
            if (!CompoundSpelledDay(k, out day, out end, out bool cardinalUnit) || Is(end, "of")) return false;
            // "By March twenty-one of the 27 states", "May twenty two people": a cardinal after a month is a count unless
            // the phrase ends there (punctuation, a year, a clock); an ordinal unit ("twenty-first") may meet a function word.
            if (!cardinalUnit) return SpelledDayEndsAt(end);
            return !In(end) || _tokens[end].Kind is TokenKind.Punctuation || IsNumber(end, 4) && W(end).Length == 4
                || IsClockAt(end) || Is(end, "at") && In(end + 1) && char.IsAsciiDigit(W(end + 1)[0])
                // "January twenty five nineteen eighty six": a spelled year closes it too.
                || SpelledYear(end, out _, out _, bareThousand: false);
        }

        private bool CompoundSpelledDay(int k, out int day, out int end, out bool cardinalUnit)
        {
            day = 0;
            end = k;
            cardinalUnit = false;
            if (!IsWord(k)) return false;
            var w = W(k);
            int dash = w.IndexOf('-');
            ReadOnlySpan<char> tens = dash > 0 ? w[..dash] : w;
            int tensValue = tens.Equals("twenty", StringComparison.OrdinalIgnoreCase) ? 20 : tens.Equals("thirty", StringComparison.OrdinalIgnoreCase) ? 30 : 0;
            if (tensValue == 0) return false;
            var unitEntry = dash > 0 ? _words.Find(w[(dash + 1)..]) : IsWord(k + 1) ? E(k + 1) : null;
            int unit = unitEntry is { Ordinal: >= 1 and <= 9 } ? unitEntry.Ordinal : unitEntry is { Number: >= 1 and <= 9 } n && n.Number == Math.Floor(n.Number) ? (int)n.Number : 0;
            if (unit == 0 || tensValue + unit > 31) return false;
            cardinalUnit = unitEntry is not { Ordinal: >= 1 and <= 9 };
            day = tensValue + unit;
            end = dash > 0 ? k + 1 : k + 2;
            return true;
        }

        private bool YearAfter(int k, out int year, out int end)
        {
            year = 0;
            end = k;
            int q = k;
            if (Is(q, ",")) q++;
            if (IsNumber(q, 4) && W(q).Length == 4)
            {
                year = IntAt(q);
                end = q + 1;
                if (year == 0) year = -1; // "1 January 0000": a written year 0 rejects the date, it is not "no year"
                return true;
            }
            // "1 January 10000": a five-digit year closing the phrase is a year no calendar value can hold. It is
            // read as part of the date (year -1) so the whole date is rejected, not shortened to "1 January".
            if (q == k && IsNumber(q, 5) && W(q).Length == 5 && (!In(q + 1) || _tokens[q + 1].Kind == TokenKind.Punctuation))
            {
                year = -1;
                end = q + 1;
                return true;
            }
            // "On March 3, two thousand protesters": after a date, "two thousand" before a word is a count.
            return SpelledYear(q, out year, out end, bareThousand: false);
        }

        /// <summary>"nineteen ninety-seven", "eighteen twelve", "twenty twelve", "two thousand", "two thousand and one", "two thousand twelve".</summary>
        private bool SpelledYear(int k, out int year, out int end, bool bareThousand = true)
        {
            year = 0;
            end = k;
            // "seventeen hundred thirty three", "nineteen hundred and ninety-three": only after a date ("nineteen hundred
            // people" is a count), and only with the tens after "hundred".
            if (!bareThousand && E(k) is { Number: >= 11 and <= 19 } century && IsWord(k) && Is(k + 1, "hundred")
                && SpelledTensAndUnits(Is(k + 2, "and") ? k + 3 : k + 2, out int yearInCentury, out int centuryEnd))
            {
                year = (int)century.Number * 100 + yearInCentury;
                end = centuryEnd;
                return true;
            }
            // Two numbers of two digits each, the first a century: no count is said this way ("twenty twelve" is not 32).
            if ((Is(k, "nineteen") || Is(k, "eighteen") || Is(k, "twenty")) && IsWord(k + 1) && !char.IsAsciiDigit(W(k + 1)[0]))
            {
                double t = 0, c = 0;
                if (TryWordsValue(W(k + 1), ref t, ref c) && t + c is >= 10 and <= 99)
                {
                    year = (Is(k, "nineteen") ? 1900 : Is(k, "twenty") ? 2000 : 1800) + (int)(t + c);
                    end = k + 2;
                    // "nineteen ninety six": the tens and the units as two words, as "ninety-six" is one.
                    double ut = 0, uc = 0;
                    if ((int)(t + c) % 10 == 0 && t + c >= 20 && IsWord(k + 2) && !char.IsAsciiDigit(W(k + 2)[0]) && E(k + 2)?.Unit is null
                        && TryWordsValue(W(k + 2), ref ut, ref uc) && ut + uc is >= 1 and <= 9 && E(k + 3) is not { Unit: not null })
                    {
                        year += (int)(ut + uc);
                        end = k + 3;
                    }
                    return true;
                }
                return false;
            }
            if (Is(k, "two") && Is(k + 1, "thousand"))
            {
                year = 2000;
                end = k + 2;
                int q = Is(k + 2, "and") ? k + 3 : k + 2;
                // "two thousand and thirty two": the tens and the units may be two words.
                if (SpelledTensAndUnits(q, out int yearInThousand, out int tensEnd))
                {
                    year += yearInThousand;
                    end = tensEnd;
                }
                // A bare "two thousand" after a date is a year only where it closes the phrase ("in October two
                // thousand and returned", "May two thousand."); before a word it is a count ("two thousand people").
                if (year > 2000 || bareThousand || !In(k + 2) || _tokens[k + 2].Kind == TokenKind.Punctuation || Is(k + 2, "and")) return true;
                year = 0;
                end = k;
                return false;
            }
            return false;
        }

        /// <summary>1 to 99 in words: "thirty three", "ninety-three", "seven"; never a word that starts a unit ("two days").</summary>
        private bool SpelledTensAndUnits(int q, out int value, out int end)
        {
            value = 0;
            end = q;
            double t = 0, c = 0;
            if (!IsWord(q) || char.IsAsciiDigit(W(q)[0]) || !TryWordsValue(W(q), ref t, ref c) || t + c is < 1 or > 99 || E(q)?.Unit is not null) return false;
            value = (int)(t + c);
            end = q + 1;
            double ut = 0, uc = 0;
            if (value % 10 == 0 && value >= 20 && IsWord(q + 1) && !char.IsAsciiDigit(W(q + 1)[0]) && E(q + 1)?.Unit is null
                && TryWordsValue(W(q + 1), ref ut, ref uc) && ut + uc is >= 1 and <= 9 && E(q + 2) is not { Unit: not null })
            {
                value += (int)(ut + uc);
                end = q + 2;
            }
            return true;
        }

        // "16 December 2024", "the 16th of December", "9 to 12 June", "between 3 and 12 of September"
        /// <param name="rangeStart">False for a range's second end, so "1 to 2 to 3 ..." is read in one step, not recursively.</param>
        private int DayMonth(int p, List<TimeMention> output, bool rangeStart = true)
        {
            if (!DayAt(p, out int day)) return p;
            // "bought for $12 December 27": a number after a currency sign is a price, never a day.
            if (p > _start && _tokens[p - 1].Kind == TokenKind.Symbol && char.GetUnicodeCategory(W(p - 1)[0]) == System.Globalization.UnicodeCategory.CurrencySymbol) return p;
            int q = p + 1;
            // "the 15th day of June", "the twenty-third day of September": the formal spelling of "the 15th of June".
            // Not after a tens word: "twenty third day of" is read whole or not at all.
            if (Is(q, "day") && Is(q + 1, "of") && !IsNumber(p, 2) && MonthAt(q + 2) > 0 && !(p > _start && E(p - 1) is { Number: >= 20 })) q++;
            // A spelled ordinal is a day only as "the fourth of July": "third January" is rarely written.
            // "from the ninth till the seventeenth of April": a spelled first end of a day range is a day when the second
            // end names its month (checked below).
            bool opensRange = rangeStart && (Is(q, "to") || Is(q, "through") || Is(q, "till") || Is(q, "until") && !char.IsAsciiDigit(W(p)[0]) || Is(q, "-") || Is(q, "–")
                || Is(q, "and") && p > _start && (Is(p - 1, "between") || Is(p - 1, "the") && p - 1 > _start && Is(p - 2, "between")));
            if (!char.IsAsciiDigit(W(p)[0]) && !Is(q, "of") && !opensRange) return p;
            if (opensRange)
            {
                // The first day of a range takes the month and year of the second.
                int before = output.Count;
                int secondStart = Is(q + 1, "the") && !char.IsAsciiDigit(W(p)[0]) ? q + 2 : q + 1;
                int rangeEnd = DayMonth(secondStart, output, rangeStart: false);
                if (rangeEnd > secondStart && output.Count == before + 1 && output[before].Kind == MentionKind.Date)
                {
                    var second = output[before];
                    if (second.Day > day)
                    {
                        AddDate(output, p, p + 1, second.Year, second.Month, day);
                        if (output.Count == before + 2) return MoveLastBefore(output, before, rangeEnd);
                    }
                }
                if (output.Count > before) output.RemoveRange(before, output.Count - before);
            }
            if (Is(q, "of")) q++;
            int month = MonthAt(q);
            if (month == 0) return p;
            int end = q + 1;
            if (YearAfter(end, out int year, out int yEnd)) end = yEnd;
            return AddDate(output, p, end, year, month, day);
        }

        /// <summary>Puts the mention added last at <paramref name="index"/>, keeping text order, and returns <paramref name="end"/>.</summary>
        private static int MoveLastBefore(List<TimeMention> output, int index, int end)
        {
            var last = output[^1];
            output.RemoveAt(output.Count - 1);
            output.Insert(index, last);
            return end;
        }

        // "December 14", "Dec. 14, 2024", "December 14 and 15", "December 2024", "December"
        private int MonthFirst(int p, List<TimeMention> output)
        {
            string? mod = null;
            int q = p;
            if (!In(q)) return p;
            int prefixLength = !IsWord(q) ? 0 : W(q).StartsWith("mid-", StringComparison.OrdinalIgnoreCase) ? 4
                : W(q).StartsWith("late-", StringComparison.OrdinalIgnoreCase) ? 5
                : W(q).StartsWith("early-", StringComparison.OrdinalIgnoreCase) ? 6 : 0;
            if (IsWord(q) && prefixLength > 0 && W(q).Length > prefixLength)
            {
                // "mid-December", "late-November", "mid-2024", "mid-1990s"
                string prefixMod = prefixLength == 4 ? "MID" : prefixLength == 5 ? "END" : "START";
                var rest = W(q)[prefixLength..];
                var e = _words.Find(rest);
                if (e is { Month: > 0 })
                {
                    int yearEnd = q + 1;
                    YearAfter(q + 1, out int y, out int ye);
                    if (ye > q + 1) yearEnd = ye;
                    output.Add(new TimeMention(MentionKind.Month, p, yearEnd) { Month = e.Month, Year = y, Modifier = prefixMod });
                    return yearEnd;
                }
                if (rest.Length == 4 && int.TryParse(rest, out int midYear))
                {
                    output.Add(new TimeMention(MentionKind.Year, p, q + 1) { Year = midYear, Modifier = prefixMod });
                    return q + 1;
                }
                if (rest.Length == 5 && rest[^1] == 's' && int.TryParse(rest[..4], out int midDecade))
                {
                    output.Add(new TimeMention(MentionKind.Decade, p, q + 1) { Year = midDecade, Modifier = prefixMod });
                    return q + 1;
                }
                return p;
            }
            int month = MonthAt(q);
            if (month == 0) return p;
            if (WholeCompoundSpelledDay(q + 1, out int compoundDay, out int compoundEnd))
            {
                // "February twenty second", "May twenty nine", "March thirty-first, 1998".
                int compoundYear = 0;
                if (YearAfter(compoundEnd, out int spokenYear, out int spokenYearEnd)) { compoundYear = spokenYear; compoundEnd = spokenYearEnd; }
                return AddDate(output, p, compoundEnd, compoundYear, month, compoundDay);
            }
            // "April the ninth": a spelled ordinal day may take "the" after its month.
            int dayToken = Is(q + 1, "the") && IsWord(q + 2) && !char.IsAsciiDigit(W(q + 2)[0]) ? q + 2 : q + 1;
            if (DayAt(dayToken, out int day) && !IsClockAt(dayToken) // "Dec. 10:30" is a clock time
                && (char.IsAsciiDigit(W(dayToken)[0]) || SpelledDayEndsAt(dayToken + 1)))
            {
                int end = dayToken + 1;
                int year = 0;
                if (YearAfter(end, out int y, out int yEnd)) { year = y; end = yEnd; }
                int first = output.Count;
                AddDate(output, p, end, year, month, day);
                if (output.Count == first) return end;
                if (year == 0 && YearOffsetAt(end) is { } dateOffset)
                {
                    var dated = output[first];
                    dated.YearOffset = dateOffset;
                    dated.EndToken = end + 2;
                    output[first] = dated;
                    return end + 2;
                }
                // "December 14 and 15", "Dec. 14-15": each day its own expression, sharing month and year.
                int r = end;
                int guard = 0;
                // "December 14 - 10 a.m.": a number with a meridiem, minutes or "o'clock" after it is the clock time, not a second day.
                while (guard++ < 31 && (Is(r, "and") || Is(r, "-") || Is(r, "–") || Is(r, "to") || Is(r, "through") || Is(r, "till") || Is(r, "until") || Is(r, ",") || Is(r, "or"))
                    && SecondDayOfMonthAt(r, out int other, out int otherStart))
                {
                    int otherEnd = otherStart + 1;
                    int otherYear = year;
                    if (year == 0 && YearAfter(otherEnd, out int y2, out int y2End)) { otherYear = y2; otherEnd = y2End; }
                    int added = output.Count;
                    AddDate(output, otherStart, otherEnd, otherYear, month, other);
                    if (output.Count == added) { r = otherEnd; break; }
                    if (year == 0 && otherYear != 0)
                    {
                        for (int i = first; i < output.Count; i++) { var m = output[i]; m.Year = otherYear; output[i] = m; }
                    }
                    r = otherEnd;
                }
                return r;
            }
            if (YearAfter(q + 1, out int monthYear, out int monthYearEnd) && !Is(q + 1, ","))
            {
                output.Add(new TimeMention(MentionKind.Month, p, monthYearEnd) { Month = month, Year = monthYear, Modifier = mod });
                return monthYearEnd;
            }
            if (Is(q + 1, "of") && YearAfter(q + 2, out int ofYear, out int ofYearEnd))
            {
                output.Add(new TimeMention(MentionKind.Month, p, ofYearEnd) { Month = month, Year = ofYear });
                return ofYearEnd;
            }
            if (YearOffsetAt(q + 1) is { } offset)
            {
                output.Add(new TimeMention(MentionKind.Month, p, q + 3) { Month = month, YearOffset = offset });
                return q + 3;
            }
            output.Add(new TimeMention(MentionKind.Month, p, q + 1) { Month = month });
            return q + 1;
        }

        /// <summary>
        /// The second day after a month's first one and the joiner at <paramref name="joiner"/>: a number ("December 14 and
        /// 15"), not a clock ("December 14 - 10 a.m."); a spelled ordinal only after a range word and closing the phrase
        /// ("April ninth through seventeenth", "through the 17th"), since a list's spelled second ("July fourth and fifth
        /// graders") is as often a noun's.
        /// </summary>
        private bool SecondDayOfMonthAt(int joiner, out int day, out int start)
        {
            bool rangeJoiner = !Is(joiner, "and") && !Is(joiner, ",") && !Is(joiner, "or");
            start = rangeJoiner && Is(joiner + 1, "the") ? joiner + 2 : joiner + 1;
            if (!DayAt(start, out day) || MonthAt(start + 1) != 0) return false;
            if (char.IsAsciiDigit(W(start)[0])) return AmPm(start + 1, out _) == start + 1 && !Is(start + 1, ":") && !IsOClock(start + 1);
            return rangeJoiner && SpelledDayEndsAt(start + 1);
        }

        /// <summary>"last year", "this year", "next year" right after a month or a date.</summary>
        private int? YearOffsetAt(int k) =>
            E(k)?.Relative is { } relative && !Is(k, "past") && !Is(k, "coming") && Is(k + 1, "year") ? relative : null;

        private int WeekdayOf(int k)
        {
            if (!IsWord(k)) return 0;
            var e = E(k);
            if (e is null || e.Weekday == 0) return 0;
            // Full weekday names are unambiguous in lower case too; "sun", "sat", "wed" are not.
            if (_words.NamesCapitalized && !Capitalized(k) && W(k).Length < 6) return 0;
            // "Sun" and "Sat" without a period are words; only the full names and dotted abbreviations count.
            if (W(k).Length <= 4 && W(k)[^1] != '.') return 0;
            return e.Weekday;
        }

        // "Saturday", "Saturday, Dec. 14", "Friday morning", "Saturday night"
        private int WeekdayAt(int p, List<TimeMention> output, int relative = 0, bool hasRelative = false, int spanStart = -1)
        {
            int weekday = WeekdayOf(p);
            if (weekday == 0) return p;
            int start = spanStart >= 0 ? spanStart : p;
            int q = p + 1;
            if (!hasRelative)
            {
                int r = Is(q, ",") ? q + 1 : q;
                int before = output.Count;
                int dateEnd = MonthFirst(r, output);
                if (dateEnd == r) dateEnd = DayMonth(r, output);
                if (dateEnd == r) dateEnd = IsoDate(r, output);
                if (dateEnd > r && output.Count == before + 1 && output[before].Kind == MentionKind.Date)
                {
                    var m = output[before];
                    m.StartToken = start;
                    output[before] = m;
                    return dateEnd;
                }
                if (output.Count > before) output.RemoveRange(before, output.Count - before);
            }
            // "next Friday", "last Wednesday": the weekday of the next or last calendar week (said on a Thursday, "last
            // Wednesday" is eight days back; the day before is "Wednesday" or "yesterday"; at the weekend "last" is the week
            // just ended, see TimeResolver.WeekdayOfWeek). "coming" and "upcoming" name the nearest one ahead ("this coming Sunday").
            int? weekOffset = hasRelative && relative != 0 && _words.RelativeWeekdayByCalendarWeek && p > _start && !_words.NearestWeekdayWords.Contains(W(p - 1))
                ? relative : null;
            if (E(q) is { PartOfDay: { } part } && !Is(q, "overnight"))
            {
                output.Add(new TimeMention(MentionKind.TimeOfDay, start, q + 1) { Weekday = weekday, PartOfDay = part, Relative = relative, HasRelative = hasRelative, WeekOffset = weekOffset });
                return q + 1;
            }
            // "on Friday mornings", "Tuesday afternoons": that part of every such day, a set.
            if (!hasRelative && IsWord(q) && W(q).Length > 5 && W(q)[^1] is 's' && W(q).IndexOf('-') < 0
                && _words.Find(W(q)[..^1]) is { PartOfDay: { } everyPart, DayOffset: null } && !W(q).StartsWith("overnight", StringComparison.OrdinalIgnoreCase))
            {
                output.Add(new TimeMention(MentionKind.Set, start, q + 1) { Literal = $"XXXX-WXX-{weekday}T{everyPart}" });
                return q + 1;
            }
            if (!hasRelative && OrdinalDayAfterWeekday(q, out int dayOfMonth, out int dayEnd))
            {
                output.Add(new TimeMention(MentionKind.Weekday, start, dayEnd) { Weekday = weekday, Day = dayOfMonth });
                return dayEnd;
            }
            output.Add(new TimeMention(MentionKind.Weekday, start, q) { Weekday = weekday, Relative = relative, HasRelative = hasRelative, WeekOffset = weekOffset });
            return q;
        }

        /// <summary>
        /// "Mon 13th", "tues the 4th", "on Sat 14th": an undotted weekday abbreviation counts only with the day of the month
        /// after it, and one that is also a word ("sat", "sun", "wed") only with its capital and a date around it: "on" or
        /// another day just before ("Fri 13th, Sat 14th"), a year or clock after ("Sat 14th at 3pm"), or a capital amid lower-case
        /// words closing the sentence ("I'll go back Sat 14th."). Capitals alone
        /// prove nothing: a sentence, a quote or a headline opens with them ("Sat 14th in the table", "Horton 1st, Sun 2nd").
        /// </summary>
        private int ShortWeekdayWithDay(int p, List<TimeMention> output)
        {
            if (!IsWord(p) || !_words.ShortWeekdays.TryGetValue(W(p), out var form)) return p;
            if (form.IsWord ? !Capitalized(p) : !Capitalized(p) && !Is(p + 1, "the")) return p;
            if (!OrdinalDayAfterWeekday(p + 1, out int day, out int end)) return p;
            if (form.IsWord && !DateCueBeforeShortWeekday(p, output) && !DateCueAfterDay(end) && !CapitalAmidLowerCaseClosing(p, end)) return p;
            output.Add(new TimeMention(MentionKind.Weekday, p, end) { Weekday = form.Weekday, Day = day });
            return end;
        }

        /// <summary>
        /// "I'll go back Sat 14th.": a capital right after a lower-case word, the day closing the sentence, is the abbreviation;
        /// a headline's capitals follow capitals ("Liverpool Sat 2nd In Table").
        /// </summary>
        private bool CapitalAmidLowerCaseClosing(int p, int end) =>
            p > _start && IsWord(p - 1) && char.IsLower(W(p - 1)[0]) && (!In(end) || _tokens[end].Kind == TokenKind.Punctuation && !Is(end, "-") && !Is(end, "–"));

        private bool DateCueBeforeShortWeekday(int p, List<TimeMention> output)
        {
            if (p <= _start) return false;
            if (Is(p - 1, "on")) return true;
            bool joiner = Is(p - 1, ",") || Is(p - 1, "and") || Is(p - 1, "to") || Is(p - 1, "until") || Is(p - 1, "-") || Is(p - 1, "–");
            return joiner && output.Count > 0 && output[^1].EndToken == p - 1 && output[^1].Kind is MentionKind.Weekday or MentionKind.Date;
        }

        /// <summary>A year or a clock time right after a day of the month ("14th 2024", "14th at 3pm", "14th 7pm").</summary>
        private bool DateCueAfterDay(int end)
        {
            if (!In(end)) return false;
            int k = Is(end, ",") || Is(end, "at") ? end + 1 : end;
            if (!In(k)) return false;
            if (IsNumber(k, 4) && W(k).Length == 4 && !Is(end, "at")) return true;
            if (IsClockAt(k)) return true;
            return Is(end, "at") && IsNumber(k, 2) || IsHourGluedToMeridiem(k);
        }

        /// <summary>"10:30" at <paramref name="k"/>: an hour, a colon and minutes.</summary>
        private bool IsClockAt(int k) => IsNumber(k, 2) && Is(k + 1, ":") && IsNumber(k + 2, 2);

        /// <summary>"7pm", "11AM": digits and only a meridiem after them, so "10-team" or "5-program" is no clock.</summary>
        private bool IsHourGluedToMeridiem(int k) =>
            IsWord(k) && char.IsAsciiDigit(W(k)[0]) && W(k).TrimStart("0123456789") is var meridiem
            && (meridiem.Equals("am", StringComparison.OrdinalIgnoreCase) || meridiem.Equals("pm", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// "Tuesday the 11th", "Tuesday 11th", "Wednesday the thirty first": a day of the month written as an ordinal after
        /// the weekday, closing the phrase. A bare number is not taken ("on Sunday 31 people died" is a count), nor a day
        /// followed by a month, which the date rules read.
        /// </summary>
        private bool OrdinalDayAfterWeekday(int q, out int day, out int end)
        {
            day = 0;
            end = q;
            int k = Is(q, "the") ? q + 1 : q;
            if (!IsWord(k) || _tokens[k].Kind == TokenKind.Number) return false;
            bool suffixed = char.IsAsciiDigit(W(k)[0]);
            if (!suffixed && k == q) return false;
            if (DayAt(k, out day)) end = k + 1;
            else if (!suffixed && k == q + 1 && Is(k, "thirty") && IsWord(k + 1) && E(k + 1) is { Ordinal: 1 }) { day = 31; end = k + 2; }
            else if (!suffixed && k == q + 1 && Is(k, "twenty") && IsWord(k + 1) && E(k + 1) is { Ordinal: >= 1 and <= 9 } unit) { day = 20 + unit.Ordinal; end = k + 2; }
            else return false;
            // "Thursday the second round", "Monday the 3rd battalion": the ordinal belongs to the noun after it.
            if (Is(end, "of") || MonthAt(end) != 0 || !SpelledDayEndsAt(end)) { day = 0; end = q; return false; }
            return true;
        }

        /// <summary>
        /// "in the morning", "early evening", "late in the afternoon": a part of a day with no day named. Only after "in the"
        /// or an early/late modifier: "the morning papers" and "good evening" are not times, nor "the night shift" ("the X"
        /// must close the phrase), and "in the morning of May 5" is left to the date.
        /// </summary>
        private int PartOfUnnamedDay(int p, List<TimeMention> output)
        {
            if (!IsWord(p) || E(p) is not { PartOfDay: { } part, DayOffset: null } || Is(p, "overnight") || Is(p, "tonight")) return p;
            bool afterInThe = p - 2 >= _start && Is(p - 1, "the") && Is(p - 2, "in");
            bool modified = p - 1 >= _start && (Is(p - 1, "early") || Is(p - 1, "late") || Is(p - 1, "mid")) || afterInThe && p - 3 >= _start && (Is(p - 3, "early") || Is(p - 3, "late"));
            if (!afterInThe && !modified) return p;
            // "12 in the morning" is a clock time after a clock word and a count otherwise ("Police arrested 12 in the
            // morning"); either way the part of day is not an expression of its own.
            if (afterInThe && p - 3 >= _start && _tokens[p - 3].Kind == TokenKind.Number) return p;
            if (Is(p + 1, "of") || In(p + 1) && IsWord(p + 1) && E(p + 1) is null && !SpelledDayEndsAt(p + 1)) return p;
            output.Add(new TimeMention(MentionKind.TimeOfDay, p, p + 1) { PartOfDay = part, DayUnknown = true });
            return p + 1;
        }

        // "last month", "this week", "next Saturday", "last December", "the past two weeks", "recent weeks"
        private int RelativeAt(int p, List<TimeMention> output, bool determined)
        {
            if (!IsWord(p)) return p;
            if (determined && (E(p) is { Ordinal: 1 } || Is(p, "latest") || Is(p, "final")) && NumberBefore(p + 1, out double firstCount, out int firstAfter)
                && E(firstAfter) is { Unit: { } firstUnit, UnitPlural: true } && !Is(p + 1, "a"))
            {
                // "the first nine months", "the latest two quarters"
                output.Add(new TimeMention(MentionKind.Duration, p, firstAfter + 1) { Unit = firstUnit, Count = firstCount });
                return firstAfter + 1;
            }
            if (determined && Is(p, "past") && !(In(p + 1) && (E(p + 1)?.Unit is not null || _tokens[p + 1].Kind == TokenKind.Number || NumberBefore(p + 1, out _, out _) || Is(p + 1, "few") || Is(p + 1, "several"))))
            {
                output.Add(new TimeMention(MentionKind.Reference, p, p + 1) { Literal = "PAST_REF" });
                return p + 1;
            }
            if (Is(p, "recent") && E(p + 1) is { Unit: not null, UnitPlural: true })
            {
                // "in recent weeks" locates events in the past rather than measuring a stretch: PAST_REF (TimeML
                // annotators split between this and PXW; the project's timeline wants the reference).
                output.Add(new TimeMention(MentionKind.Reference, p, p + 2) { Literal = "PAST_REF" });
                return p + 2;
            }
            // "this past spring", "this past weekend": the latest one gone, a date, not a stretch.
            if (Is(p, "this") && Is(p + 1, "past"))
            {
                if (E(p + 2) is { Season: { } pastSeason })
                {
                    output.Add(new TimeMention(MentionKind.Season, p, p + 3) { Season = pastSeason, Relative = -1, HasRelative = true });
                    return p + 3;
                }
                if (Is(p + 2, "weekend"))
                {
                    output.Add(new TimeMention(MentionKind.RelativeUnit, p, p + 3) { Unit = "WE", Relative = -1, HasRelative = true });
                    return p + 3;
                }
            }
            var entry = E(p);
            if (entry?.Relative is not { } relative) return p;
            bool isPast = Is(p, "past") || Is(p, "last") && determined;
            bool isCurrent = Is(p, "current");
            int q = p + 1;
            // "the past two weeks", "the next three years", "the last five years": a duration.
            if (!isCurrent && NumberBefore(q, out double count, out int afterNumber) && E(afterNumber) is { Unit: { } countedUnit })
            {
                output.Add(new TimeMention(MentionKind.Duration, p, afterNumber + 1) { Unit = countedUnit, Count = count });
                return afterNumber + 1;
            }
            if ((Is(q, "few") || Is(q, "several") || Is(q, "many")) && E(q + 1) is { Unit: { } fewUnit, UnitPlural: true })
            {
                output.Add(new TimeMention(MentionKind.Duration, p, q + 2) { Unit = fewUnit, Count = double.NaN });
                return q + 2;
            }
            // "the current fiscal year", "next fiscal quarter": the company's year or quarter, named as the calendar one.
            if (Is(q, "fiscal") && E(q + 1) is { Unit: "Y" or "Q", UnitPlural: false }) q++;
            var next = E(q);
            if (next is null) return p;
            if (next.Unit is { } unit && !Is(q, "second") && !Is(q, "min") && !Is(q, "mins"))
            {
                if (next.UnitPlural)
                {
                    // "the past years", "the coming months": an unspecified stretch.
                    if (!determined && !Is(p, "past") && !Is(p, "coming")) return p;
                    output.Add(new TimeMention(MentionKind.Duration, p, q + 1) { Unit = unit, Count = double.NaN });
                    return q + 1;
                }
                if (isPast && Is(p, "past"))
                {
                    output.Add(new TimeMention(MentionKind.Duration, p, q + 1) { Unit = unit, Count = 1 });
                    return q + 1;
                }
                if (unit is "H" or "N" or "S" || OpensQuotedTitle(p, q + 1)) return p;
                output.Add(new TimeMention(MentionKind.RelativeUnit, p, q + 1) { Unit = unit, Relative = relative, HasRelative = true });
                return q + 1;
            }
            if (Is(p, "past") || isCurrent) return p;
            if (next.Month > 0 && DayAt(q + 1, out _) && MonthAt(q) > 0)
            {
                // "last Oct. 23": the date, looked for on the relative word's side of the reference.
                int before = output.Count;
                int dateEnd = MonthFirst(q, output);
                if (output.Count > before && output[before].Kind == MentionKind.Date)
                {
                    var dated = output[before];
                    dated.StartToken = p;
                    dated.Relative = relative;
                    dated.HasRelative = relative != 0;
                    output[before] = dated;
                    return dateEnd;
                }
                output.RemoveRange(before, output.Count - before);
            }
            if (next.Month > 0 && (Capitalized(q) || !_words.NamesCapitalized))
            {
                output.Add(new TimeMention(MentionKind.Month, p, q + 1) { Month = next.Month, Relative = relative, HasRelative = true });
                return q + 1;
            }
            if (next.Weekday > 0) return WeekdayAt(q, output, relative, true, p);
            if (next.StartsHoliday && HolidayAt(q, output, relative, true, p) is var holidayEnd && holidayEnd > q) return holidayEnd;
            if (next.Season is { } season)
            {
                output.Add(new TimeMention(MentionKind.Season, p, q + 1) { Season = season, Relative = relative, HasRelative = true });
                return q + 1;
            }
            if (next.PartOfDay is { } part && relative <= 0)
            {
                // "this morning" is today's; "last night" is yesterday's.
                output.Add(new TimeMention(MentionKind.TimeOfDay, p, q + 1) { PartOfDay = part, DayOffset = relative, HasDayOffset = true });
                return q + 1;
            }
            return p;
        }

        /// <summary>A count before a unit: digits, number words, "a"/"an", hyphen-free.</summary>
        private bool NumberBefore(int q, out double count, out int after)
        {
            count = 0;
            after = q;
            if (!In(q)) return false;
            // "a couple of years", "the next couple of weeks": two.
            int couple = Is(q, "a") ? q + 1 : q;
            if (Is(couple, "couple") && Is(couple + 1, "of"))
            {
                count = 2;
                after = couple + 2;
                return true;
            }
            // "almost a hundred years": the article stands for "one" before a scale word.
            if ((Is(q, "a") || Is(q, "an")) && E(q + 1) is { Scale: 100 or 1000 } scale)
            {
                count = scale.Scale;
                after = q + 2;
                return true;
            }
            if (Is(q, "a") || Is(q, "an"))
            {
                count = 1;
                after = q + 1;
                return true;
            }
            if (IsWord(q) && W(q).Contains('-')) return false;
            if (!NumberReader.TryRead(_text, _tokens, q, _end, _words, out var number) || number.Form == NumberForm.Vague || number.GluedSuffix.Length > 0) return false;
            // "the past two quarters": "quarters" is the unit counted here, not a fraction of the number ("three quarters of" stays one).
            if (number.EndToken - 1 > q && E(number.EndToken - 1) is { Unit: "Q" } && !Is(number.EndToken, "of")
                && !NumberReader.TryRead(_text, _tokens, q, number.EndToken - 1, _words, out number)) return false;
            if (number.Value <= 0 || number.Value > 100000) return false;
            count = number.Value;
            after = number.EndToken;
            return true;
        }

        // "today", "yesterday morning", "tonight"
        private int DeicticAt(int p, List<TimeMention> output)
        {
            // "mid-afternoon yesterday": the part of the day first, then the day.
            if (E(p) is { PartOfDay: { } first, DayOffset: null } && !Is(p, "overnight") && E(p + 1) is { DayOffset: { } dayAfter, PartOfDay: null })
            {
                output.Add(new TimeMention(MentionKind.TimeOfDay, p, p + 2) { DayOffset = dayAfter, HasDayOffset = true, PartOfDay = first });
                return p + 2;
            }
            if (E(p) is not { DayOffset: { } offset } entry) return p;
            string? part = entry.PartOfDay;
            int end = p + 1;
            if (part is null && E(end) is { PartOfDay: { } after } && !Is(end, "overnight")) { part = after; end++; }
            var kind = part is null ? MentionKind.Deictic : MentionKind.TimeOfDay;
            output.Add(new TimeMention(kind, p, end) { DayOffset = offset, HasDayOffset = true, PartOfDay = part });
            return end;
        }

        // "the first half of 1989", "the last half of 1990": TIMEX3's half-years ("1989-H1"), only with the year written.
        private int HalfOfYear(int p, List<TimeMention> output)
        {
            if (!(E(p) is { Ordinal: 1 or 2 } || Is(p, "last")) || !Is(p + 1, "half") || !Is(p + 2, "of")) return p;
            int at = p + 3;
            if (!IsNumber(at, 4) || W(at).Length != 4 || IntAt(at) is < 1000 or > 2999) return p;
            output.Add(new TimeMention(MentionKind.Season, p, at + 1) { Season = E(p) is { Ordinal: 1 } ? "H1" : "H2", Year = IntAt(at) });
            return at + 1;
        }

        // "the third quarter", "third-quarter", "the fourth quarter of 2024", "Q3"
        private int QuarterAt(int p, List<TimeMention> output)
        {
            int quarter = 0, end = p;
            int givenYear = 0;
            int first = p;
            // "the 1988 third quarter", "this year's third quarter", "next year's first quarter"
            if (IsNumber(p, 4) && W(p).Length == 4 && (E(p + 1) is { Ordinal: >= 1 and <= 4 } || IsWord(p + 1) && W(p + 1).EndsWith("-quarter", StringComparison.OrdinalIgnoreCase)))
            {
                givenYear = IntAt(p);
                p++;
            }
            // "2017 Q1", "2017-q1", "2019 H2": the year, then the quarter or half.
            else if (IsNumber(p, 4) && W(p).Length == 4 && IntAt(p) > 0 && (PartOfYear(p + 1, out _, out _) || Is(p + 1, "-") && PartOfYear(p + 2, out _, out _)))
            {
                int part = Is(p + 1, "-") ? p + 2 : p + 1;
                PartOfYear(part, out int number, out bool half);
                return AddPartOfYear(output, first, part + 1, IntAt(p), number, half);
            }
            // "H1 2019", "h2 of 2020": a half of the year only with its year.
            if (PartOfYear(p, out int halfNumber, out bool isHalf) && isHalf)
            {
                int q = Is(p + 1, "of") ? p + 2 : p + 1;
                if (!(IsNumber(q, 4) && W(q).Length == 4 && IntAt(q) > 0)) return first;
                return AddPartOfYear(output, first, q + 1, IntAt(q), halfNumber, half: true);
            }
            if (IsWord(p) && W(p).EndsWith("-quarter", StringComparison.OrdinalIgnoreCase))
            {
                var e = _words.Find(W(p)[..^8]);
                if (e is { Ordinal: >= 1 and <= 4 }) { quarter = e.Ordinal; end = p + 1; }
            }
            else if (E(p) is { Ordinal: >= 1 and <= 4 } ordinal && (Is(p + 1, "quarter") || Is(p + 1, "quarters")))
            {
                quarter = ordinal.Ordinal;
                end = p + 2;
            }
            else if (IsWord(p) && W(p).Length == 2 && (W(p)[0] is 'Q' or 'q') && W(p)[1] is >= '1' and <= '4')
            {
                quarter = W(p)[1] - '0';
                end = p + 1;
            }
            if (quarter == 0) return first;
            int year = givenYear;
            if (Is(end, "of") && YearAfter(end + 1, out int y, out int yEnd)) { year = y; end = yEnd; }
            else if (YearAfter(end, out int y2, out int y2End) && !Is(end, ",")) { year = y2; end = y2End; }
            var mention = new TimeMention(MentionKind.Quarter, first, end) { Quarter = quarter, Year = year };
            output.Add(mention);
            return end;
        }

        // "the first week of 2021", "the last week of next year", "week 31", "week 3 of 2027": an ISO week.
        private int WeekOfYear(int p, List<TimeMention> output)
        {
            int week;
            int q;
            if (Is(p, "week") && IsNumber(p + 1, 2) && IntAt(p + 1) is >= 1 and <= 53)
            {
                week = IntAt(p + 1);
                q = p + 2;
                // "week 31" needs its year: "lost in week 5" is a season's week, "week 2 of the strike" counts weeks of something else.
                if (!Is(q, "of")) return p;
            }
            else if ((Is(p, "last") || E(p) is { Ordinal: >= 1 and <= 53 } && W(p).IndexOf('-') < 0 || DayAt(p, out _) && !IsNumber(p, 2)) && Is(p + 1, "week") && Is(p + 2, "of"))
            {
                week = Is(p, "last") ? -1 : E(p) is { Ordinal: > 0 } ordinal ? ordinal.Ordinal : DayNumber(p);
                q = p + 2;
            }
            else return p;
            if (!Is(q, "of"))
            {
                output.Add(new TimeMention(MentionKind.WeekOfYear, p, q) { Day = week });
                return q;
            }
            int r = Is(q + 1, "the") && Is(q + 2, "year") ? q + 3 : q + 1;
            if (IsNumber(r, 4) && W(r).Length == 4 && IntAt(r) > 0)
            {
                output.Add(new TimeMention(MentionKind.WeekOfYear, p, r + 1) { Day = week, Year = IntAt(r) });
                return r + 1;
            }
            if (week is >= -1 and <= 5 && week != 0 && WeekOfMonth(p, q + 1, week, output) is var monthEnd && monthEnd > p) return monthEnd;
            if (E(r)?.Relative is { } shift && !Is(r, "past") && !Is(r, "coming") && Is(r + 1, "year"))
            {
                output.Add(new TimeMention(MentionKind.WeekOfYear, p, r + 2) { Day = week, YearOffset = shift });
                return r + 2;
            }
            return p;
        }

        /// <summary>
        /// "the last week of July", "the first week of Jan 2015", "the second week of next month": a Monday-to-Sunday week
        /// whose Thursday falls in the month, counted from the first or the last (TIMEX3 has no week-of-month value, so
        /// the resolver writes that ISO week).
        /// </summary>
        private int WeekOfMonth(int p, int r, int week, List<TimeMention> output)
        {
            // After "week of" a month name is the month, also short and in lower case ("3rd week of jan").
            if (IsWord(r) && E(r) is { Month: > 0 and var month } && W(r).IndexOf('-') < 0)
            {
                int end = r + 1;
                int year = 0;
                if (YearAfter(end, out int y, out int yEnd) && !Is(end, ",")) { year = y; end = yEnd; }
                output.Add(new TimeMention(MentionKind.WeekOfYear, p, end) { Day = week, Month = month, Year = year, Unit = "M" });
                return end;
            }
            if (MonthOffsetAt(r) is { } shift)
            {
                output.Add(new TimeMention(MentionKind.WeekOfYear, p, r + 2) { Day = week, Unit = "M", Relative = shift, HasRelative = true });
                return r + 2;
            }
            return p;
        }

        /// <summary>
        /// "the first Monday of March", "the third Sunday of May 2019", "the last Friday of the month", "the second Tuesday
        /// of next month": a weekday counted within a month, read with the holiday rule "month:nth:weekday" (month 0 for a
        /// month named by its offset, which the resolver takes from the reference).
        /// </summary>
        private int NthWeekdayOfMonth(int p, List<TimeMention> output)
        {
            int nth = Is(p, "last") ? -1 : E(p) is { Ordinal: >= 1 and <= 5 } ordinal && W(p).IndexOf('-') < 0 ? ordinal.Ordinal
                : DayAt(p, out int digits) && !IsNumber(p, 2) && digits <= 5 ? digits : 0;
            if (nth == 0 || WeekdayOf(p + 1) is not (> 0 and var weekday) || !Is(p + 2, "of")) return p;
            int r = p + 3;
            if (IsWord(r) && E(r) is { Month: > 0 and var month } && W(r).IndexOf('-') < 0)
            {
                int end = r + 1;
                int year = 0;
                if (YearAfter(end, out int y, out int yEnd) && !Is(end, ",")) { year = y; end = yEnd; }
                output.Add(new TimeMention(MentionKind.Holiday, p, end) { Literal = $"{month}:{nth}:{weekday}", Year = year });
                return end;
            }
            if (MonthOffsetAt(r) is { } shift)
            {
                output.Add(new TimeMention(MentionKind.Holiday, p, r + 2) { Literal = $"0:{nth}:{weekday}", Relative = shift, HasRelative = true });
                return r + 2;
            }
            return p;
        }

        /// <summary>"this month" 0, "next month" 1, "last month" -1, "the month" 0 (of the reference); null for anything else.</summary>
        private int? MonthOffsetAt(int r)
        {
            // "the tenth day of the month of Muharram": the month is named after, in a calendar the reference may not share.
            if (!Is(r + 1, "month") || Is(r + 2, "of")) return null;
            if (Is(r, "the") || Is(r, "this")) return 0;
            if (Is(r, "next")) return 1;
            if (Is(r, "last") || Is(r, "previous")) return -1;
            return null;
        }

        /// <summary>
        /// "the 15th day of next month", "the thirty-first day of the month": a day of a month named by its offset; "the
        /// third month of 2021", "the 9th month of next year": a month of a named year. Only with a determiner before
        /// ("the"), so "a 15th day of protest" stays a count.
        /// </summary>
        private int OrdinalDayOrMonthOfUnit(int p, List<TimeMention> output)
        {
            int ordinal, q;
            if (E(p) is { Ordinal: >= 1 and <= 31 } spelled && W(p).IndexOf('-') < 0) { ordinal = spelled.Ordinal; q = p + 1; }
            else if (DayAt(p, out int digits) && !IsNumber(p, 2)) { ordinal = digits; q = p + 1; }
            else if (CompoundSpelledDay(p, out int compound, out int compoundEnd, out bool cardinalUnit) && !cardinalUnit) { ordinal = compound; q = compoundEnd; }
            else return p;
            if (Is(q, "day") && Is(q + 1, "of") && MonthOffsetAt(q + 2) is { } monthShift)
            {
                output.Add(new TimeMention(MentionKind.Date, p, q + 4) { Day = ordinal, Relative = monthShift, HasRelative = true });
                return q + 4;
            }
            if (Is(q, "day") && Is(q + 1, "of") && ordinal >= 20 && MonthAt(q + 2) is > 0 and var month)
            {
                // "the twenty third day of September": a compound ordinal, which DayMonth leaves whole to this rule.
                int end = q + 3;
                int year = 0;
                if (YearAfter(end, out int y, out int yEnd)) { year = y; end = yEnd; }
                return AddDate(output, p, end, year, month, ordinal);
            }
            if (ordinal <= 12 && Is(q, "month") && Is(q + 1, "of"))
            {
                int r = q + 2;
                if (IsNumber(r, 4) && W(r).Length == 4 && IntAt(r) > 0) return AddMonth(output, p, r + 1, IntAt(r), ordinal);
                if (E(r)?.Relative is { } yearShift && !Is(r, "past") && !Is(r, "coming") && Is(r + 1, "year"))
                {
                    output.Add(new TimeMention(MentionKind.Month, p, r + 2) { Month = ordinal, YearOffset = yearShift });
                    return r + 2;
                }
            }
            return p;
        }

        // "on the 18th", "since the 4th,": a day of a month the text leaves to the reader.
        private int DayOfMonthAlone(int p, List<TimeMention> output)
        {
            if (!DayAt(p, out int day) || IsNumber(p, 2) || !char.IsAsciiDigit(W(p)[0])) return p;
            if (!(p - 2 >= _start && Is(p - 1, "the") && (Is(p - 2, "on") || Is(p - 2, "since") || Is(p - 2, "until") || Is(p - 2, "by")
                || Is(p - 2, "of") && p - 3 >= _start && Is(p - 3, "week")))) return p;
            // "on the 18th floor", "by the 4th battalion": a word after it is what is numbered.
            if (In(p + 1) && _tokens[p + 1].Kind is TokenKind.Word or TokenKind.Number && E(p + 1) is not { Stop: true }) return p;
            output.Add(new TimeMention(MentionKind.Date, p, p + 1) { Day = day });
            return p + 1;
        }

        /// <summary>The number of a digit ordinal ("3rd" is 3).</summary>
        private int DayNumber(int k)
        {
            int value = 0;
            foreach (char c in W(k)) if (char.IsAsciiDigit(c)) value = value * 10 + (c - '0');
            return value;
        }

        /// <summary>"Q3", "q1" (a quarter) or "H2", "h1" (a half of the year) at token k.</summary>
        private bool PartOfYear(int k, out int number, out bool half)
        {
            number = 0;
            half = false;
            if (!IsWord(k) || W(k).Length != 2) return false;
            var w = W(k);
            if (w[0] is 'Q' or 'q' && w[1] is >= '1' and <= '4') number = w[1] - '0';
            else if (w[0] is 'H' or 'h' && w[1] is '1' or '2') { number = w[1] - '0'; half = true; }
            return number > 0;
        }

        /// <summary>A quarter ("2017-Q1") or a half year, which TIMEX3 writes like a season ("2019-H2").</summary>
        private static int AddPartOfYear(List<TimeMention> output, int start, int end, int year, int number, bool half)
        {
            output.Add(half
                ? new TimeMention(MentionKind.Season, start, end) { Season = "H" + number, Year = year }
                : new TimeMention(MentionKind.Quarter, start, end) { Quarter = number, Year = year });
            return end;
        }

        // "summer", "fall 2024", "the summer of 2023"
        private int SeasonAt(int p, List<TimeMention> output, bool determined)
        {
            if (E(p) is not { Season: { } season }) return p;
            int year = 0, end = p + 1;
            if (YearAfter(end, out int y, out int yEnd) && !Is(end, ",")) { year = y; end = yEnd; }
            else if (Is(end, "of") && YearAfter(end + 1, out int y2, out int y2End)) { year = y2; end = y2End; }
            // "fall" and "spring" are also verbs and nouns: only with a year, a determiner or "in".
            bool cue = determined || year != 0 || !_words.NamesCapitalized || (p > _start && (Is(p - 1, "in") || Is(p - 1, "this") || Is(p - 1, "last") || Is(p - 1, "next") || Is(p - 1, "during") || Is(p - 1, "by") || Is(p - 1, "until")));
            if (!cue) return p;
            output.Add(new TimeMention(MentionKind.Season, p, end) { Season = season, Year = year });
            return end;
        }

        // "three days", "two-year", "16-hour", "a week", "three days ago", "several months"
        private int DurationAt(int p, List<TimeMention> output)
        {
            double count;
            int unitToken;
            string? unit;
            if (IsWord(p) && W(p).Contains('-') && !char.IsAsciiDigit(W(p)[0]))
            {
                // "two-year", "five-hour", "day-long"
                var w = W(p);
                int dash = w.LastIndexOf('-');
                var unitEntry = _words.Find(w[(dash + 1)..]);
                if (w[(dash + 1)..].Equals("long", StringComparison.OrdinalIgnoreCase) && _words.Find(w[..dash]) is { Unit: { } longUnit, UnitPlural: false })
                {
                    output.Add(new TimeMention(MentionKind.Duration, p, p + 1) { Unit = longUnit, Count = 1 });
                    return p + 1;
                }
                if (unitEntry?.Unit is null || unitEntry.UnitPlural) return p;
                double t = 0, c = 0;
                if (!TryWordsValue(w[..dash], ref t, ref c)) return p;
                output.Add(new TimeMention(MentionKind.Duration, p, p + 1) { Unit = unitEntry.Unit, Count = t + c });
                return p + 1;
            }
            // "the 5 upcoming years", "the 10 previous weeks": the count before its direction word, which TimeML
            // writes as the duration, as it does "the next five years"; only after "the", so "5 past presidents" is no time.
            if (IsNumber(p, 3) && p > _start && Is(p - 1, "the") && IntAt(p) > 0
                && (Is(p + 1, "upcoming") || Is(p + 1, "coming") || Is(p + 1, "next") || Is(p + 1, "following") || Is(p + 1, "past") || Is(p + 1, "previous") || Is(p + 1, "last"))
                && E(p + 2) is { Unit: { } directedUnit, UnitPlural: true })
            {
                output.Add(new TimeMention(MentionKind.Duration, p, p + 3) { Unit = directedUnit, Count = IntAt(p) });
                return p + 3;
            }
            if (IsNumber(p, 6) && Is(p + 1, "-") && E(p + 2) is { Unit: { } hyphenUnit, UnitPlural: false })
            {
                output.Add(new TimeMention(MentionKind.Duration, p, p + 3) { Unit = hyphenUnit, Count = IntAt(p) });
                return p + 3;
            }
            if ((Is(p, "several") || Is(p, "few") || Is(p, "many")) && E(p + 1) is { Unit: { } vagueUnit, UnitPlural: true })
            {
                count = double.NaN;
                unit = vagueUnit;
                unitToken = p + 1;
            }
            else if (Is(p, "a") && Is(p + 1, "few") && E(p + 2) is { Unit: { } fewUnit, UnitPlural: true })
            {
                count = double.NaN;
                unit = fewUnit;
                unitToken = p + 2;
            }
            else if (E(p) is { Unit: { } aheadUnit, UnitPlural: true } && aheadUnit is "Y" or "M" or "W" or "D" && p > _start && Is(p - 1, "the") && Is(p + 1, "ahead"))
            {
                // "in the weeks ahead": a stretch of unspecified length from now.
                output.Add(new TimeMention(MentionKind.Duration, p, p + 2) { Unit = aheadUnit, Count = double.NaN });
                return p + 2;
            }
            else if (E(p) is { Unit: { } bareUnit, UnitPlural: true } && bareUnit is "Y" or "M" or "W" or "D" or "E"
                && p > _start && (Is(p - 1, "for") || Is(p - 1, "within") || Is(p - 1, "in")) && !(In(p + 1) && (Is(p + 1, "of") || Is(p + 1, "ago") || Is(p + 1, "'s"))))
            {
                // "for years", "within weeks": a stretch of unspecified length.
                output.Add(new TimeMention(MentionKind.Duration, p, p + 1) { Unit = bareUnit, Count = double.NaN });
                return p + 1;
            }
            else if (Is(p, "half") && (Is(p + 1, "a") || Is(p + 1, "an")) && E(p + 2) is { Unit: { } halfUnit, UnitPlural: false })
            {
                count = 0.5;
                unit = halfUnit;
                unitToken = p + 2;
            }
            // "two more weeks", "an additional year": the added stretch is a duration of its own.
            else if (NumberBefore(p, out count, out int after)
                && (Is(after, "more") || Is(after, "additional") || Is(after, "extra") || Is(after, "further") ? ++after : after) > 0
                && E(after) is { Unit: { } numberUnit } ue)
            {
                // "a second" is an ordinal far more often than a duration; "one second" stays.
                if ((Is(p, "a") || Is(p, "an")) && after == p + 1 && (ue.UnitPlural || Is(after, "second") || Is(after, "quarter"))) return p;
                if (IsNumber(p, 4) && W(p).Length == 4 && !ue.UnitPlural) return p;
                // "$5 a year", "twice a week" are rates; "52 years old" is an age.
                if ((Is(p, "a") || Is(p, "an")) && p > _start && !Is(after + 1, "ago") && !Is(after + 1, "earlier") && !Is(after + 1, "later") && (_tokens[p - 1].Kind == TokenKind.Number || Is(p - 1, "once") || Is(p - 1, "twice") || Is(p - 1, "times") || E(p - 1) is { IsNumber: true } || E(p - 1) is { Scale: > 0 }
                    || CountedNounBefore(p) && !Is(after + 1, "before") && !Is(after + 1, "after"))) return p;
                if (Is(after + 1, "old")) return p;
                unit = numberUnit;
                unitToken = after;
            }
            else return p;
            int end = unitToken + 1;
            // "an hour and a half", "two years and a half"
            if (!double.IsNaN(count) && Is(end, "and") && (Is(end + 1, "a") || Is(end + 1, "an")) && Is(end + 2, "half"))
            {
                count += 0.5;
                end += 3;
            }
            else if (!double.IsNaN(count) && Is(end, "and") && FractionAfterUnit(end + 1, out double fraction, out int fractionEnd))
            {
                count += fraction;
                end = fractionEnd;
            }
            if (E(end) is { Ago: true } || Is(end, "earlier") || Is(end, "before"))
            {
                if (Is(end, "before") && !(In(end + 1) && _tokens[end + 1].Kind == TokenKind.Punctuation) && In(end + 1)) { }
                else
                {
                    output.Add(new TimeMention(MentionKind.Ago, p, end + 1) { Unit = unit, Count = count, Relative = -1, HasRelative = true });
                    return end + 1;
                }
            }
            if (Is(end, "later"))
            {
                // "Three days later, the index closed higher": the count runs from an event the story told, not from the
                // publication, so it is no dated point; TimeML writes the stretch ("P3D") and leaves "later" out.
                output.Add(new TimeMention(MentionKind.Duration, p, end) { Unit = unit, Count = count });
                return end + 1;
            }
            if (Is(end, "from") && Is(end + 1, "now"))
            {
                output.Add(new TimeMention(MentionKind.Ago, p, end + 2) { Unit = unit, Count = count, Relative = 1, HasRelative = true });
                return end + 2;
            }
            // "Islam will one day be ...", "it could one day replace ...": "one day" between a modal and its verb is some future day.
            if (count == 1 && unit == "D" && Is(p, "one") && p > _start && IsModal(p - 1) && IsWord(end) && char.IsLower(W(end)[0])
                && (E(end) is null or { Stop: false } || Is(end, "be") || Is(end, "have")))
            {
                output.Add(new TimeMention(MentionKind.Reference, p, end) { Literal = "FUTURE_REF" });
                return end;
            }
            if (OpensQuotedTitle(p, end)) return p;
            output.Add(new TimeMention(MentionKind.Duration, p, end) { Unit = unit, Count = count });
            return end;
        }

        /// <summary>
        /// "one year and a quarter", "an hour and half is enough": a fraction closing a duration after "and". "a quarter"
        /// must not go on to "of" ("a year and a quarter of the budget"); a bare "half" must close the phrase or meet a
        /// verb ("two hours and half the staff" counts people).
        /// </summary>
        private bool FractionAfterUnit(int k, out double fraction, out int end)
        {
            fraction = 0;
            end = k;
            if ((Is(k, "a") || Is(k, "an")) && Is(k + 1, "quarter") && !Is(k + 2, "of"))
            {
                fraction = 0.25;
                end = k + 2;
                return true;
            }
            if (Is(k, "half") && (!In(k + 1) || _tokens[k + 1].Kind == TokenKind.Punctuation || Is(k + 1, "is") || Is(k + 1, "was") || Is(k + 1, "will") || Is(k + 1, "would") || Is(k + 1, "should")))
            {
                fraction = 0.5;
                end = k + 1;
                return true;
            }
            return false;
        }

        /// <summary>"four flights a week", "700 seats a week", "24 hours a day": a counted plural right before "a" makes the unit a rate.</summary>
        private bool CountedNounBefore(int p)
        {
            int noun = p - 1;
            if (noun - 1 < _start || !IsWord(noun)) return false;
            var w = W(noun);
            if (w.Length < 4 || !char.IsLower(w[0]) || w[^1] != 's' || w[^2] == 's') return false;
            int count = noun - 1;
            return _tokens[count].Kind == TokenKind.Number || E(count) is { IsNumber: true } || E(count) is { Scale: > 0 };
        }

        private bool IsModal(int k) => Is(k, "will") || Is(k, "would") || Is(k, "could") || Is(k, "may") || Is(k, "might") || Is(k, "can")
            || Is(k, "should") || Is(k, "shall") || Is(k, "must") || Is(k, "'ll");

        /// <summary>
        /// On ABC's "This Week," / CBS's ''60 Minutes'': a phrase that opens a quotation of two to eight words, all capitalised,
        /// is the name of a show or a work, not a time.
        /// </summary>
        private bool OpensQuotedTitle(int p, int end)
        {
            if (p - 1 < _start || !IsQuoteMark(p - 1)) return false;
            int words = 0;
            for (int k = p; In(k) && k < p + 9; k++)
            {
                if (IsQuoteMark(k)) return words >= 2 && k >= end;
                if (_tokens[k].Kind == TokenKind.Punctuation && W(k) is "," or "." or "!" or "?") continue;
                if (_tokens[k].Kind is not (TokenKind.Word or TokenKind.Number) || !(char.IsUpper(W(k)[0]) || char.IsAsciiDigit(W(k)[0]))) return false;
                words++;
            }
            return false;
        }

        private bool IsQuoteMark(int k) => In(k) && W(k) is "\"" or "\u201C" or "\u201D" or "'" or "\u2018" or "\u2019" or "`" or "``" or "''";

        private bool TryWordsValue(ReadOnlySpan<char> word, ref double total, ref double current)
        {
            if (word.IsEmpty) return false;
            bool digits = true;
            foreach (char ch in word) digits &= char.IsAsciiDigit(ch);
            if (digits) return word.Length <= 6 && (current = int.Parse(word)) > 0;
            while (!word.IsEmpty)
            {
                int dash = word.IndexOf('-');
                var part = dash < 0 ? word : word[..dash];
                word = dash < 0 ? [] : word[(dash + 1)..];
                var e = _words.Find(part);
                if (e is null) return false;
                if (e.IsNumber && part.Length > 1) current += e.Number;
                else if (e.Scale >= 100 && part.Length > 3) { current = (current == 0 ? 1 : current) * e.Scale; }
                else return false;
            }
            return current + total > 0;
        }

        // "1998", "in 2024": a four-digit number in a plausible year range, not a count or an amount.
        private int YearAt(int p, List<TimeMention> output)
        {
            if (!IsNumber(p, 4) || W(p).Length != 4) return p;
            int year = IntAt(p);
            bool cue = p > _start && (Is(p - 1, "in") || Is(p - 1, "since") || Is(p - 1, "of") || Is(p - 1, "from") || Is(p - 1, "until")
                || Is(p - 1, "by") || Is(p - 1, "fiscal") || Is(p - 1, "year") || Is(p - 1, "during") || Is(p - 1, "early") || Is(p - 1, "late") || Is(p - 1, "before") || Is(p - 1, "after")
                || Is(p - 1, "-") && IsNumber(p - 2, 4) && W(p - 2).Length == 4); // "the 2010-2012 campaigns": the second year of a span
            if (!(year is >= 1900 and <= 2100 || cue && year is >= 1000 and <= 2999)) return p;
            if (p > _start && (_tokens[p - 1].Kind == TokenKind.Symbol || Is(p - 1, "$") || Is(p - 1, "No.") || Is(p - 1, "number"))) return p;
            if (DigitGroupsAround(p) >= 3 && !IncreasingYearChain(p)) return p; // "138-2010-2015", "133-03-03-2020": a phone number or a code
            if (In(p + 1))
            {
                var next = W(p + 1);
                if (next is "%" || _tokens[p + 1].Kind == TokenKind.Number) return p;
                if (E(p + 1) is { } e && (e.Scale > 0 || e.Unit is not null && e.UnitPlural)) return p;
                // "2000 troops", "1500 people": a lower-case plural right after is what is counted.
                if (IsWord(p + 1) && char.IsLower(next[0]) && next.Length > 3 && next[^1] == 's' && !next.Equals("was", StringComparison.Ordinal) && !cue) return p;
            }
            output.Add(new TimeMention(MentionKind.Year, p, p + 1) { Year = year });
            return p + 1;
        }

        /// <summary>"once a day trader", "once a week away from death": a word after the unit that is not a function word makes it something else.</summary>
        private bool IsFrequencyFollower(int k)
        {
            foreach (var word in FrequencyFollowers) if (W(k).Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static readonly string[] FrequencyFollowers =
            ["and", "or", "but", "at", "in", "on", "for", "to", "from", "since", "until", "with", "during", "over", "throughout", "now", "then"];

        /// <summary>How many digit groups the number at p is part of, joined by hyphens with no space ("138-2010-2015" is 3).</summary>
        private int DigitGroupsAround(int p)
        {
            var tokens = _tokens;
            int start = _start, end = _end;
            bool Glued(int a, int b) => tokens[a].Span.End == tokens[b].Span.Start;
            bool Group(int k) => k >= start && k < end && tokens[k].Kind == TokenKind.Number;
            int groups = 1;
            for (int k = p; k - 2 >= _start && Is(k - 1, "-") && Group(k - 2) && Glued(k - 2, k - 1) && Glued(k - 1, k) && groups < 8; k -= 2) groups++;
            for (int k = p; Is(k + 1, "-") && Group(k + 2) && Glued(k, k + 1) && Glued(k + 1, k + 2) && groups < 8; k += 2) groups++;
            return groups;
        }

        /// <summary>"the 2010-2012-2014 campaigns": every group a year, each later than the one before.</summary>
        private bool IncreasingYearChain(int p)
        {
            int k = p;
            while (k - 2 >= _start && Is(k - 1, "-") && _tokens[k - 2].Kind == TokenKind.Number) k -= 2;
            int previous = 0;
            for (int guard = 0; guard < 8; guard++, k += 2)
            {
                if (!IsNumber(k, 4) || W(k).Length != 4 || IntAt(k) is < 1900 or > 2100 || IntAt(k) <= previous) return false;
                previous = IntAt(k);
                if (!(Is(k + 1, "-") && In(k + 2) && _tokens[k + 2].Kind == TokenKind.Number)) return true;
            }
            return false;
        }

        // "1990s", "the 1990s"
        private int DecadeAt(int p, List<TimeMention> output)
        {
            // "the '80s", "the mid-'90s": the decade's century is the resolver's, from the reference.
            if (IsShortDecade(p + 1, p))
            {
                var digits = W(p + 1);
                output.Add(new TimeMention(MentionKind.Decade, p, p + 2) { Year = (digits[0] - '0') * 10 });
                return p + 2;
            }
            if (!IsWord(p)) return p;
            var w = W(p);
            if (w.Length == 5 && w[4] == 's' && w[3] == '0' && int.TryParse(w[..4], out int decade))
            {
                output.Add(new TimeMention(MentionKind.Decade, p, p + 1) { Year = decade });
                return p + 1;
            }
            return p;
        }

        /// <summary>"'80s": an apostrophe glued to a two-digit decade ("80s" alone is too often temperatures or ages).</summary>
        private bool IsShortDecade(int k, int apostrophe)
        {
            if (!IsWord(k) || !In(apostrophe) || W(apostrophe) is not ("'" or "\u2019") || _tokens[apostrophe].Span.End != _tokens[k].Span.Start) return false;
            var w = W(k);
            return w.Length == 3 && char.IsAsciiDigit(w[0]) && w[1] == '0' && w[2] is 's' or 'S';
        }

        // "now", "currently", "recently", "the future", "the past"
        private int ReferenceAt(int p, List<TimeMention> output, bool determined)
        {
            if (!IsWord(p)) return p;
            // "these days": nowadays ("these days of protest" are days of something).
            if (Is(p, "these") && Is(p + 1, "days") && !Is(p + 2, "of"))
            {
                output.Add(new TimeMention(MentionKind.Reference, p, p + 2) { Literal = "PRESENT_REF" });
                return p + 2;
            }
            var e = E(p);
            if (e?.Reference is not { } literal) return p;
            if (Is(p, "future") && !determined) return p;
            if (Is(p, "soon") && (Is(p + 1, "after") || Is(p + 1, "as") || p > _start && Is(p - 1, "as"))) return p;
            if (Is(p, "earlier")) return p; // too often a comparative; only "earlier this year" is taken
            // "the then current price": the present of a past moment.
            if (Is(p, "current") && p - 2 >= _start && Is(p - 1, "then") && Is(p - 2, "the") && E(p + 1)?.Unit is null)
            {
                output.Add(new TimeMention(MentionKind.Reference, p, p + 1) { Literal = "PAST_REF" });
                return p + 1;
            }
            if (Is(p, "current") && (E(p + 1)?.Unit is not null || determined)) return p;
            // "from now" (part of a duration phrase) and "now that" (a conjunction) are not references to the present.
            if (Is(p, "now") && (p > _start && Is(p - 1, "from") || Is(p + 1, "that"))) return p;
            if (p == _start && Is(p + 1, ",") && Is(p, "now")) return p; // "Now, ..." opens an argument, not a time
            output.Add(new TimeMention(MentionKind.Reference, p, p + 1) { Literal = literal });
            return p + 1;
        }

        // "daily", "every week", "each Thursday", "every July", "once a week", "every other day", "every morning", "Tuesdays at 9am"
        private int SetAt(int p, List<TimeMention> output)
        {
            if (E(p) is { Set: { } set })
            {
                int setEnd = p + 1;
                // "Fridays at 9am", "daily at noon": the set's clock time is part of it.
                var literal = set.StartsWith('X') ? set + ClockAfter(ref setEnd) : set == "P1D" && ClockAfter(ref setEnd) is { Length: > 0 } daily ? "XXXX-XX-XX" + daily : set;
                output.Add(new TimeMention(MentionKind.Set, p, setEnd) { Literal = literal });
                return setEnd;
            }
            // "once a week", "twice a year": the frequency's period (TIMEX3 keeps the count apart, as freq).
            if ((Is(p, "once") || Is(p, "twice")) && (Is(p + 1, "a") || Is(p + 1, "an") || Is(p + 1, "per") || Is(p + 1, "every")) && E(p + 2) is { Unit: { } period, UnitPlural: false }
                && !(p > _start && (Is(p - 1, "was") || Is(p - 1, "is") || Is(p - 1, "were"))) && (!IsWord(p + 3) || IsFrequencyFollower(p + 3)))
            {
                output.Add(new TimeMention(MentionKind.Set, p, p + 3) { Literal = TimeResolver.DurationValue(1, period) });
                return p + 3;
            }
            if (!(Is(p, "every") || Is(p, "each") || Is(p, "per"))) return p;
            // "every other day", "every other Friday": every second one.
            int q = Is(p + 1, "other") && Is(p, "every") ? p + 2 : p + 1;
            int every = q == p + 2 ? 2 : 1;
            var next = E(q);
            if (next is null) return p;
            if (next.Unit is { } unit && !next.UnitPlural)
            {
                int unitEnd = q + 1;
                string clock = unit == "D" && every == 1 ? ClockAfter(ref unitEnd) : "";
                output.Add(new TimeMention(MentionKind.Set, p, unitEnd) { Literal = clock.Length > 0 ? "XXXX-XX-XX" + clock : TimeResolver.DurationValue(every, unit) });
                return unitEnd;
            }
            if (next.PartOfDay is { } part && next.DayOffset is null && !Is(q, "overnight"))
            {
                // "every evening at 7 p.m." is a daily clock time; "every morning" a daily part of the day.
                int partEnd = q + 1;
                string clock = ClockAfter(ref partEnd);
                output.Add(new TimeMention(MentionKind.Set, p, partEnd) { Literal = "XXXX-XX-XX" + (clock.Length > 0 ? clock : "T" + part) });
                return partEnd;
            }
            if (WeekdayOf(q) is > 0 and var weekday)
            {
                // "every Monday at 4pm": the set's clock time is part of it.
                int setEnd = q + 1;
                var literal = "XXXX-WXX-" + weekday + ClockAfter(ref setEnd);
                output.Add(new TimeMention(MentionKind.Set, p, setEnd) { Literal = literal });
                return setEnd;
            }
            if (next.Month > 0 && Capitalized(p + 1))
            {
                output.Add(new TimeMention(MentionKind.Set, p, p + 2) { Literal = "XXXX-" + next.Month.ToString("D2") });
                return p + 2;
            }
            return p;
        }

        /// <summary>The clock of "at 4pm" (or "4pm" directly) after a set, as "T16:00", moving <paramref name="end"/> past it; "" when none.</summary>
        private string ClockAfter(ref int end)
        {
            int at = Is(end, "at") ? end + 1 : end;
            var clock = new List<TimeMention>(1);
            if (TimeOfDay(at, clock) > at && clock.Count == 1 && clock[0] is { HasClock: true, Month: 0, Weekday: 0, HasDayOffset: false } found)
            {
                end = found.EndToken;
                return found.Hour == 24 ? "T24:00" : $"T{found.Hour:D2}:{found.Minute:D2}";
            }
            return "";
        }

        // "the end of the month", "the end of the week": the current unit, kept only under a modifier or determiner.
        private int UnitAlone(int p, List<TimeMention> output)
        {
            if (E(p) is not { Unit: { } unit, UnitPlural: false } || unit is "H" or "N" or "S") return p;
            // "end of year", "by start of week": a modifier's unit without "the", unless a noun follows ("end of year exams").
            bool bareAfterModifier = p > _start + 1 && Is(p - 1, "of") && E(p - 2) is { Mod: not null } && !Is(p - 2, "early") && !Is(p - 2, "late")
                && (!In(p + 1) || _tokens[p + 1].Kind == TokenKind.Punctuation || E(p + 1) is { Stop: true });
            if (!(p > _start + 1 && Is(p - 1, "the") && Is(p - 2, "of")) && !bareAfterModifier) return p;
            output.Add(new TimeMention(MentionKind.RelativeUnit, p, p + 1) { Unit = unit, Relative = 0, HasRelative = true });
            return p + 1;
        }

        // "year-earlier" (as in "year-earlier profit"), "nineteen ninety-six", "the 20th century"
        private int SpelledYearOrCentury(int p, List<TimeMention> output)
        {
            if ((Is(p, "year-earlier") || Is(p, "year-ago")) && !(Is(p + 1, "quarter") || Is(p + 1, "period")))
            {
                output.Add(new TimeMention(MentionKind.Ago, p, p + 1) { Unit = "Y", Count = 1, Relative = -1, HasRelative = true });
                return p + 1;
            }
            // "twenty ten dollar bills" counts: "twenty NN" is a year only after a cue of time or closing its phrase.
            if ((Is(p, "nineteen") || Is(p, "eighteen") || Is(p, "twenty")) && SpelledYear(p, out int spelled, out int spelledEnd)
                && (!Is(p, "twenty") || p > _start && (Is(p - 1, "in") || Is(p - 1, "since") || Is(p - 1, "by") || Is(p - 1, "until") || Is(p - 1, "of") || Is(p - 1, "year"))
                    || !In(spelledEnd) || _tokens[spelledEnd].Kind != TokenKind.Word || E(spelledEnd) is { Stop: true }))
            {
                output.Add(new TimeMention(MentionKind.Year, p, spelledEnd) { Year = spelled });
                return spelledEnd;
            }
            // "in two thousand nine", "since two thousand and four": after a preposition of time and closing the phrase
            // ("in two thousand nine cases" counts).
            if (p > _start && (Is(p - 1, "in") || Is(p - 1, "since") || Is(p - 1, "until")) && Is(p, "two")
                && SpelledYear(p, out int afterPreposition, out int prepositionEnd) && afterPreposition > 2000
                && (!In(prepositionEnd) || _tokens[prepositionEnd].Kind != TokenKind.Word || E(prepositionEnd) is { Stop: true } || E(prepositionEnd)?.Month > 0))
            {
                output.Add(new TimeMention(MentionKind.Year, p, prepositionEnd) { Year = afterPreposition });
                return prepositionEnd;
            }
            // "the year two thousand", "the year 2000": "two thousand" alone is a number, not a year.
            if (Is(p, "year") && p > _start && Is(p - 1, "the") && (SpelledYear(p + 1, out int named, out int namedEnd)
                || IsNumber(p + 1, 4) && W(p + 1).Length == 4 && (named = IntAt(p + 1)) > 0 && (namedEnd = p + 2) > 0))
            {
                output.Add(new TimeMention(MentionKind.Year, p, namedEnd) { Year = named });
                return namedEnd;
            }
            if (IsWord(p) && char.IsAsciiDigit(W(p)[0]) && W(p).Length is 3 or 4 && NumberReader.IsOrdinalSuffix(W(p).TrimStart("0123456789")) && (Is(p + 1, "century") || Is(p + 1, "century's")))
            {
                int ordinal = 0;
                foreach (char ch in W(p)) if (char.IsAsciiDigit(ch)) ordinal = ordinal * 10 + (ch - '0');
                if (ordinal is >= 1 and <= 99)
                {
                    output.Add(new TimeMention(MentionKind.Reference, p, p + 2) { Literal = (ordinal - 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture) });
                    return p + 2;
                }
            }
            return p;
        }

        // "Thanksgiving", "Christmas Day 2023", "last Christmas", "New Year's Eve"
        private int HolidayAt(int p, List<TimeMention> output, int relative = 0, bool hasRelative = false, int spanStart = -1)
        {
            if (E(p) is not { StartsHoliday: true }) return p;
            var rule = _words.MatchHoliday(_text, _tokens, p, _end, out int end);
            if (rule is null) return p;
            int year = 0;
            bool yearAfter = false;
            if (YearAfter(end, out int y, out int yEnd) && !Is(end, ",")) { year = y; yearAfter = true; }
            // In lower case a name of two words ("independence day") is still the holiday; one word ("easter") only
            // with its year or a "last" or "next" before it.
            // A two-word name needs a time word right before it: "Ukraine's independence day", "a victory day for democracy",
            // "a new year's eve of sorts" are not the US or Russian holiday.
            if (_words.NamesCapitalized && !Capitalized(p) && !yearAfter && !hasRelative && (end - p < 2 || !HolidayCueBefore(p))) return p;
            // The whole name is passed over, so "Friday" in "Black Friday Records" is no weekday either.
            if (!yearAfter && HolidayStartsName(p, end)) return end;
            if (yearAfter) end = yEnd;
            output.Add(new TimeMention(MentionKind.Holiday, spanStart >= 0 ? spanStart : p, end) { Literal = rule, Year = year, Relative = relative, HasRelative = hasRelative });
            return end;
        }

        /// <summary>
        /// "Black Friday Records", "the Earth Day Network", "Christmas Island": a capitalised word after the holiday that is
        /// no time word makes the holiday part of a name. A text in capitals ("BLACK FRIDAY SALES") is left alone.
        /// </summary>
        private bool HolidayStartsName(int p, int end)
        {
            if (!_words.NamesCapitalized || !IsWord(end) || !Capitalized(end) || Is(end, "I")) return false;
            var next = W(end);
            if (next.Length > 1 && char.IsUpper(next[1]) && char.IsUpper(W(p)[^1])) return false;
            return E(end) is not ({ Month: > 0 } or { Weekday: > 0 } or { DayOffset: not null } or { PartOfDay: not null } or { Unit: not null }
                or { StartsHoliday: true } or { Season: not null } or { Relative: not null })
                && !Is(end, "Eve") && !Is(end, "Day") && !Is(end, "Night") && !Is(end, "Weekend");
        }

        private bool HolidayCueBefore(int p) =>
            p > _start && (Is(p - 1, "on") || Is(p - 1, "before") || Is(p - 1, "after") || Is(p - 1, "since") || Is(p - 1, "until") || Is(p - 1, "till") || Is(p - 1, "by"));

        // "this year's third quarter", "last year's quarter", "the 1988 quarter", "the 1989 period": a quarter of a named or relative year.
        private int YearsQuarter(int p, List<TimeMention> output)
        {
            int q, year = 0, relative = 0;
            bool hasRelative = false;
            if (E(p) is { Relative: { } shift } && Is(p + 1, "year") && (Is(p + 2, "'s") || Is(p + 2, "’s"))) { q = p + 3; relative = shift; hasRelative = true; }
            else if (p > _start && Is(p - 1, "the") && IsNumber(p, 4) && W(p).Length == 4 && (Is(p + 1, "quarter") || Is(p + 1, "period"))) { q = p + 1; year = IntAt(p); }
            else return p;
            if (Is(q, "quarter") || Is(q, "period") && !hasRelative)
            {
                if (Is(q + 1, "of")) return p;
                output.Add(new TimeMention(MentionKind.Quarter, p, q + 1) { Quarter = -1, Year = year, Relative = relative, HasRelative = hasRelative });
                return q + 1;
            }
            if (!hasRelative) return p;
            int before = output.Count;
            int end = QuarterAt(q, output);
            if (end == q || output.Count != before + 1 || output[before].Year != 0) return p;
            var mention = output[before];
            mention.StartToken = p;
            mention.Relative = relative;
            mention.HasRelative = true;
            output[before] = mention;
            return end;
        }

        // "the quarter", "the latest quarter", "the year-earlier quarter": in a results report, the last quarter reported on.
        private int ReportedQuarter(int p, List<TimeMention> output)
        {
            int q = p;
            int shift = 0;
            // "the comparable year-ago quarter", "the corresponding period last year": the reported quarter a year before.
            bool matching = Is(q, "comparable") || Is(q, "corresponding");
            if (matching && (Is(q + 1, "year-earlier") || Is(q + 1, "year-ago"))) q++;
            if (matching && (Is(q + 1, "quarter") || Is(q + 1, "period")))
            {
                int yearEnd = Is(q + 2, "last") && Is(q + 3, "year") ? q + 4
                    : (Is(q + 2, "a") || Is(q + 2, "one")) && Is(q + 3, "year") && (Is(q + 4, "ago") || Is(q + 4, "earlier") || Is(q + 4, "before")) ? q + 5 : -1;
                if (yearEnd > 0)
                {
                    output.Add(new TimeMention(MentionKind.Quarter, p, yearEnd) { Quarter = -1, Relative = -1, HasRelative = true });
                    return yearEnd;
                }
            }
            if (Is(q, "latest") || Is(q, "recent") || Is(q, "most") && Is(q + 1, "recent")) q += Is(q, "most") ? 2 : 1;
            else if (Is(q, "year-earlier") || Is(q, "year-ago")) { shift = -1; q++; }
            if (!(Is(q, "quarter") || Is(q, "period") && shift != 0)) return p;
            if (Is(q + 1, "of") || In(q + 1) && _tokens[q + 1].Kind == TokenKind.Number) return p;
            output.Add(new TimeMention(MentionKind.Quarter, p, q + 1) { Quarter = -1, Relative = shift, HasRelative = true });
            return q + 1;
        }

        // "10:30 a.m.", "6 p.m. EST Nov. 9", "noon Thursday", "21:00"
        private int TimeOfDay(int p, List<TimeMention> output)
        {
            int hour, minute = 0, second = 0, q;
            bool meridiem = true;
            if (Is(p, "noon") || Is(p, "midday")) { hour = 12; q = p + 1; }
            else if (Is(p, "midnight")) { hour = 24; q = p + 1; }
            else if (GluedClock(p, out hour, out minute, out int gluedEnd))
            {
                q = gluedEnd;
            }
            else if (In(p) && _tokens[p].Kind == TokenKind.Number && DottedClock(W(p), out int dottedHour, out int dottedMinute)
                && (AmPm(p + 1, out _) > p + 1 || DayBeforeAt(p) && dottedMinute % 15 == 0 && ClockEndsAt(p + 1)))
            {
                // "8.30 pm", "Monday at 2.30"; a bare "2.30" is a decimal number.
                hour = dottedHour;
                minute = dottedMinute;
                q = p + 1;
                int ampmEnd = AmPm(q, out bool pm);
                if (ampmEnd > q)
                {
                    if (!TwelveToTwentyFour(ref hour, pm)) return p;
                    q = ampmEnd;
                }
                else meridiem = hour > 12 || W(p)[0] == '0';
            }
            else if (IsNumber(p, 2) && W(p).Length <= 2 && IntAt(p) is >= 1 and <= 12 && (DayBeforeAt(p) || AroundAfterPartOfNamedDay(p)) && E(p - 2) is { PartOfDay: not null } && !Is(p + 1, ":") && AmPm(p + 1, out _) == p + 1
                && ClockEndsAt(p + 1))
            {
                // "tonight at 9.", "Friday morning at 8.": the part of the day says which half the hour is in (joined later);
                // "on Saturday at 5" is left to its weekday, since news may mean either 5 a.m. or 5 p.m.
                hour = IntAt(p);
                q = p + 1;
                meridiem = false;
            }
            else if (MinutesPastHour(p, out int pastHour, out int pastMinute, out int pastEnd, out bool pastMeridiem))
            {
                (hour, minute, q, meridiem) = (pastHour, pastMinute, pastEnd, pastMeridiem);
            }
            else if (SpelledClock(p, output, out int spelledHour, out int spelledMinute, out int spelledEnd, out bool spelledMeridiem))
            {
                (hour, minute, q, meridiem) = (spelledHour, spelledMinute, spelledEnd, spelledMeridiem);
            }
            else if (IsNumber(p, 2))
            {
                hour = IntAt(p);
                q = p + 1;
                bool clock = false;
                if (Is(q, ":") && IsNumber(q + 1, 2) && W(q + 1).Length == 2)
                {
                    minute = IntAt(q + 1);
                    q += 2;
                    clock = true;
                    if (Is(q, ":") && IsNumber(q + 1, 2) && W(q + 1).Length == 2 && IntAt(q + 1) <= 59)
                    {
                        second = IntAt(q + 1);
                        q += 2;
                    }
                }
                int ampmEnd = AmPm(q, out bool pm);
                if (ampmEnd > q)
                {
                    if (!TwelveToTwentyFour(ref hour, pm)) return p;
                    q = ampmEnd;
                }
                else if (!clock && hour is >= 1 and <= 12 && ClockWordBefore(p) && PartOfDayAfterHour(q, out string? part, out int partEnd))
                {
                    // "3 in the morning", "10 at night": the part of the day says which half the hour is in.
                    if (part is "AF" or "EV" or "NI" && hour < 12 && !(part == "NI" && hour < 4)) hour += 12;
                    else if (part == "MO" && hour == 12) hour = 0;
                    q = partEnd;
                }
                else
                {
                    if (IsOClock(q)) q++;
                    else if (!clock || hour > 24) return p;
                    // "08:00", "20:00": a 24-hour clock; "8:00", "10 o'clock" leave the half of the day open.
                    meridiem = hour > 12 || W(p).Length == 2 && W(p)[0] == '0';
                }
                if (minute > 59 || hour > 24) return p;
            }
            else return p;
            // A time zone word, then the day it falls on.
            if (IsTimeZoneAt(q)) q++;
            var mention = new TimeMention(MentionKind.TimeOfDay, p, q) { Hour = hour, Minute = minute, Second = second, HasClock = true, HasMeridiem = meridiem };
            int r = Is(q, ",") || Is(q, "on") ? q + 1 : q;
            var scratch = new List<TimeMention>(1);
            if (WeekdayOf(r) > 0) { mention.Weekday = WeekdayOf(r); q = r + 1; }
            else if (E(r) is { DayOffset: { } offset } deictic)
            {
                mention.DayOffset = offset;
                mention.HasDayOffset = true;
                ShiftIntoPartOfDay(ref mention, deictic.PartOfDay);
                q = r + 1;
                // "5:30 tomorrow evening": the part of that day says which half the clock is in.
                if (deictic.PartOfDay is null && E(q) is { PartOfDay: { } dayPart, DayOffset: null } && IsWord(q) && !Is(q + 1, "-"))
                {
                    ShiftIntoPartOfDay(ref mention, dayPart);
                    q++;
                }
            }
            else if (MonthFirst(r, scratch) > r && scratch.Count == 1 && scratch[0].Kind == MentionKind.Date)
            {
                mention.Year = scratch[0].Year;
                mention.Month = scratch[0].Month;
                mention.Day = scratch[0].Day;
                q = scratch[0].EndToken;
            }
            mention.EndToken = q;
            output.Add(mention);
            return q;
        }

        /// <summary>
        /// "half past seven", "a quarter past nine", "ten past 9 in the evening", "20 minutes past eight": minutes, "past",
        /// an hour up to twelve. A number word before "past" is a clock only with "half" or "quarter", a clock word
        /// before it ("at ten past nine"), or "o'clock", a meridiem or a part of the day after the hour; the phrase must end
        /// there ("two past presidents" has no hour, "at 10 past 9 people" is not closed).
        /// </summary>
        private bool MinutesPastHour(int p, out int hour, out int minute, out int end, out bool meridiem)
        {
            hour = 0;
            minute = 0;
            end = p;
            meridiem = false;
            int k = p;
            if (Is(k, "a") && Is(k + 1, "quarter")) k++;
            bool fraction = Is(k, "half") || Is(k, "quarter");
            if (fraction) minute = Is(k, "half") ? 30 : 15;
            else if (!SmallNumberAt(k, 59, out minute) || minute == 0) return false;
            k++;
            if (!fraction && (Is(k, "minutes") || Is(k, "minute") || Is(k, "min") || Is(k, "mins"))) k++;
            if (!Is(k, "past") || !SmallNumberAt(k + 1, 12, out hour) || hour == 0) return false;
            int q = k + 2;
            if (IsOClock(q)) q++;
            int ampmEnd = AmPm(q, out bool pm);
            bool cued = fraction || ClockWordBefore(p) || q > k + 2;
            if (ampmEnd > q)
            {
                if (!TwelveToTwentyFour(ref hour, pm)) return false;
                q = ampmEnd;
                meridiem = true;
                cued = true;
            }
            else if (PartOfDayAfterHour(q, out string? part, out int partEnd))
            {
                if (part is "AF" or "EV" or "NI" && hour < 12 && !(part == "NI" && hour < 4)) hour += 12;
                else if (part == "MO" && hour == 12) hour = 0;
                q = partEnd;
                meridiem = true;
                cued = true;
            }
            if (!cued || !SpelledDayEndsAt(q) && !ClockEndsAt(q)) return false;
            end = q;
            return true;
        }

        /// <summary>A whole number from 1 to <paramref name="max"/>, in digits ("9") or one word ("seven", "twenty").</summary>
        private bool SmallNumberAt(int k, int max, out int value)
        {
            value = 0;
            if (!In(k)) return false;
            if (_tokens[k].Kind == TokenKind.Number)
            {
                if (!IsNumber(k, 2)) return false;
                value = IntAt(k);
                return value is >= 1 && value <= max;
            }
            if (!IsWord(k) || char.IsAsciiDigit(W(k)[0])) return false;
            double total = 0, current = 0;
            if (!TryWordsValue(W(k), ref total, ref current)) return false;
            double v = total + current;
            if (v != Math.Floor(v) || v < 1 || v > max) return false;
            value = (int)v;
            return true;
        }

        private bool IsOClock(int k) => Is(k, "o'clock") || Is(k, "o’clock") || Is(k, "oclock");

        /// <summary>
        /// A clock spoken in words: "seven thirty", "five-thirty", "six forty-five", "six pm", "nine a m", "eight o'clock".
        /// The hour is a spelled number up to twelve. With a meridiem or "o'clock" it is a clock anywhere; with spelled
        /// minutes only after a clock word ("at seven thirty"), a date just read ("March 18 nine thirty"), a clock range's
        /// joiner ("from three thirty to four thirty") or before a day word ("five-thirty tomorrow evening"), and the
        /// phrase must close there: "seven thirty-day passes" and "the seven twenty-somethings" are counts.
        /// </summary>
        private bool SpelledClock(int p, List<TimeMention> output, out int hour, out int minute, out int end, out bool meridiem)
        {
            hour = 0;
            minute = 0;
            end = p;
            meridiem = false;
            if (!IsWord(p) || char.IsAsciiDigit(W(p)[0])) return false;
            int q;
            var w = W(p);
            int dash = w.IndexOf('-');
            if (dash > 0)
            {
                // "five-thirty": the hour and its minutes in one word.
                if (!SpelledValue(w[..dash], out hour) || hour is < 1 or > 12 || !SpelledValue(w[(dash + 1)..], out minute) || minute is < 10 or > 59) return false;
                q = p + 1;
            }
            else
            {
                if (!SpelledValue(w, out hour) || hour is < 1 or > 12) return false;
                q = p + 1;
                if (SpelledMinutes(q, out minute, out int minutesEnd)) q = minutesEnd;
            }
            int ampmEnd = AmPm(q, out bool pm);
            if (ampmEnd > q)
            {
                // "Which one am I?": the phrase must close after the meridiem too (a time zone may follow).
                if (!TwelveToTwentyFour(ref hour, pm) || !ClosesSpelledClock(ampmEnd) && !IsTimeZoneAt(ampmEnd)) return false;
                // "seen off one PM, and may topple another": a bare upper-case "PM" after a spelled hour may be a prime
                // minister, so it is a clock only with a clock word before or a day word after it ("at seven PM").
                if (minute == 0 && (W(q) is "PM" or "AM") && !SpelledMeridiemCued(p, ampmEnd, output)) return false;
                end = ampmEnd;
                meridiem = true;
                return true;
            }
            if (minute == 0)
            {
                if (!IsOClock(q)) return false;
                end = q + 1;
                return true;
            }
            // "at six forty-three minutes": the unit word may close a clock after "at".
            if (Is(q, "minutes") && Is(p - 1, "at")) q++;
            bool cued = ClockWordBefore(p)
                || p - 1 > _start && (Is(p - 1, "to") || Is(p - 1, "and") || Is(p - 1, "until") || Is(p - 1, "till") || Is(p - 1, "-"))
                    && output.Count > 0 && output[^1] is { Kind: MentionKind.TimeOfDay, HasClock: true } && output[^1].EndToken == p - 1
                || output.Count > 0 && output[^1] is { Kind: MentionKind.Date or MentionKind.Weekday } && output[^1].EndToken == p
                || E(q) is { DayOffset: not null } or { PartOfDay: not null };
            if (!cued || !ClosesSpelledClock(q) || PriceBeforeAt(p)) return false;
            end = q;
            return true;
        }

        /// <summary>A clock word before a spelled hour ("at", "by", a range's "to") or a day word right after its meridiem.</summary>
        private bool SpelledMeridiemCued(int p, int ampmEnd, List<TimeMention> output) =>
            ClockWordBefore(p) || Is(p - 1, "to") || Is(p - 1, "till") || Is(p - 1, "-")
            || output.Count > 0 && output[^1] is { Kind: MentionKind.Date or MentionKind.Weekday } && output[^1].EndToken == p
            || IsTimeZoneAt(ampmEnd) || E(ampmEnd) is { DayOffset: not null } or { PartOfDay: not null } || WeekdayOf(ampmEnd) > 0
            || Is(ampmEnd, "on") && (WeekdayOf(ampmEnd + 1) > 0 || MonthAt(ampmEnd + 1) > 0);

        /// <summary>"traded at one fifty", "prices rose to ... at seven thirty": a measured quantity within three words before "at".</summary>
        private bool PriceBeforeAt(int p)
        {
            if (!Is(p - 1, "at")) return false;
            for (int k = p - 2; k >= _start && k >= p - 4; k--)
            {
                if (_tokens[k].Kind == TokenKind.Punctuation) return false;
                if (_words.MeasureWords.ContainsKey(W(k)) || _words.PriceWords.Contains(W(k))) return true;
            }
            return false;
        }

        /// <summary>The value of one spelled number word, hyphens joining tens and units ("forty-five"); false for digits.</summary>
        private bool SpelledValue(ReadOnlySpan<char> word, out int value)
        {
            value = 0;
            if (word.IsEmpty || char.IsAsciiDigit(word[0])) return false;
            double total = 0, current = 0;
            if (!TryWordsValue(word, ref total, ref current)) return false;
            double v = total + current;
            if (v != Math.Floor(v) || v > 99) return false;
            value = (int)v;
            return true;
        }

        /// <summary>Spelled minutes 10 to 59 after a spelled hour: "thirty", "forty-five", "forty five", "twenty seven".</summary>
        private bool SpelledMinutes(int k, out int minute, out int end)
        {
            minute = 0;
            end = k;
            if (!IsWord(k) || !SpelledValue(W(k), out minute) || minute is < 10 or > 59) return false;
            end = k + 1;
            // "forty five": a tens word and its unit as two words.
            if (minute % 10 == 0 && minute >= 20 && IsWord(k + 1) && W(k + 1).IndexOf('-') < 0 && SpelledValue(W(k + 1), out int unit) && unit is >= 1 and <= 9)
            {
                minute += unit;
                end = k + 2;
            }
            return true;
        }

        /// <summary>What may follow a spelled clock: the end, punctuation, a day word, a part of the day, or a joiner.</summary>
        private bool ClosesSpelledClock(int k)
        {
            if (!In(k) || _tokens[k].Kind is TokenKind.Punctuation) return true;
            if (E(k) is { DayOffset: not null } or { PartOfDay: not null } || WeekdayOf(k) > 0) return true;
            return Is(k, "to") || Is(k, "and") || Is(k, "or") || Is(k, "until") || Is(k, "till") || Is(k, "on") || Is(k, "in") || Is(k, "at")
                || Is(k, "this") || Is(k, "next") || Is(k, "sharp");
        }

        /// <summary>"at 3 in the morning", "until 10 at night": a count ("arrested 12 in the morning") has no such word before it.</summary>
        private bool ClockWordBefore(int p) =>
            p > _start && (Is(p - 1, "at") || Is(p - 1, "by") || Is(p - 1, "until") || Is(p - 1, "till") || Is(p - 1, "around") || Is(p - 1, "since")
                || Is(p - 1, "from") || Is(p - 1, "before") || Is(p - 1, "after") || Is(p - 1, "about"));

        /// <summary>"in the morning", "in the afternoon", "in the evening", "at night" right after an hour.</summary>
        private bool PartOfDayAfterHour(int q, out string? part, out int end)
        {
            part = null;
            end = q;
            if (Is(q, "in") && Is(q + 1, "the") && E(q + 2) is { PartOfDay: { } named, DayOffset: null } && !Is(q + 2, "overnight")) { part = named; end = q + 3; }
            else if (Is(q, "at") && Is(q + 1, "night")) { part = "NI"; end = q + 2; }
            return part is not null;
        }

        /// <summary>"3pm", "10am", "8:00am": the tokenizer glues the meridiem to the digits.</summary>
        private bool GluedClock(int p, out int hour, out int minute, out int end)
        {
            hour = -1;
            minute = 0;
            end = p;
            int q;
            ReadOnlySpan<char> word;
            if (IsNumber(p, 2) && Is(p + 1, ":") && IsWord(p + 2) && W(p + 2).Length is 3 or 4 && char.IsAsciiDigit(W(p + 2)[0]) && char.IsAsciiDigit(W(p + 2)[1]))
            {
                hour = IntAt(p);
                minute = (W(p + 2)[0] - '0') * 10 + (W(p + 2)[1] - '0');
                word = W(p + 2)[2..];
                q = p + 3;
            }
            else if (IsWord(p) && W(p).Length is >= 2 and <= 4 && char.IsAsciiDigit(W(p)[0]))
            {
                var w = W(p);
                int digits = char.IsAsciiDigit(w[1]) ? 2 : 1;
                if (w.Length - digits is not (1 or 2)) return false;
                hour = digits == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
                word = w[digits..];
                q = p + 1;
            }
            else if (IsWord(p) && W(p).Length is 6 or 7 && DottedClock(W(p)[..^2], out hour, out minute))
            {
                // "8.30pm": the British clock with its meridiem glued on.
                word = W(p)[^2..];
                q = p + 1;
            }
            else return false;
            if (word.Length == 1)
            {
                // "8p.m." glues only the letter; "today at 9a", "Friday at 8:45p" is the chat clock, taken only after a day
                // and "at", closing the sentence ("Article 9a", "at 9a Baker Street", pence in "closed at 9p" are no clock).
                if (Is(q, ".") && (Is(q + 1, "m") || Is(q + 1, "m.")))
                {
                    q += Is(q + 1, "m") && Is(q + 2, ".") ? 3 : 2;
                }
                else if (!(DayBeforeAt(p) && ClockEndsAt(q))) return false;
                word = word is "a" or "A" ? "am" : word is "p" or "P" ? "pm" : word;
            }
            bool pm = word.Equals("pm", StringComparison.OrdinalIgnoreCase);
            if (!pm && !word.Equals("am", StringComparison.OrdinalIgnoreCase)) return false;
            if (minute > 59 || !TwelveToTwentyFour(ref hour, pm)) return false;
            end = q;
            return true;
        }

        /// <summary>"8.30", "17.45": an hour, a period, two digits of minutes.</summary>
        private static bool DottedClock(ReadOnlySpan<char> w, out int hour, out int minute)
        {
            hour = -1;
            minute = 0;
            int dot = w.IndexOf('.');
            if (dot is < 1 or > 2 || w.Length != dot + 3) return false;
            foreach (char c in w) if (c != '.' && !char.IsAsciiDigit(c)) return false;
            if (w[(dot + 1)..].IndexOf('.') >= 0) return false;
            hour = dot == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
            minute = (w[dot + 1] - '0') * 10 + (w[dot + 2] - '0');
            return hour <= 23 && minute <= 59;
        }

        /// <summary>
        /// A clock with no meridiem after "Friday at" ends the sentence: "closed Friday at 9.50 euros", "at 3.20 percent",
        /// "at 8, up 2 percent" are prices and rates.
        /// </summary>
        private bool ClockEndsAt(int k) => !In(k) || Is(k, ".") || Is(k, "!") || Is(k, "?") || Is(k, ";");

        /// <summary>"tonight around 9", "this evening around 7": a part of a named day, then "around" and a bare hour.</summary>
        private bool AroundAfterPartOfNamedDay(int p) =>
            p - 2 >= _start && Is(p - 1, "around") && E(p - 2) is { PartOfDay: not null } part && (part.DayOffset is not null || Is(p - 3, "this"));

        /// <summary>"Monday at 5", "today at 6.45": the token before "at" names a day or a part of one, so what follows is its clock.</summary>
        private bool DayBeforeAt(int p) =>
            p - 2 >= _start && Is(p - 1, "at") && (WeekdayOf(p - 2) > 0 || E(p - 2) is { DayOffset: not null } or { PartOfDay: not null });

        /// <summary>"EST", "CET", "UTC": a time zone after a clock.</summary>
        private bool IsTimeZoneAt(int q) => IsWord(q) && W(q).Length is >= 2 and <= 4 && IsUpperWord(W(q)) && (W(q)[^1] == 'T' || W(q) is "UTC");

        private static bool IsUpperWord(ReadOnlySpan<char> w)
        {
            foreach (char c in w) if (!char.IsAsciiLetterUpper(c)) return false;
            return true;
        }

        /// <summary>"a.m.", "p.m", "am", "PM", "A.M." (the tokenizer splits lower-case "a.m." into four tokens).</summary>
        private int AmPm(int q, out bool pm)
        {
            pm = false;
            if (!IsWord(q)) return q;
            var w = W(q);
            if (w.Equals("am", StringComparison.OrdinalIgnoreCase) || w.Equals("a.m.", StringComparison.OrdinalIgnoreCase) || w.Equals("a.m", StringComparison.OrdinalIgnoreCase)) return q + 1;
            if (w.Equals("pm", StringComparison.OrdinalIgnoreCase) || w.Equals("p.m.", StringComparison.OrdinalIgnoreCase) || w.Equals("p.m", StringComparison.OrdinalIgnoreCase)) { pm = true; return q + 1; }
            // "nine a m" in a transcript: the letters spaced without periods, closing the phrase.
            if ((w is "a" or "p") && Is(q + 1, "m") && (!In(q + 2) || _tokens[q + 2].Kind == TokenKind.Punctuation)) { pm = w is "p"; return q + 2; }
            if ((w is "a" or "p" or "A" or "P") && Is(q + 1, ".") && (Is(q + 2, "m") || Is(q + 2, "m.")))
            {
                pm = w is "p" or "P";
                int end = q + 3;
                if (W(q + 2).Length == 1 && Is(end, ".")) end++;
                return end;
            }
            return q;
        }
    }

    /// <summary>"12 am" is 0 h, "12 pm" 12 h, "3 pm" 15 h; false for an hour no 12-hour clock shows.</summary>
    private static bool TwelveToTwentyFour(ref int hour, bool pm)
    {
        if (hour is < 1 or > 12) return false;
        if (pm && hour < 12) hour += 12;
        if (!pm && hour == 12) hour = 0;
        return true;
    }
}

/// <summary>Tense of the sentence around a time phrase, for choosing which Saturday or which December is meant.</summary>
/// <remarks><see cref="Unmarked"/>: no tense cue at all ("The dividend is payable Jan. 2"); a day or month
/// is then the nearest one, while a bare weekday keeps the news default of the most recent.</remarks>
internal enum Tense { Past, Future, Mixed, Unmarked }
