using System.IO.Compression;
using System.Text;

namespace Crosscheck.Language;

/// <summary>
/// Tells which language a text is in: script first (Hangul means Korean, kana Japanese, Han alone
/// Chinese, ...), then, among the languages written in the text's main script, character n-gram
/// profiles scored as a naive-Bayes-like sum, plus letters a language never uses (Ukrainian і ї є ґ
/// against Russian ы э ъ ё, Belarusian ў, Persian پ چ ژ گ against Arabic) as evidence against it.
/// Immutable and thread-safe; allocation-free per call.
/// </summary>
/// <remarks>
/// Each n-gram of a profile gets a weight that falls with its rank (Zipf: log((N + K) / (rank + K)));
/// an n-gram absent from a profile scores 0 for it, so a language is rewarded for the frequent
/// n-grams of the text it shares. Texts longer than <see cref="MaxAnalyzedChars"/> are sampled in
/// evenly spaced windows so time stays bounded on a 1 MB line.
/// </remarks>
public sealed class LanguageIdentifier
{
    /// <summary>Longest stretch read in full; longer texts are read in <see cref="SampleWindows"/> windows.</summary>
    public const int MaxAnalyzedChars = 16_384;

    private const int SampleWindows = 4;

    /// <summary>Fewer letters than this in the main script (alphabetic scripts) gives "und".</summary>
    private const int MinLetters = 12;

    /// <summary>For Han, kana and Hangul one character carries about a syllable or a word.</summary>
    private const int MinIdeographicLetters = 4;

    private const double IdeographicLetterWeight = 3;

    /// <summary>The main script must hold this share of the letters, or the text counts as mixed.</summary>
    private const double MinScriptShare = 0.6;

    /// <summary>Below this the best guess is reported as the runner-up of "und".</summary>
    private const double MinConfidence = 0.5;

    /// <summary>Letters at which the length damping reaches 1 - 1/e.</summary>
    private const double LengthScale = 25;

    /// <summary>
    /// Overlapping n-grams of orders 1-5 repeat the same evidence about five times, so score gaps
    /// are divided by this before they become probabilities.
    /// </summary>
    private const double Temperature = 5;

    /// <summary>Zipf smoothing: weight = log((N * AbsentRankFactor + RankSmoothing) / (rank + RankSmoothing)).</summary>
    private const double RankSmoothing = 50;

    /// <summary>
    /// Where an absent n-gram would rank, as a multiple of the profile size N: far enough below
    /// the last kept n-gram that being in a profile at all counts.
    /// </summary>
    private const double AbsentRankFactor = 4;

    /// <summary>Log-odds against a language per occurrence of a letter its alphabet lacks.</summary>
    private const double ForeignLetterPenalty = 10;

    private const int ForeignTableStart = 0x00C0;
    private const int ForeignTableEnd = 0x0700;

    private static readonly Lazy<LanguageIdentifier> DefaultInstance = new(LoadEmbedded);

    private readonly Profile[] _profiles;
    private readonly NgramTable _entryByHash;
    private readonly int[] _postingStart;
    private readonly short[] _postingProfile;
    private readonly float[] _postingWeight;
    private readonly int[]?[] _foreignProfilesByChar;
    private readonly SlavicLetterEvidence _slavicLetters;
    private readonly Dictionary<ulong, int[]> _functionWordProfiles;

    private LanguageIdentifier(Profile[] profiles, Dictionary<ulong, int> entryByHash, int[] postingStart, short[] postingProfile, float[] postingWeight)
    {
        _profiles = profiles;
        _entryByHash = new NgramTable(entryByHash);
        _postingStart = postingStart;
        _postingProfile = postingProfile;
        _postingWeight = postingWeight;
        _foreignProfilesByChar = BuildForeignLetterTable(profiles);
        _slavicLetters = new SlavicLetterEvidence(profiles.Select(p => p.Code).ToArray());
        _functionWordProfiles = BuildFunctionWordTable(profiles);
    }

    /// <summary>The languages the loaded profiles cover (ISO 639-1), sorted.</summary>
    public IReadOnlyList<string> Languages => _profiles.Select(p => p.Code).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The table shipped inside the library (built by <see cref="LanguageProfileBuilder"/>); loaded once and shared.</summary>
    public static LanguageIdentifier LoadDefault() => DefaultInstance.Value;

    /// <summary>Loads a table written by <see cref="LanguageProfileBuilder.Build"/>.</summary>
    public static LanguageIdentifier LoadFromFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a gzip'd profile table from a stream.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a table.</exception>
    public static LanguageIdentifier Load(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var profiles = new List<Profile>();
        var postings = new Dictionary<ulong, List<(short Profile, float Weight)>>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 4 || !Enum.TryParse<WritingScript>(fields[2], out var script))
            {
                throw new InvalidDataException($"Not a language profile line (want code, profile, script, n-grams): '{Truncate(line)}'.");
            }
            var index = (short)profiles.Count;
            profiles.Add(new Profile(fields[0], fields[1], script));
            var ngrams = fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var size = ngrams.Length;
            for (var rank = 0; rank < ngrams.Length; rank++)
            {
                var hash = NgramHashing.Hash(ngrams[rank]);
                if (!postings.TryGetValue(hash, out var list)) postings[hash] = list = [];
                list.Add((index, (float)Math.Log((size * AbsentRankFactor + RankSmoothing) / (rank + RankSmoothing))));
            }
        }
        if (profiles.Count == 0) throw new InvalidDataException("The language profile table is empty.");

        var entryByHash = new Dictionary<ulong, int>(postings.Count);
        var postingStart = new int[postings.Count + 1];
        var total = postings.Values.Sum(l => l.Count);
        var postingProfile = new short[total];
        var postingWeight = new float[total];
        var next = 0;
        foreach (var (hash, list) in postings)
        {
            var entry = entryByHash.Count;
            entryByHash[hash] = entry;
            postingStart[entry] = next;
            foreach (var (profile, weight) in list)
            {
                postingProfile[next] = profile;
                postingWeight[next] = weight;
                next++;
            }
        }
        postingStart[postings.Count] = next;
        return new LanguageIdentifier([.. profiles], entryByHash, postingStart, postingProfile, postingWeight);
    }

    /// <summary>Returns <paramref name="article"/> with <see cref="Article.Language"/> and its confidence set from its text.</summary>
    public Article WithLanguage(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var guess = Identify(article.Text);
        return article with { Language = guess.Code, LanguageConfidence = guess.Confidence };
    }

    /// <summary>
    /// Identifies the language of <paramref name="text"/>. Never throws; text with too few letters,
    /// no dominant script, or a script none of the profiles covers gives "und".
    /// </summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text) => Identify(text, MaxAnalyzedChars);

    /// <summary>
    /// As <see cref="Identify(ReadOnlySpan{char})"/>, reading at most about
    /// <paramref name="maxAnalyzedChars"/> characters (in evenly spaced windows when the text is
    /// longer): a few thousand characters settle the language of a whole article.
    /// </summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text, int maxAnalyzedChars)
    {
        Span<Range> windows = stackalloc Range[SampleWindows];
        var windowCount = ChooseWindows(text, windows, Math.Max(maxAnalyzedChars, SampleWindows * 64));

        Span<int> scriptCounts = stackalloc int[WritingScripts.Count];
        CountScripts(text, windows[..windowCount], scriptCounts);

        var dominant = DominantScript(scriptCounts, out var dominantLetters, out var allLetters);
        if (dominant == WritingScript.None) return LanguageGuess.Unknown;
        var ideographic = dominant is WritingScript.Han or WritingScript.Kana or WritingScript.Hangul;
        var effectiveLetters = ideographic ? dominantLetters * IdeographicLetterWeight : dominantLetters;
        var lengthFactor = 1 - Math.Exp(-effectiveLetters / LengthScale);
        var share = (double)dominantLetters / allLetters;

        Span<double> scores = stackalloc double[_profiles.Length];
        scores.Clear();
        var candidates = 0;
        for (var p = 0; p < _profiles.Length; p++)
        {
            if (_profiles[p].Script == dominant) candidates++;
        }
        if (candidates == 0) return new LanguageGuess(LanguageGuess.Undetermined, 0);

        if (HasSeveralCodes(dominant))
        {
            ScoreAll(text, windows[..windowCount], dominant, scores);
        }

        var best = -1;
        for (var p = 0; p < _profiles.Length; p++)
        {
            if (_profiles[p].Script == dominant && (best < 0 || scores[p] > scores[best])) best = p;
        }
        var bestCode = _profiles[best].Code;
        double bestMass = 0, total = 0;
        var runnerUp = -1;
        for (var p = 0; p < _profiles.Length; p++)
        {
            if (_profiles[p].Script != dominant) continue;
            var mass = Math.Exp((scores[p] - scores[best]) / Temperature);
            total += mass;
            if (_profiles[p].Code == bestCode) bestMass += mass;
            else if (runnerUp < 0 || scores[p] > scores[runnerUp]) runnerUp = p;
        }
        var confidence = bestMass / total * lengthFactor;
        var runnerUpCode = runnerUp < 0 ? LanguageGuess.Undetermined : _profiles[runnerUp].Code;
        var runnerUpConfidence = 0.0;
        if (runnerUp >= 0)
        {
            for (var p = 0; p < _profiles.Length; p++)
            {
                if (_profiles[p].Script == dominant && _profiles[p].Code == runnerUpCode) runnerUpConfidence += Math.Exp((scores[p] - scores[best]) / Temperature);
            }
            runnerUpConfidence = runnerUpConfidence / total * lengthFactor;
        }

        var tooShort = dominantLetters < (ideographic ? MinIdeographicLetters : MinLetters);
        if (tooShort || share < MinScriptShare || confidence < MinConfidence)
        {
            // Mixed or short: keep the best guess visible, with its confidence scaled by the script share.
            return new LanguageGuess(LanguageGuess.Undetermined, 0, bestCode, Math.Min(confidence * share, MinConfidence - 0.01));
        }
        return new LanguageGuess(bestCode, confidence, runnerUpCode, runnerUpConfidence);
    }

    /// <summary>Raw scores of every profile of the text's main script, best first: for explaining a decision.</summary>
    internal IReadOnlyList<(string Profile, double Score)> Explain(ReadOnlySpan<char> text)
    {
        Span<Range> windows = stackalloc Range[SampleWindows];
        var windowCount = ChooseWindows(text, windows, MaxAnalyzedChars);
        Span<int> scriptCounts = stackalloc int[WritingScripts.Count];
        CountScripts(text, windows[..windowCount], scriptCounts);
        var dominant = DominantScript(scriptCounts, out _, out _);
        var scores = new double[_profiles.Length];
        ScoreAll(text, windows[..windowCount], dominant, scores);
        return Enumerable.Range(0, _profiles.Length)
            .Where(p => _profiles[p].Script == dominant)
            .Select(p => (_profiles[p].Name, scores[p]))
            .OrderByDescending(x => x.Item2)
            .ToArray();
    }

    /// <summary>Letters per script in the windows; script-neutral marks are not counted.</summary>
    private static void CountScripts(ReadOnlySpan<char> text, ReadOnlySpan<Range> windows, Span<int> counts)
    {
        counts.Clear();
        foreach (var window in windows)
        {
            var part = text[window];
            for (var i = 0; i < part.Length; i++)
            {
                var c = part[i];
                if (!WritingScripts.IsWordChar(c)) continue;
                if (IsUrlStart(part, i))
                {
                    i = EndOfUrl(part, i) - 1;
                    continue;
                }
                counts[(int)WritingScripts.Of(c)]++;
            }
        }
        counts[(int)WritingScript.None] = 0;
    }

    private bool HasSeveralCodes(WritingScript script)
    {
        string? code = null;
        foreach (var profile in _profiles)
        {
            if (profile.Script != script) continue;
            if (code is null) code = profile.Code;
            else if (code != profile.Code) return true;
        }
        return false;
    }

    /// <summary>
    /// Picks the script most letters are in. Kana among Han means Japanese and Hangul among Han
    /// Korean, so the Han characters count for those; Han alone stays Chinese.
    /// </summary>
    private static WritingScript DominantScript(ReadOnlySpan<int> counts, out int dominantLetters, out int allLetters)
    {
        allLetters = 0;
        foreach (var n in counts) allLetters += n;
        dominantLetters = 0;
        if (allLetters == 0) return WritingScript.None;

        var han = counts[(int)WritingScript.Han];
        var kana = counts[(int)WritingScript.Kana];
        var hangul = counts[(int)WritingScript.Hangul];
        var best = WritingScript.None;
        var bestCount = 0;
        for (var s = 1; s < counts.Length; s++)
        {
            var n = counts[s];
            if (s == (int)WritingScript.Kana && kana * 10 >= kana + han) n += han;
            else if (s == (int)WritingScript.Hangul && hangul * 3 >= hangul + han) n += han;
            if (n > bestCount)
            {
                best = (WritingScript)s;
                bestCount = n;
            }
        }
        dominantLetters = bestCount;
        return best;
    }

    /// <summary>
    /// Scores the windows: n-gram occurrences are first counted per table entry, then each distinct
    /// entry's postings are added once, times its count (frequent short n-grams repeat a lot).
    /// </summary>
    private void ScoreAll(ReadOnlySpan<char> text, ReadOnlySpan<Range> windows, WritingScript dominant, Span<double> scores)
    {
        Span<int> letterCounts = stackalloc int[SlavicLetterEvidence.CountSlots];
        letterCounts.Clear();
        var tally = EntryTally.ForCurrentThread(_entryByHash.Count);
        try
        {
            foreach (var window in windows) ScoreWindow(text[window], dominant, scores, letterCounts, tally);
            for (var t = 0; t < tally.TouchedCount; t++)
            {
                var entry = tally.Touched[t];
                var count = tally.Counts[entry];
                for (var p = _postingStart[entry]; p < _postingStart[entry + 1]; p++) scores[_postingProfile[p]] += count * _postingWeight[p];
            }
        }
        finally
        {
            tally.Reset();
        }
        if (dominant == WritingScript.Cyrillic) _slavicLetters.Apply(letterCounts, scores);
    }

    /// <summary>Adds every n-gram of every word of the dominant script in <paramref name="text"/> to the profile scores.</summary>
    private void ScoreWindow(ReadOnlySpan<char> text, WritingScript dominant, Span<double> scores, Span<int> letterCounts, EntryTally tally)
    {
        var cyrillic = dominant == WritingScript.Cyrillic;
        Span<char> ring = stackalloc char[NgramHashing.MaxOrder];
        var i = 0;
        while (i < text.Length)
        {
            if (!WritingScripts.IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            if (IsUrlStart(text, i))
            {
                i = EndOfUrl(text, i);
                continue;
            }
            var start = i;
            var hasCyrillic = false;
            var hasLatin = false;
            var wordScript = WritingScript.None;
            while (i < text.Length && WritingScripts.IsWordChar(text[i]))
            {
                var s = WritingScripts.Of(text[i]);
                if (wordScript == WritingScript.None) wordScript = s;
                hasCyrillic |= s == WritingScript.Cyrillic;
                hasLatin |= s == WritingScript.Latin;
                i++;
            }
            var mapHomoglyphs = dominant == WritingScript.Cyrillic && hasCyrillic && hasLatin;
            if (!mapHomoglyphs && !BelongsTo(wordScript, dominant)) continue;

            var length = 0;
            var wordHash = NgramHashing.Offset;
            Push(NgramHashing.WordEdge, ring, ref length, tally);
            for (var k = start; k < i; k++)
            {
                var c = text[k];
                if (mapHomoglyphs && WritingScripts.Of(c) == WritingScript.Latin) c = NgramHashing.LatinHomoglyphToCyrillic(c);
                c = NgramHashing.Fold(c);
                Penalize(c, scores);
                if (cyrillic) SlavicLetterEvidence.Count(c, letterCounts);
                wordHash = NgramHashing.Step(wordHash, c);
                Push(c, ring, ref length, tally);
            }
            Push(NgramHashing.WordEdge, ring, ref length, tally);
            if (_functionWordProfiles.TryGetValue(wordHash, out var wordProfiles))
            {
                foreach (var p in wordProfiles) scores[p] += FunctionWords.Bonus;
            }
        }
    }

    /// <summary>Web addresses are Latin letters whatever the language around them, so they are skipped.</summary>
    private static bool IsUrlStart(ReadOnlySpan<char> text, int i)
    {
        if ((text[i] | 0x20) == 'h')
        {
            var rest = text[i..];
            return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        }
        return (text[i] | 0x20) == 'w' && text[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    private static int EndOfUrl(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ']' && text[i] != ')') i++;
        return i;
    }

    private static bool BelongsTo(WritingScript wordScript, WritingScript dominant) =>
        wordScript == dominant
        || (wordScript == WritingScript.Han && dominant is WritingScript.Kana or WritingScript.Hangul);

    /// <summary>Appends one character to the current word and counts the n-grams of orders 1-5 that end with it.</summary>
    private void Push(char c, Span<char> ring, ref int length, EntryTally tally)
    {
        ring[length % NgramHashing.MaxOrder] = c;
        length++;
        var maxOrder = Math.Min(length, NgramHashing.MaxOrder);
        for (var order = 1; order <= maxOrder; order++)
        {
            var hash = NgramHashing.Offset;
            for (var k = length - order; k < length; k++) hash = NgramHashing.Step(hash, ring[k % NgramHashing.MaxOrder]);
            var entry = _entryByHash.Find(hash);
            if (entry >= 0) tally.Add(entry);
        }
    }

    private void Penalize(char c, Span<double> scores)
    {
        if (c < ForeignTableStart || c >= ForeignTableEnd) return;
        var profiles = _foreignProfilesByChar[c - ForeignTableStart];
        if (profiles is null) return;
        foreach (var p in profiles) scores[p] -= ForeignLetterPenalty;
    }

    /// <summary>Whole text when short; otherwise evenly spaced windows that start at a word boundary.</summary>
    private static int ChooseWindows(ReadOnlySpan<char> text, Span<Range> windows, int budget)
    {
        if (text.Length <= budget)
        {
            windows[0] = new Range(0, text.Length);
            return 1;
        }
        var size = budget / windows.Length;
        var stride = (text.Length - size) / (windows.Length - 1);
        for (var w = 0; w < windows.Length; w++)
        {
            var start = w * stride;
            var limit = Math.Min(start + 64, text.Length);
            var s = start;
            while (w > 0 && s < limit && WritingScripts.IsWordChar(text[s])) s++;
            if (s == limit) s = start;
            windows[w] = new Range(s, Math.Min(s + size, text.Length));
        }
        return windows.Length;
    }

    /// <summary>
    /// Letters each language's alphabet lacks, where a single letter settles a close pair: South
    /// Slavic Cyrillic, Arabic against Persian and Urdu, Czech against Slovak, Swedish against
    /// Danish and Norwegian, the Ibero-Romance languages and Italian. Only languages listed here
    /// are penalised; the n-grams decide the rest.
    /// </summary>
    private static readonly (string Code, string Letters)[] ForeignLetters =
    [
        // ru, uk, be and bg letters among themselves are weighed by SlavicLetterEvidence instead.
        ("ru", "ђјљњћџѓќѕәғқңөұүһҳҷӣӯҗ"),
        ("uk", "ђјљњћџѓќѕәғқңөұүһҳҷӣӯҗ"),
        ("be", "ђјљњћџѓќѕәғқңөұүһҳҷӣӯҗ"),
        ("bg", "ђјљњћџѓќѕәғқңөұүһҳҷӣӯҗ"),
        ("sr", "йщъьяюыэёіїєґўѓќѕәғқңөұүһҳҷӣӯҗ"),
        ("mk", "йщъьяюыэёіїєґўђћәғқңөұүһҳҷӣӯҗ"),
        ("ar", "پچژگکیۀٹڈڑںےھ"),
        ("fa", "ٹڈڑںےھ"),
        ("cs", "äôĺľŕ"),
        ("sk", "řěů"),
        ("sv", "æø"),
        ("da", "äö"),
        ("nb", "äö"),
        ("nn", "äö"),
        ("es", "ãõçàèìòùâêô"),
        ("pt", "ñèìòù"),
        ("it", "ñãõçâêô"),
        ("ca", "ñãõâêô"),
        ("gl", "ãõçàèìòùâêô"),
    ];

    private static int[]?[] BuildForeignLetterTable(Profile[] profiles)
    {
        var byChar = new List<int>?[ForeignTableEnd - ForeignTableStart];
        foreach (var (code, letters) in ForeignLetters)
        {
            for (var p = 0; p < profiles.Length; p++)
            {
                if (profiles[p].Code != code) continue;
                foreach (var letter in letters) (byChar[letter - ForeignTableStart] ??= []).Add(p);
            }
        }
        return byChar.Select(l => l?.ToArray()).ToArray();
    }

    private static Dictionary<ulong, int[]> BuildFunctionWordTable(Profile[] profiles)
    {
        var table = new Dictionary<ulong, List<int>>();
        foreach (var (codes, words) in FunctionWords.Lists)
        {
            var codeList = codes.Split(' ');
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var hash = NgramHashing.Hash(word);
                for (var p = 0; p < profiles.Length; p++)
                {
                    if (!codeList.Contains(profiles[p].Code)) continue;
                    if (!table.TryGetValue(hash, out var list)) table[hash] = list = [];
                    if (!list.Contains(p)) list.Add(p);
                }
            }
        }
        return table.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static LanguageIdentifier LoadEmbedded()
    {
        var assembly = typeof(LanguageIdentifier).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("language.profiles.tsv.gz", StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"The language profile table is not embedded in {assembly.GetName().Name}: rebuild it with LanguageProfileBuilder.Build into {LanguageProfileBuilder.DefaultRelativePath}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return Load(stream);
    }

    private static string Truncate(string line) => line.Length <= 60 ? line : line[..60] + "...";

    private sealed record Profile(string Code, string Name, WritingScript Script);
}
