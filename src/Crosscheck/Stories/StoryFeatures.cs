using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Text;

namespace Crosscheck.Stories;

/// <summary>Kinds of evidence that two reports tell the same story; each kind has its own weight.</summary>
/// <remarks>
/// <see cref="RecentDate"/> is a day within a week of the report's own publication date: every
/// report of that week names its days, so sharing one says less about which event it is than
/// sharing a year or a day long before publication (<see cref="Date"/>).
/// </remarks>
public enum FeatureGroup : byte { Word, Name, Entity, Place, Date, Number, Quantity, RecentDate }

/// <summary>
/// The clusterer's vocabulary: every feature it has seen, its group, a display form for
/// explanations, and how many reports contain it (the document frequency behind IDF).
/// Not thread-safe: owned by one <see cref="StoryClusterer"/>.
/// </summary>
internal sealed class FeatureVocabulary
{
    private readonly Dictionary<string, int>[] _byGroup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;
    private readonly List<string> _display = [];
    private readonly List<FeatureGroup> _groups = [];
    private readonly List<int> _documentFrequency = [];

    public FeatureVocabulary()
    {
        int groups = Enum.GetValues<FeatureGroup>().Length;
        _byGroup = new Dictionary<string, int>[groups];
        _lookups = new Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[groups];
        for (int g = 0; g < groups; g++)
        {
            _byGroup[g] = new Dictionary<string, int>(StringComparer.Ordinal);
            _lookups[g] = _byGroup[g].GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    public int Count => _display.Count;

    /// <summary>Reports seen so far (the N of IDF).</summary>
    public int Documents { get; private set; }

    public int Intern(FeatureGroup group, ReadOnlySpan<char> key, ReadOnlySpan<char> display)
    {
        var lookup = _lookups[(int)group];
        if (lookup.TryGetValue(key, out int id)) return id;
        id = _display.Count;
        _byGroup[(int)group].Add(key.ToString(), id);
        _display.Add(display.ToString());
        _groups.Add(group);
        _documentFrequency.Add(0);
        return id;
    }

    public string Display(int feature) => _display[feature];

    public FeatureGroup GroupOf(int feature) => _groups[feature];

    public int DocumentFrequency(int feature) => _documentFrequency[feature];

    /// <summary>
    /// Pseudo-reports assumed to contain none of the features, so that in a small batch (five
    /// reports of one story) the words every report shares are not weighed down to nothing.
    /// </summary>
    public double BackgroundDocuments { get; init; }

    /// <summary>Smoothed inverse document frequency: rare features weigh more, none weighs zero.</summary>
    public double Idf(int feature) => Math.Log((Documents + 1.0 + BackgroundDocuments) / (_documentFrequency[feature] + 1.0)) + 1.0;

    public void CountDocument(ReadOnlySpan<int> features)
    {
        Documents++;
        foreach (int f in features) _documentFrequency[f]++;
    }
}

/// <summary>One report reduced to the features story clustering compares.</summary>
/// <param name="Features">Feature ids, distinct.</param>
/// <param name="Counts">Raw counts, parallel to <paramref name="Features"/> (title words count double).</param>
/// <param name="Date">The report's publication date, when known.</param>
internal sealed record ArticleFeatures(string ArticleId, int[] Features, double[] Counts, DateOnly? Date, string? Headline);

/// <summary>
/// Turns an analysed report into story features: content words (light plural stemming),
/// capitalised names (single words and two-word runs, a stand-in that works even without the
/// entity layer), linked entity names, places, dates, numbers and quantities. Reads every layer
/// it can find and needs none but the text: tokens are computed when the layer is absent.
/// </summary>
/// <param name="assumedReferenceDate">
/// The fallback anchor that relative times ("on Wednesday") of undated reports were resolved
/// against; dates near it in an undated report are artefacts of that anchor, shared by every
/// undated report, and are ignored.
/// </param>
internal sealed class StoryFeatureExtractor(FeatureVocabulary vocabulary, DateOnly? assumedReferenceDate = null)
{
    private const int MaxWordLength = 40;
    private readonly Dictionary<int, double> _counts = [];
    private readonly HashSet<string> _namesInText = new(StringComparer.Ordinal);

    public ArticleFeatures Extract(AnalyzedArticle article)
    {
        _counts.Clear();
        _namesInText.Clear();
        string text = article.Text;
        var tokens = article.Items(Layers.Tokens);
        if (tokens.IsDefaultOrEmpty && text.Length > 0) tokens = Tokenizer.Analyze(text).Tokens;
        AddTokens(text, tokens, 1.0);

        string? title = article.Article.Title;
        if (!string.IsNullOrWhiteSpace(title))
        {
            _namesInText.Clear();
            AddTokens(title, Tokenizer.Analyze(title).Tokens, 2.0, titleCase: true);
        }

        AddEntities(article);
        AddPlaces(article);
        AddTimes(article);
        AddQuantities(article);

        var features = new int[_counts.Count];
        var counts = new double[_counts.Count];
        int i = 0;
        foreach (var (feature, count) in _counts)
        {
            features[i] = feature;
            counts[i] = count;
            i++;
        }
        // Sorted ids make the extraction independent of dictionary order (deterministic ties later).
        Array.Sort(features, counts);
        // Only a publication date places a report in time: the dates a text mentions include
        // background ("the 2008 attack"), and on ECB+ using the most mentioned one as the report's
        // date split stories (B-cubed recall 0.92 -> 0.83). They still count as features.
        DateOnly? date = article.Article.Published.Date;
        return new ArticleFeatures(article.Article.Id, features, counts, date, Headline(article, tokens));
    }

    private void AddTokens(string text, ImmutableArray<Token> tokens, double weight, bool titleCase = false)
    {
        Span<char> buffer = stackalloc char[MaxWordLength * 2 + 1];
        Span<char> previousName = stackalloc char[MaxWordLength * 2 + 1];
        Span<char> pair = stackalloc char[MaxWordLength * 4 + 3];
        int previousNameLength = 0;
        // First pass: words written capitalised somewhere other than at a sentence start are names
        // even where they open a sentence.
        int previousSentence = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            bool initial = token.Sentence != previousSentence;
            previousSentence = token.Sentence;
            if (token.Kind != TokenKind.Word || initial && !titleCase) continue;
            var word = token.Span.SliceOf(text);
            if (word.Length <= MaxWordLength && IsCapitalised(word)) _namesInText.Add(Lower(word, buffer).ToString());
        }

        previousSentence = -1;
        int previousNameEnd = -1;
        for (int t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            bool initial = token.Sentence != previousSentence;
            previousSentence = token.Sentence;
            var surface = token.Span.SliceOf(text);
            if (surface.Length > MaxWordLength)
            {
                previousNameEnd = -1;
                continue;
            }
            if (token.Kind == TokenKind.Number)
            {
                AddNumber(surface, weight);
                previousNameEnd = -1;
                continue;
            }
            if (token.Kind != TokenKind.Word)
            {
                previousNameEnd = -1;
                continue;
            }
            var lower = Lower(surface, buffer);
            if (lower.Length < 2 || StopWords.Contains(lower) || !char.IsLetter(lower[0]))
            {
                previousNameEnd = -1;
                continue;
            }
            bool isName = IsCapitalised(surface) && (!initial || titleCase || _namesInText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower));
            if (isName)
            {
                var key = StripPossessive(lower);
                // Demonyms: "Koreans" and "Korean" name the same people.
                if (key.Length > 5 && key.EndsWith("ans")) key = key[..^1];
                Add(FeatureGroup.Name, key, StripPossessive(surface), weight);
                // Two capitalised words in a row ("North Korean") are a stronger name than either.
                if (previousNameEnd >= 0 && token.Span.Start - previousNameEnd <= 1)
                {
                    previousName[..previousNameLength].CopyTo(pair);
                    pair[previousNameLength] = ' ';
                    key.CopyTo(pair[(previousNameLength + 1)..]);
                    var display = text.AsSpan(tokens[t - 1].Span.Start, token.Span.End - tokens[t - 1].Span.Start);
                    Add(FeatureGroup.Name, pair[..(previousNameLength + 1 + key.Length)], StripPossessive(display), weight);
                }
                key.CopyTo(previousName);
                previousNameLength = key.Length;
                previousNameEnd = token.Span.End;
            }
            else
            {
                previousNameEnd = -1;
                if (lower.Length < 3) continue;
                var stem = Stem(buffer[..lower.Length]);
                Add(FeatureGroup.Word, stem, surface, weight);
            }
        }
    }

    private void AddNumber(ReadOnlySpan<char> surface, double weight)
    {
        Span<char> digits = stackalloc char[surface.Length];
        int n = 0;
        foreach (char c in surface)
        {
            if (c != ',') digits[n++] = c;
        }
        if (!double.TryParse(digits[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return;
        bool integral = value == Math.Floor(value) && digits[..n].IndexOf('.') < 0;
        if (integral && value is >= 1900 and <= 2100 && n == 4)
        {
            Add(FeatureGroup.Date, digits[..n], digits[..n], weight);
            return;
        }
        // Small counts ("two", "3") recur in every story; decimals and larger numbers identify one.
        if (integral && value < 11) return;
        Span<char> key = stackalloc char[32];
        if (value.TryFormat(key, out int written, "R", CultureInfo.InvariantCulture))
        {
            Add(FeatureGroup.Number, key[..written], surface, weight);
        }
    }

    /// <summary>
    /// One feature per entity the report names, keyed by its <see cref="EntityKey"/> and counted
    /// once however often it is mentioned.
    /// </summary>
    /// <remarks>
    /// What the recogniser finds is noisy in ways that change with every retraining: how many of
    /// an entity's mentions it catches, where a name's span starts ("Luann Marie Johnson" or
    /// "Marie Johnson"), which type it guesses. Mention counts and full spans made the feature
    /// follow that noise (ECB+ 0.905 with one NER model, 0.894 with the next, for the same
    /// reports); presence of the name's head moves far less. How often a name recurs is still
    /// counted, from the text itself, by the capitalised-name features.
    /// </remarks>
    private void AddEntities(AnalyzedArticle article)
    {
        if (!article.TryGet(Layers.Entities, out var layer)) return;
        Span<char> buffer = stackalloc char[MaxWordLength * 2 + 1];
        foreach (var entity in layer.Entities)
        {
            if (entity.Name.Length == 0 || entity.Name.Length > MaxWordLength * 2) continue;
            var key = EntityKey(entity.Name);
            if (key.Length < 2) continue;
            var lower = Lower(key, buffer);
            // A stray span such as a quote mark and a pronoun at a sentence start is no name.
            if (StopWords.Contains(lower)) continue;
            int id = vocabulary.Intern(FeatureGroup.Entity, lower, key);
            _counts[id] = 1;
        }
    }

    /// <summary>
    /// The part of an entity's name that survives the recogniser's span decisions: the last word
    /// of a run of capitalised words (a person's surname, "Colts" of "Indianapolis Colts"), or
    /// the whole name when lower-case words join it ("Bank of America", whose last word alone
    /// would name a country).
    /// </summary>
    /// <remarks>
    /// A suffix ("Jr.", "Inc.") is no head: "Donald Trump Jr." is keyed "Trump". The whole name is kept
    /// when its last word is a generic head that many names share ("Soviet Union", "New York Times")
    /// or its first word tells namesakes apart ("North Korea", "South Korea", "San Jose").
    /// </remarks>
    internal static ReadOnlySpan<char> EntityKey(ReadOnlySpan<char> name)
    {
        int start = 0, end = name.Length;
        while (start < end && !char.IsLetterOrDigit(name[start])) start++;
        while (end > start && !char.IsLetterOrDigit(name[end - 1]) && name[end - 1] != '.') end--;
        name = StripPossessive(name[start..end]);
        for (int space = name.LastIndexOf(' '); space > 0; space = name.LastIndexOf(' '))
        {
            if (!NameSuffixes.Contains(name[(space + 1)..].TrimEnd('.'))) break;
            name = name[..space].TrimEnd(',');
        }
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.Length > 0 && char.IsLower(word[0])) return name;
        }
        int last = name.LastIndexOf(' ');
        if (last < 0) return name;
        var head = name[(last + 1)..];
        return GenericHeads.Contains(head) || DistinguishingFirstWords.Contains(name[..name.IndexOf(' ')]) ? name : head;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameSuffixes = FrozenSet.ToFrozenSet(
    [
        "Jr", "Sr", "II", "III", "IV", "Inc", "Corp", "Corporation", "Ltd", "Co", "LLC", "PLC", "AG", "SA", "NV", "GmbH",
        "Group", "Holdings",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericHeads = FrozenSet.ToFrozenSet(
    [
        "Union", "Ministry", "Times", "Party", "Council", "Bank", "University", "Department", "Agency", "Court", "Church",
        "Army", "Police", "Committee", "Association", "Company", "News", "Post", "Airlines", "Club", "Commission", "Office",
        "Service", "Institute", "Federation", "Front", "Forces", "Guard", "Republic", "Kingdom", "States", "Emirates",
        "Islands", "Assembly", "Parliament", "Congress", "Senate", "House", "Organization", "Organisation", "Foundation",
        "Fund", "Hospital", "School", "College", "Centre", "Center", "Airport", "Station", "Square", "Street", "River",
        "Sea", "Ocean", "Lake", "Mountains", "Valley", "Region", "Province", "County", "City", "District", "Journal",
        "Review", "Network", "Channel", "Media", "Press", "Daily", "Herald", "Tribune", "Telegraph", "Express", "Mail",
        "Star", "Independent", "Ministers", "Directorate", "Administration", "Authority", "Bureau",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DistinguishingFirstWords = FrozenSet.ToFrozenSet(
    [
        "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "New", "Old", "Upper",
        "Lower", "Great", "Greater", "United", "San", "Santa", "Los", "Las", "St", "St.", "Saint", "Fort", "Port", "Mount",
        "Lake", "Cape",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private void AddPlaces(AnalyzedArticle article)
    {
        Span<char> buffer = stackalloc char[MaxWordLength * 2 + 1];
        Span<char> key = stackalloc char[24];
        foreach (var place in article.Items(Layers.Places))
        {
            if (place.GeonamesId is long id && id.TryFormat(key, out int written, default, CultureInfo.InvariantCulture))
            {
                Add(FeatureGroup.Place, key[..written], place.Name, 1);
            }
            else if (place.Name.Length is > 0 and <= MaxWordLength * 2)
            {
                Add(FeatureGroup.Place, Lower(place.Name, buffer), place.Name, 1);
            }
            // The country is deliberately not a feature: most stories of a topic happen in one.
        }
    }

    private const int RecentDays = 7;

    private void AddTimes(AnalyzedArticle article)
    {
        DateOnly? published = article.Article.Published.Date;
        DateOnly? assumed = published is null ? assumedReferenceDate : null;
        foreach (var time in article.Items(Layers.Times))
        {
            if (time.Type != Times.TimexType.Date) continue;
            var value = time.Value.AsSpan();
            if (value.Length < 4 || !IsDigits(value[..4])) continue;
            if (assumed is DateOnly anchor && NearAnchor(value, anchor)) continue;
            // Only the most specific level: two reports of different events in the same month
            // share "2024-08" as surely as two reports of one event do.
            bool hasMonth = value.Length >= 7 && value[4] == '-' && IsDigits(value.Slice(5, 2));
            bool hasDay = hasMonth && value.Length >= 10 && value[7] == '-' && IsDigits(value.Slice(8, 2));
            var level = hasDay ? value[..10] : hasMonth ? value[..7] : value[..4];
            bool recent = hasDay && published is DateOnly own
                && DateOnly.TryParseExact(level, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && Math.Abs(day.DayNumber - own.DayNumber) <= RecentDays;
            Add(recent ? FeatureGroup.RecentDate : FeatureGroup.Date, level, level, 1);
        }
    }

    /// <summary>True when a TIMEX value falls within a week (or, for a month or year, the same period) of the anchor.</summary>
    private static bool NearAnchor(ReadOnlySpan<char> value, DateOnly anchor)
    {
        if (!int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)) return false;
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Math.Abs(day.DayNumber - anchor.DayNumber) <= 7;
        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month))
            return Math.Abs(year * 12 + month - (anchor.Year * 12 + anchor.Month)) <= 1;
        return Math.Abs(year - anchor.Year) <= 1 && (value.Length == 4 || value[4] == '-');
    }

    private void AddQuantities(AnalyzedArticle article)
    {
        Span<char> key = stackalloc char[96];
        foreach (var quantity in article.Items(Layers.Quantities))
        {
            double? value = quantity.Min ?? quantity.Max;
            if (value is null || quantity.Unit.Length > 40) continue;
            if (quantity.Unit.Length == 0 && value < 11 && value == Math.Floor(value.Value)) continue;
            if (!key.TryWrite(CultureInfo.InvariantCulture, $"{quantity.Unit}:{value.Value:R}:{quantity.Casualty}", out int written)) continue;
            Add(FeatureGroup.Quantity, key[..written], key[..written], 1);
        }
    }

    private void Add(FeatureGroup group, ReadOnlySpan<char> key, ReadOnlySpan<char> display, double count)
    {
        int id = vocabulary.Intern(group, key, display);
        _counts[id] = _counts.GetValueOrDefault(id) + count;
    }

    private static string? Headline(AnalyzedArticle article, ImmutableArray<Token> tokens)
    {
        if (!string.IsNullOrWhiteSpace(article.Article.Title)) return article.Article.Title.Trim();
        var sentences = article.Items(Layers.Sentences);
        string text = article.Text;
        foreach (var sentence in sentences)
        {
            var candidate = sentence.Span.SliceOf(text).Trim();
            // Skip leftovers such as a bare URL line: a headline has a few words.
            if (candidate.Length < 20 || candidate.Contains("://", StringComparison.Ordinal)) continue;
            return Shorten(candidate);
        }
        if (tokens.IsDefaultOrEmpty) return null;
        var all = text.AsSpan().Trim();
        return all.Length == 0 ? null : Shorten(all);
    }

    private static string Shorten(ReadOnlySpan<char> text)
    {
        const int limit = 90;
        if (text.Length <= limit) return text.ToString();
        int cut = text[..limit].LastIndexOf(' ');
        return string.Concat(text[..(cut > 40 ? cut : limit)], "…");
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = Math.Min(word.Length, buffer.Length);
        int written = 0;
        for (int i = 0; i < n; i++)
        {
            char c = word[i];
            // Typographic apostrophes become plain ones so "Russia’s" and "Russia's" meet.
            buffer[written++] = c == '’' ? '\'' : char.ToLowerInvariant(c);
        }
        return buffer[..written];
    }

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> word)
    {
        if (word.Length > 2 && (word[^1] == 's' || word[^1] == 'S') && (word[^2] == '\'' || word[^2] == '’')) return word[..^2];
        return word;
    }

    /// <summary>Light English stemming: possessives and regular plurals only, so it never conflates unrelated words.</summary>
    /// <remarks>"casualties" and "casualty" both become "casualti"; the word is rewritten in place.</remarks>
    private static ReadOnlySpan<char> Stem(Span<char> word)
    {
        if (word.Length > 2 && word[^1] == 's' && word[^2] == '\'') word = word[..^2];
        if (word.Length > 4 && word.EndsWith("ies"))
        {
            word[^3] = 'i';
            return word[..^2];
        }
        if (word.Length > 3 && word[^1] == 'y')
        {
            word[^1] = 'i';
            return word;
        }
        if (word.Length > 4 && word.EndsWith("sses")) return word[..^2];
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i')) return word[..^1];
        return word;
    }
}
