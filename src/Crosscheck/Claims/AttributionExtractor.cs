using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Text;
using static Crosscheck.Claims.WordClasses;

namespace Crosscheck.Claims;

/// <summary>
/// Finds attributions in one article by rules over tokens, quotes and the cue lexicon: direct quotes
/// with the speaker before, after or inside them; "X said (that) C"; "C, X said"; "X told Y (that) C";
/// "according to X, C"; "X's claim that C"; passives ("it was reported that C"). The rules are
/// bounded by the sentence (or the quote) they start in, so the time is linear in the text.
/// </summary>
public sealed class AttributionExtractor
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Aux = L(Auxiliaries);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Be = L(BeForms);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Neg = L(Negations);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Days = L(Weekdays);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeN = L(TimeNouns);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeLead = L(TimeLeads);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Stops = L(LeftStops);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Joiners = L(NounPhraseJoiners);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Dets = L(Determiners);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjPron = L(SubjectPronouns);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Objects = L(ObjectWords);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InvStops = L(InvertedSourceStops);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Cites = L(Citing);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommNouns = L(CommunicationNouns);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthNames = L(Months);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Coordination = L(Coordinators);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Labels = L(PageLabels);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fronting = L(FrontingWords);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GerundLead = L(GerundLeads);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Adverbs = L(MidAdverbs);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Locatives = L(LocativePrepositions);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = L(PersonTitles);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Quantifiers =
        L(new[] { "many", "some", "several", "all", "most", "none", "few", "both", "each", "one", "two", "three", "half", "any" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    private const int MaxSourceTokens = 16;

    /// <summary>Verbs that report speech in a title-case headline wherever they stand ("Mayor Says Pier Is Safe").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadlineSpeechVerbs =
        L(new[] { "says", "said", "tells", "told", "warns", "warned", "insists", "insisted", "denies", "denied", "admits", "admitted", "vows", "vowed" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Participles that name a noun rather than report words ("the fund, called the Harbour Trust, ...").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NamingParticiples =
        L(new[] { "called", "dubbed", "named", "nicknamed", "titled", "entitled" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Verbs of speech that never stand inside a subject noun phrase: the subject of a reported clause starts after them.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs =
        L(new[] { "say", "says", "said", "tell", "tells", "told", "adds", "added", "insists", "insisted", "admits", "admitted" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Words that open a caption, a link or a label after a colon, never a statement.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CaptionLabels =
        L(new[] { "Photo", "Photos", "Related", "Read", "Watch", "Listen", "Video", "Advertisement", "Image" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>A learned cue (not in the lexicon) needs this many training occurrences and this cue rate.</summary>
    private const int LearnedCueMinOccurrences = 10;
    private const double LearnedCueMinRate = 0.55;

    /// <summary>A lexicon form that was almost never a cue in training is not trusted alone.</summary>
    private const double LexiconCueMinRate = 0.04;

    /// <summary>
    /// A lexicon form that was a cue in at least this share of its training occurrences is never vetoed by the model. On PolNeAR
    /// dev: 0.85 finds 8 more attributions at the same precision; 0.8 and below start to cost precision ("told", "added" ...).
    /// </summary>
    private const double LexiconCueTrustedRate = 0.85;

    /// <summary>
    /// A lexicon verb the model turns down less surely than this is still a cue before a bare clause. On PolNeAR dev (F1):
    /// no floor 0.7320 (precision 0.851), -6 0.7322 (0.855), -4 0.7319, -2 0.7309, the bare-clause rule off 0.7296; the
    /// floor keeps out nouns the model is sure of ("derogatory comments the senator had made").
    /// </summary>
    private const double BareClauseVetoFloor = -6;

    private readonly CueLexicon _lexicon;

    public AttributionExtractor(CueLexicon lexicon) => _lexicon = lexicon;

    /// <summary>Attributions in text order (by cue, or content when there is no cue).</summary>
    public List<Attribution> Extract(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        var view = new TokenView(text, tokens);
        var merged = MergeBrokenSentences(view, sentences);
        if (merged.Length != sentences.Length)
        {
            tokens = Renumber(tokens, merged);
            view = new TokenView(text, tokens);
        }
        sentences = merged;
        var quotes = QuoteFinder.Find(text);
        var quoteOfToken = MapQuotes(tokens, quotes);
        var found = new List<Attribution>();
        var used = new bool[tokens.Length];
        int quoteCursor = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            while (quoteCursor < quotes.Count && quotes[quoteCursor].End <= sentence.Span.Start) quoteCursor++;
            bool quoted = quoteCursor < quotes.Count && quotes[quoteCursor].Overlaps(sentence.Span);
            if (ColonAttribution(new SentenceContext(view, first, end, quotes, quoteOfToken)) is { } headline)
            {
                // "Rubio: 'You don't win the nomination by states'", "Kerry: \"By law, ...\""
                found.Add(headline);
            }
            else if (FrontedPoll(new SentenceContext(view, first, end, quotes, quoteOfToken)) is { } poll)
            {
                found.Add(poll);
            }
            bool titleCase = IsTitleCase(view, first, end);
            for (int t = first; t < end; t++)
            {
                if (used[t] || tokens[t].Kind != TokenKind.Word) continue;
                if (IsInsideQuote(t, quoteOfToken, quotes, tokens)) continue;
                if (!TryCue(view, t, first, end, quoted, titleCase, out var cue, out int cueLast)) continue;
                var ctx = new SentenceContext(view, first, end, quotes, quoteOfToken);
                var attribution = AttributionFor(ctx, t, cueLast, cue);
                if (attribution is null) continue;
                // "X said ..., adding ..." / "X met Y and said ...": the earlier cue's speaker speaks again.
                if (attribution.Source is null && found.Count > 0 && found[^1].Source is { } previous && previous.Start >= sentence.Span.Start
                    && attribution.Kind != AttributionKind.AccordingTo)
                {
                    attribution = attribution with { Source = previous, Confidence = attribution.Confidence - 0.1 };
                }
                found.Add(attribution);
                MarkUsed(used, tokens, attribution.Source);
                for (int k = t; k <= cueLast; k++) used[k] = true;
                t = cueLast;
                // The rule may have grown the cue ("was quoted as saying"): its words are taken too.
                while (attribution.Cue is { } grown && t + 1 < end && tokens[t + 1].Span.End <= grown.End) used[++t] = true;
            }
        }
        if (_lexicon.Classifier is not null) AddNestedReports(view, sentences, quotes, quoteOfToken, used, found);
        AddSignedQuotes(view, quotes, quoteOfToken, found);
        return found;
    }

    /// <summary>
    /// "The harbour master says the ferry operator promised ...": the cue model learned from PolNeAR, which marks no
    /// attribution inside another's content, so it turns down a verb of speech near another one. The dossier needs such
    /// relayed reports, so a lexicon word inside an accepted content is asked again as if it stood alone; the claim it
    /// gives is relayed by the outer source, or dropped as a restatement when a pronoun opens it (AttributionStage).
    /// A candidate joined to an accepted cue's verb by a coordinator ("praised the crews yet refused to pay them", "first
    /// said ... and later reported ...") is the same speaker's second statement, asked again the same way.
    /// </summary>
    private void AddNestedReports(TokenView v, ImmutableArray<Sentence> sentences, List<Span> quotes, int[] quoteOfToken, bool[] used, List<Attribution> found)
    {
        int accepted = found.Count;
        if (accepted == 0) return;
        var tokens = v.Tokens;
        int quoteCursor = 0, foundCursor = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            int first = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount;
            while (quoteCursor < quotes.Count && quotes[quoteCursor].End <= sentence.Span.Start) quoteCursor++;
            bool quoted = quoteCursor < quotes.Count && quotes[quoteCursor].Overlaps(sentence.Span);
            // Attributions come in text order, so the ones whose content can hold this sentence are among the nearest few.
            while (foundCursor < accepted && (found[foundCursor].Cue ?? found[foundCursor].Content).Start < sentence.Span.Start) foundCursor++;
            int near = Math.Max(0, foundCursor - NestingWindow), far = Math.Min(accepted, foundCursor + NestingWindow);
            bool titleCase = IsTitleCase(v, first, end);
            for (int t = first; t < end; t++)
            {
                if (used[t] || tokens[t].Kind != TokenKind.Word || IsInsideQuote(t, quoteOfToken, quotes, tokens)) continue;
                var coordinatedWith = CoordinatedWith(v, t, sentence.Span.Start, found, near, far);
                bool nested = coordinatedWith is null && _lexicon.CueLookup.ContainsKey(v.Word(t)) && InsideContent(found, near, far, tokens[t].Span);
                if (coordinatedWith is null && !nested) continue;
                if (!TryCue(v, t, first, end, quoted, titleCase, out var cue, out int cueLast, alone: true,
                    vetoFloor: coordinatedWith is null ? double.PositiveInfinity : CoordinatedVetoFloor)) continue;
                var ctx = new SentenceContext(v, first, end, quotes, quoteOfToken);
                var attribution = AttributionFor(ctx, t, cueLast, cue);
                if (attribution is null) continue;
                if (attribution.Source is null && coordinatedWith?.Source is { } shared)
                    attribution = attribution with { Source = shared, Confidence = attribution.Confidence - 0.1 };
                found.Add(attribution);
                MarkUsed(used, tokens, attribution.Source);
                for (int k = t; k <= cueLast; k++) used[k] = true;
                t = cueLast;
            }
        }
        if (found.Count > accepted) found.Sort((a, b) => (a.Cue ?? a.Content).Start.CompareTo((b.Cue ?? b.Content).Start));
    }

    /// <summary>The attribution a cue found at tokens <paramref name="t"/>..<paramref name="cueLast"/> opens, by its class; null when none.</summary>
    private Attribution? AttributionFor(SentenceContext ctx, int t, int cueLast, CueEntry cue) => cue.Class switch
    {
        CueClass.Preposition => AccordingTo(ctx, t, cueLast, cue),
        CueClass.Noun => NounCue(ctx, t, cueLast, cue),
        _ => VerbCue(ctx, t, cueLast, cue),
    };

    /// <summary>
    /// A lexicon verb coordinated with an accepted cue ("first said C and later reported D") stays a cue unless the model
    /// turns it down more surely than this: the model sees only a few words around it ("and later"), not the first verb
    /// whose speaker it shares. The same floor as a verb before a bare clause.
    /// </summary>
    private const double CoordinatedVetoFloor = BareClauseVetoFloor;

    /// <summary>Adverbs that may stand between a coordinator and the second verb ("and later reported", "but then denied").</summary>
    private const int CoordinatedAdverbWindow = 2;

    /// <summary>
    /// The accepted attribution whose verb word <paramref name="t"/> is coordinated with: "and", "but" or "yet" (and at
    /// most two adverbs) right before <paramref name="t"/>, after that attribution's cue in the same sentence, and a
    /// source of its own. Null when a subject of its own stands between ("said C and crews reported").
    /// </summary>
    private static Attribution? CoordinatedWith(TokenView v, int t, int sentenceStart, List<Attribution> found, int from, int to)
    {
        if (!v.IsLowerWord(t)) return null;
        int j = t - 1, sentence = v.Tokens[t].Sentence;
        while (j >= 0 && t - 1 - j < CoordinatedAdverbWindow && v.Tokens[j].Sentence == sentence && v.IsLowerWord(j)
            && (v.In(j, Adverbs) || v.In(j, Aux) && !v.In(j, Be) || v.EndsWith(j, "ly") && v.Word(j).Length > 4) && !v.In(j, Coordination)) j--;
        if (j < 0 || v.Tokens[j].Sentence != sentence || !(v.Is(j, "and") || v.Is(j, "but") || v.Is(j, "yet"))) return null;
        int coordinator = v.Tokens[j].Span.Start;
        Attribution? nearest = null;
        for (int i = from; i < to; i++)
        {
            if (found[i].Cue is not { } cue || found[i].Source is null || cue.End > coordinator) continue;
            if (cue.Start < sentenceStart) continue;
            if (nearest is null || cue.Start > nearest.Cue!.Value.Start) nearest = found[i];
        }
        return nearest;
    }

    /// <summary>How many attributions either side of a sentence's first one <see cref="AddNestedReports"/> looks at.</summary>
    private const int NestingWindow = 24;

    private static bool InsideContent(List<Attribution> found, int from, int to, Span span)
    {
        for (int i = from; i < to; i++)
        {
            foreach (var part in found[i].AllContent) if (part.Contains(span)) return true;
        }
        return false;
    }

    /// <summary>
    /// Joins a sentence to the one before when the split cannot be a sentence end: the next part opens with a comma,
    /// a semicolon, a closing bracket, or a lower-case word on the same line after a full stop ("Johnnie Wilson, of
    /// Springfield, Va., said"), or the part before leaves a bracket open that the next part closes within a few words
    /// ("Rep. Trey Gowdy (R-S.C.) said"). The rules are bounded by sentences, so an abbreviation the splitter took for a
    /// full stop would cut a speaker from the cue. A join never grows past the splitter's own cap, so a run it cut for
    /// length stays cut and the per-sentence rules stay linear.
    /// </summary>
    internal static ImmutableArray<Sentence> MergeBrokenSentences(TokenView v, ImmutableArray<Sentence> sentences)
    {
        if (sentences.Length < 2) return sentences;
        ImmutableArray<Sentence>.Builder? merged = null;
        var current = sentences[0];
        int openBrackets = OpenBracketsAfter(v, current, 0);
        for (int s = 1; s < sentences.Length; s++)
        {
            var next = sentences[s];
            if (current.TokenCount + next.TokenCount <= SentenceSplitter.MaxSentenceTokens && ContinuesSentence(v, current, next, openBrackets))
            {
                merged ??= CopyUpTo(sentences, s - 1);
                current = new Sentence(new Span(current.Span.Start, next.Span.End), current.FirstToken, next.FirstToken + next.TokenCount - current.FirstToken);
                openBrackets = OpenBracketsAfter(v, next, openBrackets);
                continue;
            }
            merged?.Add(current);
            current = next;
            openBrackets = OpenBracketsAfter(v, current, 0);
        }
        if (merged is null) return sentences;
        merged.Add(current);
        return merged.ToImmutable();
    }

    /// <summary>The brackets still open after <paramref name="part"/>, counting on from <paramref name="open"/>.</summary>
    private static int OpenBracketsAfter(TokenView v, Sentence part, int open)
    {
        for (int k = part.FirstToken, end = Math.Min(v.Count, part.FirstToken + part.TokenCount); k < end; k++)
        {
            if (v.IsPunct(k, '(')) open++;
            else if (v.IsPunct(k, ')') && open > 0) open--;
        }
        return open;
    }

    /// <summary>
    /// The tokens with their sentence index moved to the merged sentences, so that rules reading a token's sentence
    /// ("is this word a sentence start", "is the complement in the same sentence") see the joined sentence.
    /// </summary>
    private static ImmutableArray<Token> Renumber(ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        var builder = tokens.ToBuilder();
        for (int s = 0; s < sentences.Length; s++)
        {
            for (int k = sentences[s].FirstToken, end = Math.Min(builder.Count, k + sentences[s].TokenCount); k < end; k++)
            {
                if (builder[k].Sentence != s) builder[k] = builder[k] with { Sentence = s };
            }
        }
        return builder.MoveToImmutable();
    }

    private static ImmutableArray<Sentence>.Builder CopyUpTo(ImmutableArray<Sentence> sentences, int count)
    {
        var builder = ImmutableArray.CreateBuilder<Sentence>(sentences.Length);
        for (int i = 0; i < count; i++) builder.Add(sentences[i]);
        return builder;
    }

    /// <summary>How near the next part's start a closing bracket must be to mend a split inside the bracket.</summary>
    private const int BracketCloseWindow = 5;

    private static bool ContinuesSentence(TokenView v, Sentence before, Sentence next, int openBrackets)
    {
        if (before.TokenCount == 0 || next.TokenCount == 0) return false;
        int lastBefore = before.FirstToken + before.TokenCount - 1, first = next.FirstToken;
        if (first >= v.Count || lastBefore >= v.Count) return false;
        var gap = v.Text.AsSpan(v.Tokens[lastBefore].Span.End, Math.Max(0, v.Tokens[first].Span.Start - v.Tokens[lastBefore].Span.End));
        if (gap.Contains('\n')) return false;
        if (v.IsPunct(first, ',') || v.IsPunct(first, ';') || v.IsPunct(first, ')')) return true;
        // Only terminal punctuation can be misread ("Va." an abbreviation, "'Why?' he asked"); a run the splitter cut for
        // length ends at a comma or mid-clause and stays cut.
        int stop = lastBefore;
        while (stop > before.FirstToken && (v.IsQuoteMark(stop) || v.IsPunct(stop, ')'))) stop--;
        bool terminal = v.Tokens[stop].Span.Length > 0 && v.Text[v.Tokens[stop].Span.End - 1] is '.' or '?' or '!' or '…';
        if (terminal && v.IsLowerWord(first) && v.Tokens[first].Kind == TokenKind.Word) return true;
        if (openBrackets == 0) return false;
        for (int k = first; k < Math.Min(v.Count, first + Math.Min(next.TokenCount, BracketCloseWindow)); k++)
        {
            if (v.IsPunct(k, ')')) return true;
            if (v.IsPunct(k, '(')) return false;
        }
        return false;
    }

    /// <summary>
    /// A quotation signed on its own line by a dash and a name ("... our greatest worry." — Ana Ortiz):
    /// the reader-comment and epigraph convention. The dash is the cue, the name the source.
    /// </summary>
    private static void AddSignedQuotes(TokenView v, List<Span> quotes, int[] quoteOfToken, List<Attribution> found)
    {
        int added = 0;
        for (int t = 1; t + 1 < v.Count; t++)
        {
            if (!IsDash(v, t) || !v.IsQuoteMark(t - 1)) continue;
            var gap = v.Text.AsSpan(v.Tokens[t - 1].Span.End, v.Tokens[t].Span.Start - v.Tokens[t - 1].Span.End);
            if (gap.Contains('\n')) continue;
            int last = -1;
            for (int k = t + 1; k < v.Count && k - t <= 6; k++)
            {
                if (v.Text.AsSpan(v.Tokens[k - 1].Span.End, v.Tokens[k].Span.Start - v.Tokens[k - 1].Span.End).Contains('\n')) break; // the name ends with its line
                bool initial = v.IsPunct(k, '.') && last == k - 1 && v.Word(k - 1).Length == 1;
                if (v.IsCapitalized(k) || initial) { last = k; continue; }
                break;
            }
            if (last < 0) continue;
            // The name must close its line ("— Ana Ortiz." then a new paragraph, or the end of the text).
            int after = v.Tokens[last].Span.End;
            // Pages often end the line with a no-break space after the name.
            while (after < v.Text.Length && (v.Text[after] == '.' || v.Text[after] is not ('\n' or '\r') && char.IsWhiteSpace(v.Text[after]))) after++;
            if (after < v.Text.Length && v.Text[after] is not ('\n' or '\r')) continue;
            // Mixed-up marks (”...” as some pages write them) can leave the quote unpaired: then the quote is its paragraph.
            Span quote;
            if (quoteOfToken[t - 1] >= 0 && v.Tokens[t - 1].Span.End == quotes[quoteOfToken[t - 1]].End) quote = quotes[quoteOfToken[t - 1]];
            else
            {
                int start = v.Tokens[t - 1].Span.Start;
                while (start > 0 && v.Text[start - 1] != '\n') start--;
                quote = new Span(start, v.Tokens[t - 1].Span.End);
            }
            if (quote.Length < 3 || found.Any(a => a.Content == quote)) continue;
            found.Add(new Attribution(v.Range(t + 1, last), v.Tokens[t].Span, quote, null, AttributionKind.DirectQuote, ClaimStatus.Asserted) { Confidence = 0.8 });
            added++;
        }
        if (added > 0) found.Sort((a, b) => (a.Cue ?? a.Content).Start.CompareTo((b.Cue ?? b.Content).Start));
    }

    private static bool IsDash(TokenView v, int t) => v.IsPunct(t, '—') || v.IsPunct(t, '―') || v.IsPunct(t, '–');

    private readonly record struct SentenceContext(TokenView V, int First, int End, List<Span> Quotes, int[] QuoteOfToken)
    {
        public string Text => V.Text;

        /// <summary>Last token before the sentence's terminal punctuation (and any closing quote after it).</summary>
        public int LastContentToken
        {
            get
            {
                int k = End - 1;
                while (k > First && V.Tokens[k].Kind == TokenKind.Punctuation && !IsQuoteEnd(k)) k--;
                return k;
            }
        }

        public bool IsQuoteEnd(int t) => t >= 0 && t < QuoteOfToken.Length && QuoteOfToken[t] >= 0 && V.Tokens[t].Span.End == Quotes[QuoteOfToken[t]].End;

        public bool IsQuoteStart(int t) => t >= 0 && t < QuoteOfToken.Length && QuoteOfToken[t] >= 0 && V.Tokens[t].Span.Start == Quotes[QuoteOfToken[t]].Start;
    }

    /// <summary>Words the cue decision is asked about: lexicon forms, and forms often annotated as cues in training.</summary>
    internal static bool IsCandidate(TokenView v, int t, CueLexicon lexicon) =>
        IsCandidate(v, t, lexicon, lexicon.FrequentCueHeadMinCount, lexicon.FrequentCueHeadMinShare);

    /// <summary>
    /// A form that heads a cue at least this often in training, and in at least <see cref="FrequentCueHeadMinShare"/>
    /// of its occurrences, is asked without a reported complement ("wants a wall", "blasted the plan").
    /// Both are chosen by AttributionTrainer's sweep on its held-out documents (the log of scripts/train-models.sh).
    /// </summary>
    internal const int FrequentCueHeadMinCount = 5;
    internal const double FrequentCueHeadMinShare = 0.1;

    /// <remarks>
    /// A form too rare alone is judged by its stem's family ("defending" by "defended", "defends", "defending"):
    /// PolNeAR's progressive cues ("is defending his tweets") are mostly rare forms of frequent cue verbs.
    /// </remarks>
    internal static bool IsFrequentCueHead(ReadOnlySpan<char> word, CueLexicon lexicon, int minCount, double minShare)
    {
        if (lexicon.PriorLookup.TryGetValue(word, out var own) && own.AsCueHead >= minCount) return own.AsCueHead >= minShare * own.Occurrences;
        return lexicon.FamilyPriorLookup.TryGetValue(CueClassifier.Stem(word), out var family)
            && family.AsCueHead >= minCount && family.AsCueHead >= minShare * family.Occurrences;
    }

    internal static bool IsCandidate(TokenView v, int t, CueLexicon lexicon, int frequentHeadMinCount, double frequentHeadMinShare)
    {
        if (v.Tokens[t].Kind != TokenKind.Word) return false;
        var word = v.Word(t);
        if (lexicon.CueLookup.TryGetValue(word, out var entries)) return entries.Any(e => !e.Form.Contains(' '));
        // Learned cues are content words: "to", "in", "has" head PolNeAR cues ("to focus on") but say nothing alone.
        if (word.Length < 4 || v.In(t, Aux) || v.In(t, Stops) || v.In(t, Dets) || v.In(t, Joiners) || v.In(t, SubjPron)) return false;
        // Every other lower-case content word is asked: PolNeAR's cues are any verb or noun of saying, thinking,
        // wanting or acting on a view ("vowed", "hopes", "blasted"), far beyond a lexicon; the model decides from context.
        // A word the lexicon does not know is only asked when what a report carries follows it: action verbs
        // ("amended the bill", "blocked the road") are no claims, and this also spares scoring most words.
        // Forms PolNeAR often annotates as cue heads are asked with a plain object too ("wants a wall").
        return v.IsLowerWord(t) && !v.In(t, Be) && !v.In(t, Neg) && !v.In(t, MonthNames) && !v.In(t, Coordination)
            && (HasReportComplement(v, t) || IsFrequentCueHead(word, lexicon, frequentHeadMinCount, frequentHeadMinShare));
    }

    /// <summary>
    /// Whether what a report carries stands by word <paramref name="t"/>: a that-clause (not "so ... that",
    /// "such ... that", nor a relative "that" after an object or before a verb), "to" and a verb, a colon,
    /// a wh-word, or a quote right before or shortly after it.
    /// </summary>
    internal static bool HasReportComplement(TokenView v, int t)
    {
        int sentence = v.Tokens[t].Sentence;
        bool Same(int k) => k >= 0 && k < v.Count && v.Tokens[k].Sentence == sentence;
        // '"We will win," vowed the mayor': the quote is the content.
        if (Same(t - 1) && v.IsQuoteMark(t - 1) || Same(t - 2) && v.IsPunct(t - 1, ',') && v.IsQuoteMark(t - 2)) return true;
        // '"We will win," the mayor remarked.': a verb closing the sentence a quote opened reports that quote.
        if ((!Same(t + 1) || v.IsPunct(t + 1, '.')) && ClosesQuotedSentence(v, t)) return true;
        if (!Same(t + 1)) return false;
        if (v.Is(t + 1, "to")) return Same(t + 2) && v.IsLowerWord(t + 2) && !v.In(t + 2, Dets) && !v.In(t + 2, Stops);
        if (v.IsPunct(t + 1, ':') || v.In(t + 1, WhWords)) return true;
        for (int d = 1; d <= 4 && Same(t + d); d++)
        {
            int k = t + d;
            if (v.IsQuoteMark(k)) return true;
            if (v.Is(k, "so") || v.Is(k, "such")) return false; // "so that", "so fast that": purpose or degree
            if (v.Is(k, "that"))
            {
                // "approved the plan that would cut taxes", "an interview that aired": a relative clause.
                if (Same(k + 1) && (v.In(k + 1, Aux) || v.IsLowerWord(k + 1) && v.EndsWith(k + 1, "ed") && !v.In(k + 1, Dets))) return false;
                for (int j = t + 1; j < k; j++)
                    if (v.In(j, Dets)) return false;
                return true;
            }
            if (v.Tokens[k].Kind == TokenKind.Punctuation) return false;
        }
        return false;
    }

    /// <summary>Whether a quote closes at most five words before <paramref name="t"/>, with only its speaker between ('"...," the senator t').</summary>
    private static bool ClosesQuotedSentence(TokenView v, int t)
    {
        int sentence = v.Tokens[t].Sentence;
        for (int k = t - 1; k >= 0 && t - k <= 6 && v.Tokens[k].Sentence == sentence; k--)
        {
            if (v.IsQuoteMark(k)) return k < t - 1 && (v.IsPunct(k - 1, ',') || v.IsPunct(k - 1, '?') || v.IsPunct(k - 1, '!') || v.IsPunct(k + 1, ','));
            if (!v.IsWord(k) && !v.IsPunct(k, ',')) return false;
        }
        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WhWords =
        L(new[] { "whether", "if", "how", "why", "what" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <param name="alone">Ask the cue model as if no verb of speech stood near (see <see cref="AddNestedReports"/>).</param>
    /// <param name="vetoFloor">A lexicon word the model turns down less surely than this stays a cue.</param>
    private bool TryCue(TokenView v, int t, int sentenceFirst, int sentenceEnd, bool quoteInSentence, bool titleCase, out CueEntry cue, out int last,
        bool alone = false, double vetoFloor = double.PositiveInfinity)
    {
        cue = null!;
        last = t;
        var word = v.Word(t);
        bool hasPrior = _lexicon.PriorLookup.TryGetValue(word, out var prior) && prior.Occurrences >= LearnedCueMinOccurrences;
        var classifier = _lexicon.Classifier;
        if (_lexicon.CueLookup.TryGetValue(word, out var entries))
        {
            foreach (var entry in entries)
            {
                if (entry.Form.Contains(' '))
                {
                    var parts = entry.Form.Split(' ');
                    int k = t;
                    bool match = true;
                    for (int p = 1; p < parts.Length && match; p++)
                    {
                        k++;
                        match = k < sentenceEnd && v.Is(k, parts[p]);
                    }
                    if (!match) continue;
                    cue = entry;
                    last = k;
                    return true;
                }
                // The learned model (trained on PolNeAR's broad notion of attribution) may veto plain reporting
                // words ("show", "call", "said" as an adjective); never the status-bearing ones, whose status matters most.
                if (classifier is not null)
                {
                    // ... and only forms it saw in training: about an unseen form ("affirmed") it knows nothing.
                    // ... nor forms that were a cue almost everywhere in training ("said", "noted", "wrote"): there a veto is the model's
                    // noise (a quote later in the sentence, an unusual neighbour), not a reading other than a report.
                    // ... and a clause without "that" after a plain verb ("a review found the agency was short of staff",
                    // "the records show he paid") overrides a weak veto: the model sees no such clause, only the next word.
                    if (entry.Status == ClaimStatus.Asserted && hasPrior && (double)prior.AsCue / prior.Occurrences < LexiconCueTrustedRate
                        && classifier.Score(v, t, sentenceFirst, _lexicon, quoteInSentence, alone) is var score && score <= classifier.VetoThreshold && score <= vetoFloor
                        && !(entry.Class is CueClass.Verb or CueClass.VerbFinding && score > BareClauseVetoFloor && OpensBareClause(v, t))) continue;
                }
                else if (hasPrior && (prior.AsCue + 0.5) / (prior.Occurrences + 1.0) < LexiconCueMinRate)
                {
                    continue;
                }
                // "Zelensky's claim" is a noun; "he's claiming" is "he is claiming".
                bool contractedVerb = (v.Is(t - 1, "'s") || v.Is(t - 1, "’s")) && v.In(t - 2, SubjPron)
                    || v.EndsWith(t - 1, "'s") && v.Word(t - 1).Length > 2 && IsPronounContraction(v.Word(t - 1))
                    || v.EndsWith(t - 1, "’s") && v.Word(t - 1).Length > 2 && IsPronounContraction(v.Word(t - 1));
                bool nounContext = !contractedVerb && (v.In(t - 1, Dets) && !IsVerbAfterQuantifierSubject(v, t) || v.EndsWith(t - 1, "'s") || v.EndsWith(t - 1, "’s"));
                if (entry.Class == CueClass.Noun)
                {
                    if (!nounContext && !(v.Is(t + 1, "that") && v.IsLowerWord(t - 1) && !v.In(t - 1, Aux))) continue;
                }
                else if (nounContext && !v.Is(t - 1, "that"))
                {
                    continue; // "the alleged attack", "the said document": an adjective or noun, not a verb
                }
                else if (v.EndsWith(t, "s") && v.Is(t + 1, "of") && !v.Is(t, "says"))
                {
                    continue; // "previous claims of 1,400 square kilometres", "reports of troops": a plural noun ("says" never is one)
                }
                // A capitalised verb mid-sentence is a name ("Washington Post", "Ask"): not a cue.
                // In a title-case headline ("Port Will Reopen, Harbour Master Says") every word is capitalised: there a
                // verb of speech, a cue closing the headline, or a verb before a quote or a colon ("Calls Her 'A Disgrace'")
                // is still a cue; "Claims Record Year", "Calls For Calm", "Reported Missing" are no reports.
                if (entry.Class != CueClass.Noun && char.IsUpper(v.First(t)) && !IsSentenceStart(v, t)
                    && !(titleCase && (v.In(t, HeadlineSpeechVerbs) || ClosesSentence(v, t, sentenceEnd)
                        || (v.EndsWith(t, "s") || v.EndsWith(t, "ed")) && QuoteOrColonFollows(v, t, sentenceEnd)))) continue;
                cue = entry;
                return true;
            }
            return false;
        }
        bool learned = classifier is not null
            ? v.IsLowerWord(t) && IsCandidate(v, t, _lexicon) && classifier.Score(v, t, sentenceFirst, _lexicon, quoteInSentence, alone) > classifier.Threshold
            : hasPrior && (double)prior.AsCueHead / prior.Occurrences >= LearnedCueMinRate && v.IsLowerWord(t);
        if (learned)
        {
            // After a determiner or a possessive the learned word is a noun ("his belief that", "the fear that").
            bool noun = v.In(t - 1, Dets) && !IsVerbAfterQuantifierSubject(v, t) || v.EndsWith(t - 1, "'s") || v.EndsWith(t - 1, "’s");
            cue = new CueEntry(word.ToString(), word.ToString(), noun ? CueClass.Noun : CueClass.Verb, ClaimStatus.Asserted, Learned: true);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the words from <paramref name="k"/> open a phrase ("to the magazine", "of the plan", "as he left"), not
    /// a reported clause, an infinitive ("to comment") nor a question ("if it was fair").
    /// </summary>
    private static bool IsPhraseNotClause(TokenView v, int k) =>
        (v.In(k, Stops) || v.Is(k, "of")) && !v.Is(k, "that") && !IsQuestionOpener(v, k)
        && !(v.Is(k, "to") && v.IsLowerWord(k + 1) && !v.In(k + 1, Dets));

    /// <summary>
    /// "Some note that C", "many believe the levy is fair": a plural quantifier standing alone is the subject, and the word
    /// after it a verb when what a report carries follows. "some notes", "many reports of", "several calls" stay nouns.
    /// </summary>
    internal static bool IsVerbAfterQuantifierSubject(TokenView v, int t) =>
        v.In(t - 1, PluralQuantifiers) && !v.Is(t - 2, "of") && v.IsLowerWord(t) && !v.EndsWith(t, "s")
        && (HasReportComplement(v, t) || OpensBareClause(v, t));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PluralQuantifiers =
        L(new[] { "some", "many", "several", "few" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a clause without "that" follows word <paramref name="t"/>: a personal pronoun and a lower-case word
    /// ("show he paid"), or a name or determiner phrase of at most five words and a finite auxiliary ("found the agency was").
    /// </summary>
    internal static bool OpensBareClause(TokenView v, int t)
    {
        int sentence = v.Tokens[t].Sentence;
        bool Same(int k) => k < v.Count && v.Tokens[k].Sentence == sentence;
        int first = t + 1;
        if (!Same(first)) return false;
        if (v.In(first, SubjPron)) return !v.Is(first, "it") && !v.Is(first, "who") && Same(first + 1) && v.IsLowerWord(first + 1);
        if (!v.IsCapitalized(first) && !v.In(first, Dets)) return false;
        for (int k = first + 1; Same(k) && k - first <= 5; k++)
        {
            if (!v.IsWord(k)) return false;
            if (v.In(k, Finite)) return true;
        }
        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Finite = L(new[]
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    private static bool IsPronounContraction(ReadOnlySpan<char> word)
    {
        var stem = word[..^2];
        return stem.Equals("he", StringComparison.OrdinalIgnoreCase) || stem.Equals("she", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("it", StringComparison.OrdinalIgnoreCase) || stem.Equals("who", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("that", StringComparison.OrdinalIgnoreCase) || stem.Equals("there", StringComparison.OrdinalIgnoreCase);
    }

    private const int HeadlineObjectWindow = 8;

    private static bool QuoteOrColonFollows(TokenView v, int t, int sentenceEnd)
    {
        for (int k = t + 1; k < sentenceEnd && k - t <= HeadlineObjectWindow; k++)
        {
            if (v.IsQuoteMark(k) || v.IsPunct(k, ':') || v.IsPunct(k, '‘') || v.IsPunct(k, '\'')) return true;
        }
        return false;
    }

    /// <summary>Whether tokens <paramref name="first"/> to <paramref name="last"/> are only words with no auxiliary: a phrase, no clause.</summary>
    private static bool IsBarePhrase(TokenView v, int first, int last)
    {
        for (int k = first; k <= last; k++)
        {
            if (!v.IsWord(k) || v.In(k, Aux)) return false;
        }
        return true;
    }

    private static bool ClosesSentence(TokenView v, int t, int sentenceEnd)
    {
        int k = t + 1;
        while (k < sentenceEnd && v.Tokens[k].Kind == TokenKind.Punctuation) k++;
        return k >= sentenceEnd;
    }

    /// <summary>A headline set in title case: at least four words, seven in ten of them capitalised.</summary>
    private static bool IsTitleCase(TokenView v, int first, int end)
    {
        int words = 0, capitalised = 0;
        for (int k = first; k < end; k++)
        {
            if (v.Tokens[k].Kind != TokenKind.Word) continue;
            words++;
            if (char.IsUpper(v.First(k))) capitalised++;
        }
        return words >= 4 && capitalised * 10 >= words * 7;
    }

    private static bool IsSentenceStart(TokenView v, int t) =>
        t == 0 || v.Tokens[t - 1].Sentence != v.Tokens[t].Sentence || v.IsQuoteMark(t - 1) && (t < 2 || v.Tokens[t - 2].Sentence != v.Tokens[t].Sentence);

    private Attribution? VerbCue(SentenceContext c, int cue, int cueLast, CueEntry entry)
    {
        var v = c.V;
        // "The fund, called the Harbour Trust, will ...": a naming participle between commas names its noun; nobody speaks.
        if (v.IsPunct(cue - 1, ',') && v.In(cue, NamingParticiples) && v.IsLowerWord(cue) && IsNameBeforeComma(c, cue + 1)) return null;
        // "It is worth noting that C": the writer's own aside; "worth" is no speaker.
        if (v.Is(cue - 1, "worth") && v.EndsWith(cue, "ing")) return null;
        // Left: auxiliaries and adverbs between subject and cue, negation, passive voice.
        int j = cue - 1;
        bool negated = false, passive = false, byAgent = false;
        while (j >= c.First)
        {
            bool contracted = v.EndsWith(j, "n't") || v.EndsWith(j, "n’t");
            if (v.In(j, Aux) || contracted || (v.IsLowerWord(j) && v.EndsWith(j, "ly") && v.Word(j).Length > 4) || v.In(j, Adverbs) && v.IsLowerWord(j) && j > c.First && v.IsWord(j - 1) && !v.In(j - 1, Coordination)
                && (!v.Is(j, "yet") || v.In(j - 1, Aux) || v.In(j - 1, Neg)))
            {
                if (v.In(j, Neg) || contracted) negated = true;
                if (j == cue - 1 && v.In(j, Be)) passive = true;
                if (v.In(j, Be) && j < cue - 1 && (v.In(cue - 1, Aux) || v.EndsWith(cue - 1, "ly"))) passive = passive || v.In(j, Be);
                j--;
                continue;
            }
            if (v.In(j, Days) && j > c.First && v.Is(j - 1, "on")) { j -= 2; continue; }
            if (v.In(j, Days)) { j--; continue; }
            // "X on Dec. 16 reported", "X on 16 December said", "X yesterday said": a date between subject and cue.
            if (SkipDateLeft(c, j) is int before and >= 0 && before < j) { j = before; continue; }
            // "Stumpf in a televised interview appeared to blame ...": a medium between subject and cue is no subject.
            if (SkipMediumLeft(c, j) is int beforeMedium and >= 0) { j = beforeMedium; continue; }
            break;
        }
        if (passive && !(v.EndsWith(cue, "ed") || v.Is(cue, "said") || v.Is(cue, "told") || v.Is(cue, "thought")
            || v.Is(cue, "known") || v.Is(cue, "written") || v.Is(cue, "shown") || v.Is(cue, "found")))
        {
            passive = false;
        }

        // "held a meeting with X and expressed ...": the subject is the first verb's, out of reach of these rules.
        bool coordinated = !passive && j >= c.First && v.In(j, Coordination);
        Span? source = null;
        int sourceFirst = -1, sourceLast = -1;
        bool inverted = false;
        // "neither confirmed nor denied the report", "would not confirm or deny that ...": one undecided answer whose cue
        // is the pair (from "neither" on); the second verb is no part of what is reported. Only opposite answers pair:
        // "would not say or suggest" and "did not confirm or comment on" are two verbs, the first the cue.
        int cueFirst = cue;
        if (negated && (v.Is(cueLast + 1, "nor") || v.Is(cueLast + 1, "or")) && v.IsLowerWord(cueLast + 2)
            && _lexicon.CueLookup.TryGetValue(v.Word(cueLast + 2), out var paired)
            && paired.Any(e => !e.Form.Contains(' ') && _lexicon.AreOpposites(entry.Lemma, e.Lemma)))
        {
            if (v.Is(cueLast + 1, "nor") && v.Is(cue - 1, "neither")) cueFirst = cue - 1;
            cueLast += 2;
        }
        int after = cueLast + 1;
        if (passive)
        {
            // "X was quoted as saying C", "X is reported as having said C": the passive's subject is the speaker
            // and the cue runs to the speech verb.
            int speech = v.Is(after, "as") && v.Is(after + 1, "saying") ? after + 1
                : v.Is(after, "as") && v.Is(after + 1, "having") && v.Is(after + 2, "said") ? after + 2 : -1;
            if (speech > 0)
            {
                int subjectLast = j;
                while (subjectLast >= c.First && v.In(subjectLast, Be)) subjectLast--;
                int subjectFirst = NounPhraseLeft(c, subjectLast);
                if (subjectFirst >= 0)
                {
                    source = v.Range(subjectFirst, subjectLast);
                    sourceFirst = subjectFirst;
                    sourceLast = subjectLast;
                }
                cueLast = speech;
                after = speech + 1;
            }
            // "it was reported (by X) that": the grammatical subject is not the speaker.
            else if (v.Is(after, "by"))
            {
                int last = NounPhraseRight(c, after + 1);
                if (last >= after + 1)
                {
                    source = v.Range(after + 1, last);
                    sourceFirst = after + 1;
                    sourceLast = last;
                    after = last + 1;
                    byAgent = true;
                }
            }
        }
        else if (!coordinated)
        {
            int leftFirst = NounPhraseLeft(c, j);
            if (v.IsPunct(j, ',') && !v.EndsWith(cue, "ing") && AppositiveSubject(c, j) is int head and >= 0)
            {
                // "Chris Cox, who runs the NRA's lobbying arm, says ..."
                source = v.Range(head, j);
                sourceFirst = head;
                sourceLast = j;
            }
            else if (leftFirst >= 0)
            {
                source = v.Range(leftFirst, j);
                sourceFirst = leftFirst;
                sourceLast = j;
            }
            else if (j < c.First || v.IsPunct(j, ',') || v.IsQuoteMark(j) || v.IsPunct(j, ':'))
            {
                // "..." said Geoff Garin, a pollster.  /  "...," said he.
                // A participle (", citing a drone unit,") has its subject in the main clause, never after it.
                if ((v.IsCapitalized(after) || v.In(after, Dets) || v.In(after, SubjPron)) && !v.EndsWith(cue, "ing") && !v.Is(after, "that"))
                {
                    int last = InvertedSourceRight(c, after);
                    if (last >= after && IsNameLike(c, after, last))
                    {
                        source = v.Range(after, last);
                        sourceFirst = after;
                        sourceLast = last;
                        after = last + 1;
                        inverted = true;
                    }
                }
            }
        }

        // Right: addressee, time and medium phrases, a "citing ..." aside, then "that".
        int k = after;
        if (entry.Class == CueClass.Tell && !inverted) k = SkipAddressee(c, k);
        k = SkipAdjuncts(c, k);
        if (entry.Class == CueClass.VerbClause && v.Is(k, "with") && ThatAfterParty(c, k) is int that and >= 0) k = that; // "agreed with the judge that C"
        if (v.Is(k, "that")) k++;
        if (v.IsPunct(k, ':') || (v.IsPunct(k, ',') && k + 1 < c.End && c.IsQuoteStart(k + 1))) k++;
        // "said that, if elected, he would ...": an aside right after "that" opens the clause.
        else if (v.IsPunct(k, ',') && v.Is(k - 1, "that") && k + 1 < c.End && v.IsWord(k + 1)) k++;

        var status = AdjustForNegation(entry.Status, negated);
        double confidence = source is null ? 0.6 : 0.85;
        var cueSpan = v.Range(cueFirst, cueLast);
        int contentEnd = c.LastContentToken;
        bool thatClause = k > after && v.Is(k - 1, "that");
        // "The governor added:" closing its sentence: the words the colon announces are the next paragraph, however
        // many sentences it runs on.
        if (k > after && v.IsPunct(k - 1, ':') && k - 1 > contentEnd && !inverted && source is not null && ParagraphAfter(c, k - 1) is { } block)
        {
            return new Attribution(source, cueSpan, block.Content, null, block.Quoted ? AttributionKind.DirectQuote : AttributionKind.Other, status)
            {
                Confidence = confidence,
            };
        }

        // A quote right before the speaker ("C," X said / "C," said X) is the content, unless a that-clause or a quote follows the cue.
        int left = (inverted || sourceFirst < 0 ? cue : sourceFirst) - 1;
        while (left >= c.First && v.IsPunct(left, ',')) left--;
        int quoteEndToken = left < c.First ? -1 : c.IsQuoteEnd(left) ? left : c.IsQuoteEnd(left + 1) && left + 1 < cue ? left + 1 : -1;
        // “Who do they think they are?” Trump said. — the splitter ended a sentence inside the quote, before the speaker.
        // '“Sometimes we need our fix!” she said to the magazine.': a phrase after the cue is no clause either.
        if (left == c.First - 1 && left >= 0 && c.IsQuoteEnd(left) && (k > contentEnd || !v.IsWord(k) || !entry.Learned && IsPhraseNotClause(v, k))
            && !v.Text.AsSpan(v.Tokens[left].Span.End, v.Tokens[c.First].Span.Start - v.Tokens[left].Span.End).Contains('\n'))
        {
            quoteEndToken = left;
        }
        // '"The plant was profitable," adding that ...': a participle after a quote continues the quote's own cue, whose
        // speaker it shares; the quote is that cue's content, not the participle's.
        bool participleAfterQuote = source is null && !inverted && v.IsLowerWord(cue) && v.EndsWith(cue, "ing") && cue - 2 >= c.First
            && c.IsQuoteEnd(cue - 1) && v.IsPunct(cue - 2, ',') && k <= contentEnd && v.IsWord(k);
        if (participleAfterQuote) quoteEndToken = -1;
        // A clause right after the cue wins over a quote before the speaker: that quote is a title or a scare quote
        // ("on Fox's “Hannity,” Gingrich said if ..."); "said of the plan" / "said in Kyiv" is no clause.
        // "accused the host of being biased" is such a clause too: "of" and a gerund after the addressee.
        bool gerundOf = entry.Class == CueClass.Tell && v.Is(k, "of") && v.IsLowerWord(k + 1) && v.EndsWith(k + 1, "ing");
        bool clauseAfter = !inverted && k <= contentEnd && v.IsWord(k) && (!v.In(k, Stops) && !v.In(k, Aux) && !v.Is(k, "of") || gerundOf)
            && quoteEndToken >= 0 && IsShortQuote(c, c.Quotes[c.QuoteOfToken[quoteEndToken]]);
        if (quoteEndToken >= 0 && !thatClause && !clauseAfter)
        {
            var quote = c.Quotes[c.QuoteOfToken[quoteEndToken]];
            var parts = ImmutableArray.CreateBuilder<Span>();
            parts.Add(quote);
            // "A," he said, "B."  /  "A," he said. "B."
            int next = (inverted ? sourceLast : cueLast) + 1;
            if (c.IsQuoteStart(k)) parts.Add(c.Quotes[c.QuoteOfToken[k]]);
            else if (v.IsPunct(next, ',') && c.IsQuoteStart(next + 1)) parts.Add(c.Quotes[c.QuoteOfToken[next + 1]]);
            else if (ContinuationQuote(c, next) is { } continued) parts.Add(continued);
            return new Attribution(source, cueSpan, quote, null, AttributionKind.DirectQuote, status)
            {
                ContentParts = parts.Count > 1 ? parts.ToImmutable() : [],
                Confidence = confidence + 0.1,
            };
        }
        // A quote right after the cue is the content, however many sentences it runs on
        // (unless it is a short partial quote inside a longer clause: 'affirmed that "at least 30 soldiers" were hurt').
        if (c.IsQuoteStart(k) && !(IsShortQuote(c, c.Quotes[c.QuoteOfToken[k]]) && c.Quotes[c.QuoteOfToken[k]].End < v.Tokens[contentEnd].Span.Start))
        {
            var quote = c.Quotes[c.QuoteOfToken[k]];
            return new Attribution(source, cueSpan, quote, null, AttributionKind.DirectQuote, status) { Confidence = confidence + 0.1 };
        }
        // ", saying ..." and "responded by saying ...", "criticised for saying ...": the main clause's subject speaks.
        // ", perhaps recognizing ...", ", now saying ...": an adverb may stand between the comma and the participle.
        bool participle = participleAfterQuote || v.EndsWith(cue, "ing") && (v.IsPunct(cue - 1, ',') || v.In(cue - 1, GerundLead) && v.IsLowerWord(cue - 1)
            || v.In(cue - 1, Adverbs) && v.IsPunct(cue - 2, ','));
        // "Asked about the plan, the mayor said ...": a fronted passive participle reports a question put by someone unnamed;
        // its content runs to the comma before the main clause.
        // Only a verb of questioning fronts such a clause; "Expected to rise, prices climbed" reports nobody's words.
        if (source is null && cue == c.First && v.IsCapitalized(cue) && (v.Is(cue, "asked") || v.Is(cue, "pressed") || v.Is(cue, "questioned")) && !passive
            && (IsQuestionOpener(v, k) || v.Is(k, "to") && v.IsLowerWord(k + 1)))
        {
            int comma = k + 1;
            while (comma <= contentEnd && !v.IsPunct(comma, ',') && c.QuoteOfToken[comma] < 0) comma++;
            if (comma <= contentEnd && v.IsPunct(comma, ',') && comma > k)
            {
                return new Attribution(null, cueSpan, v.Range(k, comma - 1), null, AttributionKind.Other, status) { Confidence = 0.5 };
            }
        }
        // "maintained a lead", "questioned the minister", "agreed on a date" report no words; "C, X maintained." closes a report.
        bool closesReport = k > contentEnd && !inverted;
        bool commitment = false;
        if (entry.Class == CueClass.VerbClause && !thatClause && !closesReport)
        {
            commitment = v.Is(k, "to") && v.IsLowerWord(k + 1) && !v.In(k + 1, Dets) && !v.In(k + 1, Aux) && !v.In(k + 1, Objects);
            // "analysts agreed it was ...", "analysts agree the plan will fail" (not "agreed the terms": no verb follows).
            bool bareClause = v.In(k, SubjPron) && !v.Is(k, "who") && v.IsLowerWord(k + 1) && k + 1 <= contentEnd
                || k == cueLast + 1 && OpensBareClause(v, cueLast);
            if (!commitment && !bareClause) return null;
            // Agreeing to act confirms nobody's words: it is the source's own commitment.
            if (commitment) status = AdjustForNegation(ClaimStatus.Asserted, negated);
        }
        else if ((entry.Class == CueClass.VerbThat || entry.Class == CueClass.VerbClause) && !thatClause && !closesReport) return null;
        else if (entry.Class == CueClass.VerbFinding && !thatClause && !closesReport && sourceFirst >= 0 && sourceFirst == sourceLast
            && v.In(sourceFirst, SubjPron) && !v.Is(sourceFirst, "who") && !OpensBareClause(v, cueLast)) return null;
        // "could not be verified immediately" is a hedge, not an attribution; "was asked whether ..." is one.
        bool questionClause = IsQuestionOpener(v, k);
        // "X is expected / believed / said to ...": a passive report of an unnamed source's view.
        bool infinitive = passive && v.Is(k, "to") && v.IsWord(k + 1);
        if (passive && source is null && !thatClause && !questionClause && !infinitive) return null;
        if (source is null && !passive && !participle && !coordinated && !questionClause) return null; // imperative, noun or fragment: no speaker, no claim
        // "The plan was first reported by the Post.": with nothing reported after the agent, the passive's subject is what it reported.
        if (byAgent && !thatClause && !questionClause && !infinitive && !c.IsQuoteStart(k)
            && (k > contentEnd || v.Tokens[k].Kind == TokenKind.Punctuation || v.IsLowerWord(k) && v.EndsWith(k, "ing") && !v.Is(k, "saying")))
        {
            int subjectFirst = NounPhraseLeft(c, j);
            if (subjectFirst >= 0 && !(subjectFirst == j && v.In(j, SubjPron)))
            {
                return new Attribution(source, cueSpan, v.Range(subjectFirst, j), null, AttributionKind.Other, status) { Confidence = confidence - 0.1 };
            }
        }
        // "Y declared in the 1970s", "Z rejected in 2015": a bare time phrase is when, not what.
        bool adverbialOnly = !thatClause && IsTimePhraseToEnd(c, k, contentEnd);
        // "He said goodbye", "she said a prayer": what the verb takes is the act of speaking, nothing reported.
        if (!thatClause && !c.IsQuoteStart(k) && NamesSpeechAct(v, k)) return null;
        if (k <= contentEnd && k < c.End && !inverted && !adverbialOnly && (v.Tokens[k].Kind != TokenKind.Punctuation || c.IsQuoteStart(k)))
        {
            if (participle && (v.Is(cue, "citing") || v.Is(cue, "quoting")))
            {
                // ", citing information from a drone unit, that ...": the aside ends at its comma.
                int m = k;
                while (m < contentEnd && !v.IsPunct(m + 1, ',')) m++;
                contentEnd = m;
            }
            // "The company, which has denied any fault, closed the route": a non-restrictive relative clause ends at the
            // comma before the main clause's verb. A list item is no verb ("warned that roads, bridges and schools were
            // damaged"): a word followed by a comma, "and" or "or" is skipped.
            if (sourceFirst >= 0 && sourceFirst == sourceLast && (v.Is(sourceFirst, "which") || v.Is(sourceFirst, "who"))
                && v.IsPunct(sourceFirst - 1, ','))
            {
                for (int m = k + 1; m < contentEnd; m++)
                {
                    if (c.QuoteOfToken[m] >= 0) break;
                    if (v.IsPunct(m, ',') && v.IsLowerWord(m + 1) && !v.In(m + 1, Dets) && !v.In(m + 1, SubjPron) && !v.In(m + 1, Coordination)
                        && !v.In(m + 1, Stops) && !v.In(m + 1, Aux) && (v.EndsWith(m + 1, "ed") || v.EndsWith(m + 1, "s"))
                        && !v.IsPunct(m + 2, ',') && !v.Is(m + 2, "and") && !v.Is(m + 2, "or"))
                    {
                        contentEnd = m - 1;
                        break;
                    }
                }
            }
            // "He says of the mayor" and nothing more: only what the words are about, not the words.
            if (v.Is(k, "of") && (v.Is(cue, "says") || v.Is(cue, "said") || v.Is(cue, "say")) && IsBarePhrase(v, k + 1, contentEnd)) return null;
            var content = new Span(v.Tokens[k].Span.Start, v.Tokens[contentEnd].Span.End);
            bool isQuote = c.QuoteOfToken[k] >= 0 && c.Quotes[c.QuoteOfToken[k]].End >= content.End;
            // A learned cue ("attacked", "hopes") attributes a stance or act, not necessarily speech.
            var kind = isQuote ? AttributionKind.DirectQuote : entry.Learned ? AttributionKind.Other : AttributionKind.IndirectSpeech;
            return new Attribution(source, cueSpan, content, null, kind, status) { Confidence = confidence };
        }
        // Nothing after the cue and no quote before: the content is the clause before the speaker ("C, officials said.").
        if (left >= c.First && (v.IsPunct(left + 1, ',') || v.IsPunct(left + 1, '—')))
        {
            int start = c.First;
            while (start < left && v.Tokens[start].Kind == TokenKind.Punctuation) start++;
            if (start > left) return null;
            // "And yet, Clinton's aides say, Syria remains a priority": a parenthetical cue; the clause follows it.
            // "During his years in office, Obama said, most Americans came to ...": a fronted adjunct is no claim either.
            if ((left - start < 3 || v.In(start, Fronting) && v.IsCapitalized(start)) && v.IsPunct(k, ',') && k + 1 <= contentEnd && v.IsWord(k + 1))
            {
                return new Attribution(source, cueSpan, v.Range(k + 1, contentEnd), null, AttributionKind.IndirectSpeech, status)
                {
                    Confidence = confidence - 0.05,
                };
            }
            // "After hours of talks, the two sides agreed.": a verb that reports only a that-clause or closes a
            // quoted report takes no fronted adjunct or short phrase for its content.
            if ((entry.Class == CueClass.VerbThat || entry.Class == CueClass.VerbClause) && (left - start < 3 || v.In(start, Fronting))) return null;
            return new Attribution(source, cueSpan, v.Range(start, left), null, AttributionKind.IndirectSpeech, status)
            {
                Confidence = confidence - 0.05,
            };
        }
        return null;
    }

    /// <summary>Whether a name (capitalised words, numbers, "the", "of") runs from <paramref name="first"/> to a comma within a few tokens.</summary>
    private static bool IsNameBeforeComma(SentenceContext c, int first)
    {
        var v = c.V;
        bool capitalised = false;
        for (int k = first; k < c.End && k - first <= 8; k++)
        {
            if (v.IsPunct(k, ',')) return capitalised;
            if (v.IsCapitalized(k)) { capitalised = true; continue; }
            if (v.In(k, Dets) || v.Is(k, "of") || v.Tokens[k].Kind == TokenKind.Number || v.IsPunct(k, '-')) continue;
            return false;
        }
        return false;
    }

    /// <summary>The "that" after a short party phrase ("with the judge that", "with Smith that"), or -1.</summary>
    private static int ThatAfterParty(SentenceContext c, int with)
    {
        var v = c.V;
        for (int m = with + 1; m < c.End && m - with <= 6; m++)
        {
            if (v.Is(m, "that")) return m > with + 1 ? m : -1;
            if (!v.IsWord(m)) return -1;
        }
        return -1;
    }

    /// <summary>The token before a medium phrase ending at <paramref name="last"/> ("in an interview", "on Telegram", "in a televised address"), or -1.</summary>
    private static int SkipMediumLeft(SentenceContext c, int last)
    {
        var v = c.V;
        if (!v.IsWord(last) || !v.In(last, CommNouns)) return -1;
        for (int m = last - 1; m >= c.First && last - m <= 4; m--)
        {
            if (!v.IsWord(m)) return -1;
            if (v.Is(m, "in") || v.Is(m, "on") || v.Is(m, "during") || v.Is(m, "via") || v.Is(m, "through"))
                return m - 1 >= c.First && v.IsWord(m - 1) ? m - 1 : -1;
        }
        return -1;
    }

    /// <summary>The token before a date adjunct ending at <paramref name="last"/> ("on Dec. 16", "on 16 December", "yesterday"), or -1.</summary>
    private static int SkipDateLeft(SentenceContext c, int last)
    {
        var v = c.V;
        if (v.Is(last, "yesterday") || v.Is(last, "today") || v.Is(last, "earlier") || v.Is(last, "later")) return last - 1;
        int k = last;
        if (v.Tokens[k].Kind == TokenKind.Number && IsYear(v.Word(k)) && k - 1 > c.First && v.Is(k - 1, "in"))
        {
            return k - 2; // "who in 2010 said"
        }
        if (v.Tokens[k].Kind == TokenKind.Number)
        {
            // "Dec. 16", "December 16"
            k--;
            if (v.IsPunct(k, '.')) k--;
            if (!v.In(k, MonthNames)) return -1;
            k--;
        }
        else if (v.In(k, MonthNames) && k > c.First && v.Tokens[k - 1].Kind == TokenKind.Number)
        {
            k -= 2; // "16 December"
        }
        else if (v.In(k, MonthNames) && v.IsCapitalized(k) && k > c.First && v.Is(k - 1, "in"))
        {
            k--; // "Residents in March said"
        }
        else
        {
            return -1;
        }
        if (v.Is(k, "on") || v.Is(k, "in")) k--;
        return k >= c.First ? k : -1;
    }

    /// <summary>
    /// The paragraph that follows the colon at <paramref name="colon"/> (the quote that opens it, when one does, or its text to
    /// the line end), or null when the colon is not followed by one.
    /// </summary>
    private static (Span Content, bool Quoted)? ParagraphAfter(SentenceContext c, int colon)
    {
        var v = c.V;
        int first = colon + 1;
        if (first >= v.Count) return null;
        if (c.QuoteOfToken[first] >= 0 && v.Tokens[first].Span.Start == c.Quotes[c.QuoteOfToken[first]].Start)
        {
            return (c.Quotes[c.QuoteOfToken[first]], true);
        }
        if (ListItemWord(v, first) is int item) return (ListAfter(v, item), false);
        // Unquoted, the paragraph must read as a sentence, not a caption, a link or a label ("More coverage: Markets live");
        // only its first sentence is taken, since the reporter's own sentences may follow.
        if (!v.IsCapitalized(first) || v.In(first, CaptionLabels)) return null;
        int last = first, sentence = v.Tokens[first].Sentence;
        while (last + 1 < v.Count && v.Tokens[last + 1].Sentence == sentence) last++;
        for (int k = first; k <= last && k - first < 4; k++) if (v.IsPunct(k, ':')) return null;
        while (last > first && v.IsQuoteMark(last)) last--;
        if (!(v.IsPunct(last, '.') || v.IsPunct(last, '!') || v.IsPunct(last, '?'))) return null;
        return last > first ? (v.Range(first, last), false) : null;
    }

    /// <summary>The first word of a list item opening at token <paramref name="t"/> ("- 12 bridges", "2. the port"), or null.</summary>
    private static int? ListItemWord(TokenView v, int t)
    {
        if (t + 1 >= v.Count || !OpensLine(v, t)) return null;
        if (v.IsPunct(t, '-') || v.IsPunct(t, '•') || v.IsPunct(t, '*') || v.IsPunct(t, '–')) return t + 1;
        if (v.Tokens[t].Kind == TokenKind.Number && t + 2 < v.Count && (v.IsPunct(t + 1, '.') || v.IsPunct(t + 1, ')'))) return t + 2;
        return null;
    }

    private static bool OpensLine(TokenView v, int t)
    {
        int start = v.Tokens[t].Span.Start;
        return start == 0 || v.Text[start - 1] == '\n' || v.Text.AsSpan(0, start).TrimEnd(" \t").EndsWith("\n");
    }

    /// <summary>Every item of the list opening at word <paramref name="firstWord"/>, up to the first line that is no item.</summary>
    private static Span ListAfter(TokenView v, int firstWord)
    {
        int end = v.Tokens[firstWord].Span.End;
        for (int k = firstWord; k < v.Count; k++)
        {
            if (k > firstWord && OpensLine(v, k) && ListItemWord(v, k) is null) break;
            end = v.Tokens[k].Span.End;
        }
        return new Span(v.Tokens[firstWord].Span.Start, end);
    }

    /// <summary>Words that open the question a cue reports ("asked whether", "asked about").</summary>
    private static bool IsQuestionOpener(TokenView v, int k) =>
        v.Is(k, "whether") || v.Is(k, "if") || v.Is(k, "about") || v.Is(k, "why") || v.Is(k, "how")
        || v.Is(k, "what") || v.Is(k, "who") || v.Is(k, "when");

    /// <summary>
    /// Whether a lower-case speech-act word ("goodbye", "grace", "a prayer") stands at <paramref name="k"/>, after at most
    /// one determiner, and ends the phrase or goes on with a preposition ("goodbye to her staff"). A clause going on
    /// ("said prayer in schools should stay") is a report, and a capital ("said Grace Okafor") a name.
    /// </summary>
    private static bool NamesSpeechAct(TokenView v, int k)
    {
        int act = v.In(k, Dets) ? k + 1 : k;
        if (act >= v.Count || v.Tokens[act].Sentence != v.Tokens[k].Sentence || !v.IsLowerWord(act) || !v.In(act, SpeechActs)) return false;
        int next = act + 1;
        return next >= v.Count || v.Tokens[next].Sentence != v.Tokens[k].Sentence || v.Tokens[next].Kind == TokenKind.Punctuation
            || v.In(next, SpeechActFollowers);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechActFollowers =
        L(new[] { "to", "for", "with", "and", "before", "after", "at", "over", "as", "on" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechActs =
        L(ClaimResources.ReadTsv("speech-acts-en.tsv").Select(r => r[0].Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether the words from <paramref name="k"/> to <paramref name="last"/> are only a time phrase ("in 2015", "in the 1970s").</summary>
    private static bool IsTimePhraseToEnd(SentenceContext c, int k, int last)
    {
        var v = c.V;
        if (!(v.Is(k, "in") || v.Is(k, "during") || v.Is(k, "since")) || last - k > 3) return false;
        for (int m = k + 1; m <= last; m++)
        {
            if (v.Tokens[m].Kind == TokenKind.Number || v.In(m, Dets) || v.In(m, MonthNames) || v.In(m, TimeN)) continue;
            var word = v.Word(m);
            // "the 1970s", "the '80s"
            if (word.Length >= 3 && char.IsDigit(word[0]) && word[^1] == 's') continue;
            return false;
        }
        return true;
    }

    private static bool IsYear(ReadOnlySpan<char> word) =>
        word.Length == 4 && int.TryParse(word, out int year) && year is >= 1800 and <= 2199;

    /// <summary>A title or scare quote of at most four words.</summary>
    private static bool IsShortQuote(SentenceContext c, Span quote)
    {
        int words = 0;
        var text = quote.SliceOf(c.Text);
        for (int i = 1; i < text.Length; i++) if (text[i] == ' ' && text[i - 1] != ' ') words++;
        return words < 4;
    }

    /// <summary>
    /// A quote that opens the next sentence of the same paragraph and has no cue of its own
    /// continues the speaker's words ("C," she said. "More C.").
    /// </summary>
    private static Span? ContinuationQuote(SentenceContext c, int next)
    {
        var v = c.V;
        int k = next;
        while (k < c.End && v.Tokens[k].Kind == TokenKind.Punctuation && !c.IsQuoteStart(k)) k++;
        if (k >= v.Count || !c.IsQuoteStart(k)) return null;
        if (v.Text.AsSpan(v.Tokens[next - 1].Span.End, v.Tokens[k].Span.Start - v.Tokens[next - 1].Span.End).Contains('\n')) return null;
        var quote = c.Quotes[c.QuoteOfToken[k]];
        int after = quote.End;
        while (after < v.Text.Length && v.Text[after] == ' ') after++;
        if (after < v.Text.Length && v.Text[after] is ',' or ':' or ';') return null;
        if (after < v.Text.Length && char.IsLower(v.Text[after])) return null;
        return quote;
    }

    /// <summary>A sentence that opens with a short name and a colon, then what the name says.</summary>
    private static Attribution? ColonAttribution(SentenceContext c)
    {
        if (TranscriptTurn(c) is { } turn) return turn;
        var v = c.V;
        int colon = -1;
        for (int k = c.First; k < c.End && k - c.First <= 4; k++)
        {
            if (v.IsPunct(k, ':')) { colon = k; break; }
            // A speaker's name: capitalised words only ("Clinton seemed irritated:" and "For example:" are not).
            if (!v.IsCapitalized(k) || v.In(k, Stops) || c.QuoteOfToken[k] >= 0) return null;
        }
        if (colon <= c.First || !(v.IsCapitalized(c.First) || v.In(c.First, Dets))) return null;
        if (v.In(colon - 1, Labels)) return null; // "Cover photo:", "Editor's note:", "Read more:"
        // A label rather than a speaker ("UPDATE:", "Note:", "Photo:") is one all-capital or one generic word.
        if (colon == c.First + 1 && (IsAllCaps(v.Word(c.First)) || v.Word(c.First).Length < 3)) return null;
        int start = colon + 1, end = c.LastContentToken;
        if (start > end) return null;
        if (!c.IsQuoteStart(start) && end - start < 4) return null; // "Christie: A closing surge" is a heading
        var content = c.IsQuoteStart(start) ? c.Quotes[c.QuoteOfToken[start]] : v.Range(start, end);
        return new Attribution(v.Range(c.First, colon - 1), v.Tokens[colon].Span, content, null,
            c.IsQuoteStart(start) ? AttributionKind.DirectQuote : AttributionKind.Other, ClaimStatus.Asserted) { Confidence = 0.5 };
    }

    /// <summary>
    /// An interview transcript turn: a paragraph that opens (perhaps after a quote mark) with an all-capital
    /// speaker name and a colon ("HOST: Welcome back."). The turn runs to the end of its paragraph.
    /// </summary>
    private static Attribution? TranscriptTurn(SentenceContext c)
    {
        var v = c.V;
        int name = v.IsQuoteMark(c.First) ? c.First + 1 : c.First;
        if (name + 2 >= c.End || !v.IsWord(name) || !v.IsPunct(name + 1, ':')) return null;
        var word = v.Word(name);
        if (word.Length < 3 || !IsAllCaps(word) || !char.IsLetter(word[0]) || v.In(name, Labels)) return null;
        int lineStart = v.Tokens[c.First].Span.Start;
        while (lineStart > 0 && v.Text[lineStart - 1] is ' ' or '\t') lineStart--;
        if (lineStart > 0 && v.Text[lineStart - 1] != '\n') return null;
        int start = v.Tokens[name + 2].Span.Start;
        int end = v.Text.IndexOf('\n', start);
        if (end < 0) end = v.Text.Length;
        while (end > start && (char.IsWhiteSpace(v.Text[end - 1]) || v.Text[end - 1] is '"' or '”')) end--;
        if (end - start < 2) return null;
        return new Attribution(v.Tokens[name].Span, v.Tokens[name + 1].Span, new Span(start, end), null, AttributionKind.DirectQuote, ClaimStatus.Asserted)
        {
            Confidence = 0.7,
        };
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (char ch in word) if (char.IsLower(ch)) return false;
        return true;
    }

    private static ClaimStatus AdjustForNegation(ClaimStatus status, bool negated) => !negated ? status : status switch
    {
        ClaimStatus.Confirmed => ClaimStatus.Unverified,   // "did not confirm"
        ClaimStatus.Denied => ClaimStatus.Asserted,         // "did not deny": not a denial, not a confirmation either
        ClaimStatus.Asserted => ClaimStatus.Denied,         // "did not say", "never said"
        _ => status,
    };

    /// <summary>First token of the subject that ends at <paramref name="last"/>, or -1.</summary>
    private static int NounPhraseLeft(SentenceContext c, int last)
    {
        var v = c.V;
        if (v.IsPunct(last, ')'))
        {
            // "The intelligence services (GUR) affirmed": scan from the word before the brackets.
            int open = last - 1;
            while (open >= c.First && last - open <= 6 && !v.IsPunct(open, '(')) open--;
            if (open <= c.First || !v.IsPunct(open, '(')) return -1;
            last = open - 1;
        }
        // "the two biggest polluters, which together vowed ...": the relative pronoun stands for its antecedent.
        // After a time phrase or a verb ("resigned on Monday, which shows ...") it stands for the clause, which says nothing.
        if (last > c.First && v.Is(last, "which") && v.IsPunct(last - 1, ','))
        {
            int before = last - 2;
            bool clause = before < c.First || v.In(before, Days) || v.In(before, MonthNames) || v.Tokens[before].Kind == TokenKind.Number
                || v.IsLowerWord(before) && v.EndsWith(before, "ed");
            return clause ? -1 : last;
        }
        // "the families, many of whom say ...": a quantified relative pronoun.
        if (last - 2 >= c.First && (v.Is(last, "whom") || v.Is(last, "which")) && v.Is(last - 1, "of")
            && v.In(last - 2, Quantifiers)) return last - 2;
        if (last < c.First || !v.IsWord(last) || v.In(last, Stops) || c.QuoteOfToken[last] >= 0
            || v.Tokens[last].Kind == TokenKind.Number || v.In(last, MonthNames)) return -1;
        if (v.Is(last, "who")) return last;
        int first = last;
        int k = last - 1;
        while (k >= c.First && last - k < MaxSourceTokens)
        {
            if (c.QuoteOfToken[k] >= 0 && !v.IsQuoteMark(k)) break;
            if (v.Tokens[k].Kind == TokenKind.Number || v.In(k, MonthNames)) break;
            if (v.IsWord(k))
            {
                if (v.In(k, Aux) && !v.EndsWith(k, "s") || v.Is(k, "is") || v.Is(k, "was") || v.Is(k, "has")) break;
                if (v.In(k, Locatives) && k < last && IsLocativeInSubject(c, k, last))
                {
                    k--;
                    continue;
                }
                if (v.In(k, Stops) || v.Is(k, "who") || v.Is(k, "and") && !v.IsCapitalized(k + 1) && !v.In(k + 1, Dets)) break;
                // "The aide says the mayor promised ...": a verb of speech ends the subject of the reported clause.
                if (v.IsLowerWord(k) && v.In(k, SpeechVerbs)) break;
                // A participle ends the subject ("the plan backed by officials"), unless it opens the subject right after
                // the quote the speaker signs ('"...," retired general Lloyd Newton said').
                if (v.IsLowerWord(k) && (v.EndsWith(k, "ed") || v.EndsWith(k, "ing")) && !v.In(k - 1, Dets) && k < last
                    && !(c.IsQuoteEnd(k - 1) || v.IsPunct(k - 1, ',') && c.IsQuoteEnd(k - 2))) break;
                if (v.In(k, Joiners))
                {
                    if (!v.IsWord(k - 1) || v.In(k - 1, Stops)) break;
                    k--;
                    continue;
                }
                first = k;
                k--;
                continue;
            }
            if (v.IsPunct(k, '&')) { k--; continue; }
            // "The military intelligence services (GUR) affirmed": an acronym in brackets belongs to the name.
            if (v.IsPunct(k, ')'))
            {
                int open = k - 1;
                while (open >= c.First && k - open <= 6 && !v.IsPunct(open, '(')) open--;
                if (open >= c.First && v.IsPunct(open, '(') && open > c.First && v.IsWord(open - 1)) { k = open - 1; continue; }
            }
            break;
        }
        // Do not start on a dangling joiner, an inverted auxiliary ("do we know") or an adverb ("Now the ministry"); but an
        // adverb capitalised alone or before a capitalised word may be a name ("Indeed said", "Now This News said").
        while (first <= last && (v.In(first, Joiners) || v.In(first, Aux)
            || v.In(first, Adverbs) && (v.IsLowerWord(first) || first < last && !v.IsCapitalized(first + 1)))) first++;
        return first <= last ? first : -1;
    }

    /// <summary>
    /// Whether the place phrase from preposition <paramref name="preposition"/> to <paramref name="last"/> belongs to the
    /// subject before it ("Officials in the Kursk region", "analysts at the bank"): the word before is a common noun of
    /// people (a plural or a title), and the phrase names no medium or time ("Trump in an interview", "officials in March").
    /// </summary>
    private static bool IsLocativeInSubject(SentenceContext c, int preposition, int last)
    {
        var v = c.V;
        int head = preposition - 1;
        if (head < c.First || !v.IsWord(head) || v.In(head, Stops) || v.In(head, Aux) || v.In(head, Dets) || v.In(head, SubjPron)
            || v.In(head, TimeN) || v.In(head, Days) || c.QuoteOfToken[head] >= 0) return false;
        // A common noun: lower case, or capitalised only as the sentence's first word.
        if (!v.IsLowerWord(head) && head != c.First) return false;
        var word = v.Word(head);
        bool plural = word.Length > 3 && (word[^1] is 's' or 'S') && !word.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
            && !v.EndsWith(head, "ly");
        if (!plural && !v.In(head, Titles)) return false;
        for (int k = preposition + 1; k <= last; k++)
        {
            if (v.In(k, CommNouns) || v.In(k, TimeN) || v.In(k, Days) || v.In(k, Stops) && k > preposition + 1) return false;
        }
        return true;
    }

    /// <summary>
    /// For "NAME, APPOSITIVE, cue": the first token of NAME when the part between the commas reads as an
    /// appositive (starts with a determiner, "who", a number or a capital) and NAME as a subject; else -1.
    /// </summary>
    private static int AppositiveSubject(SentenceContext c, int comma)
    {
        var v = c.V;
        // Up to four comma-delimited asides: "Donna Reyes, 59, of Ashton, Md., who watched the ceremony, said".
        int fallback = -1;
        for (int asides = 0; asides < 4; asides++)
        {
            int k = comma - 1;
            while (k >= c.First && comma - k < 30 && !v.IsPunct(k, ',') && c.QuoteOfToken[k] < 0
                && (v.Tokens[k].Kind != TokenKind.Punctuation || v.IsPunct(k, '-') || v.IsPunct(k, '(') || v.IsPunct(k, ')')
                    || v.IsPunct(k, '’') || v.IsPunct(k, '\'') || v.IsPunct(k, '.'))) k--;
            if (k <= c.First || !v.IsPunct(k, ',') || k == comma - 1) return fallback;
            // An aside opening with "and"/"but" or a pronoun is a clause ("..., and the talks ended, said X"), not an appositive.
            if (v.In(k + 1, Coordination) || v.In(k + 1, SubjPron) && !v.Is(k + 1, "who")) return fallback;
            int head = NounPhraseLeft(c, k - 1);
            if (head >= 0 && (v.IsCapitalized(head) || v.In(head, Dets)))
            {
                // The subject starts a clause; a head after another comma may itself be an aside of an earlier name
                // ("Jane Roe, the attorney general of Ohio, one of the states suing, said"): keep looking left.
                if (head == c.First || !v.IsWord(head - 1) && !v.IsPunct(head - 1, ',') || v.In(head - 1, Stops) || v.In(head - 1, Aux)
                    || v.IsQuoteMark(head - 1)) return head;
                if (v.IsPunct(head - 1, ',') && fallback < 0) fallback = head;
            }
            comma = k;
        }
        return fallback;
    }

    private static int NounPhraseRight(SentenceContext c, int first)
    {
        var v = c.V;
        int k = first;
        int last = -1;
        while (k < c.End && k - first < MaxSourceTokens && v.IsWord(k) && !v.Is(k, "that") && !(v.In(k, InvStops) && k > first))
        {
            last = k;
            // "according to the state media Kim had ...": a capitalised word after a lowercase noun starts a new clause.
            if (k > first && v.IsCapitalized(k) && v.IsLowerWord(k - 1) && !v.In(k - 1, Dets) && !v.In(k - 1, Joiners))
            {
                last = k - 1;
                break;
            }
            k++;
        }
        return last;
    }

    private static int InvertedSourceRight(SentenceContext c, int first)
    {
        var v = c.V;
        if (v.In(first, SubjPron)) return first;
        int last = -1;
        bool sawComma = false;
        int contentEnd = c.LastContentToken;
        for (int k = first; k <= contentEnd && k - first < 40; k++)
        {
            if (c.QuoteOfToken[k] >= 0) break;
            if (v.IsPunct(k, ':') || v.IsPunct(k, ';')) break;
            // "said Ana Ruiz (a view others share)": a bracketed aside after the name is the writer's, not the speaker's.
            if (v.IsPunct(k, '(') && last >= first) break;
            if (v.IsPunct(k, ','))
            {
                // an appositive follows ("Geoff Garin, a Democratic pollster"); a new clause does not.
                if (!(v.In(k + 1, Dets) || v.IsCapitalized(k + 1)) || v.In(k + 1, SubjPron)) break;
                sawComma = true;
                continue;
            }
            if (!sawComma && v.In(k, InvStops) && k > first) break;
            if (sawComma && (v.Is(k, "adding") || v.Is(k, "saying") || v.Is(k, "citing"))) break;
            last = k;
        }
        return last;
    }

    /// <summary>
    /// An inverted speaker ("said Geoff Garin, a pollster") is a short name before any appositive; a long
    /// run of words after the cue ("said the event brought back memories of her father") is a clause.
    /// </summary>
    private static bool IsNameLike(SentenceContext c, int first, int last)
    {
        var v = c.V;
        int words = 0;
        for (int k = first; k <= last && !v.IsPunct(k, ','); k++) if (v.IsWord(k)) words++;
        return words <= 6;
    }

    private static int SkipAddressee(SentenceContext c, int k)
    {
        var v = c.V;
        int start = k;
        // "told the committee:", "told a press conference that", "told local radio, \"...\""
        for (int m = k; m < c.End && m - start <= 5; m++)
        {
            if (v.Is(m, "that") || v.IsPunct(m, ':') || c.IsQuoteStart(m) || v.IsPunct(m, ',') && c.IsQuoteStart(m + 1))
            {
                if (m > start) return m;
                break;
            }
            // "told reporters after the meeting that was held ...": past a preposition, "that" opens a relative clause
            // ("asked to describe the device that ...": an infinitive is no addressee either).
            if (!v.IsWord(m) || v.In(m, SubjPron) && m > start || v.In(m, Stops)) break;
        }
        while (k < c.End && k - start < 6 && v.IsWord(k) && !v.Is(k, "that") && (v.IsCapitalized(k) || v.In(k, Objects)))
        {
            if (k > start && v.In(k, SubjPron)) break;
            k++;
        }
        // "told the council the pier would close": a determiner's noun is part of the addressee when a new clause
        // opens after it; "warned the town would flood" has none, and "the town" is the clause's own subject.
        int determiner = v.In(k - 1, Dets) ? k - 1 : v.In(k - 2, Dets) && v.IsLowerWord(k - 1) ? k - 2 : -1;
        if (determiner >= start && v.IsLowerWord(k) && !v.In(k, Objects))
        {
            if (v.In(k + 1, Dets) || v.In(k + 1, SubjPron) || v.IsCapitalized(k + 1)) return k + 1;
            return determiner;
        }
        return k;
    }

    private static int SkipAdjuncts(SentenceContext c, int k)
    {
        var v = c.V;
        for (int guard = 0; guard < 6 && k < c.End; guard++)
        {
            if (v.In(k, Days)) { k++; if (v.In(k, TimeN)) k++; continue; }
            if (v.In(k, TimeLead) && (v.In(k + 1, Days) || v.In(k + 1, TimeN))) { k += 2; continue; }
            // "on Dec. 16", "on December 14 and 15", "in November", "Monday December 16"
            bool bareMonth = v.In(k, MonthNames) && v.Tokens[Math.Min(k + 1, c.End - 1)].Kind == TokenKind.Number && !v.Is(k, "may");
            if (bareMonth || (v.Is(k, "on") || v.Is(k, "in") || v.Is(k, "since")) && v.In(k + 1, MonthNames))
            {
                int m = bareMonth ? k + 1 : k + 2;
                while (m < c.End && (v.Tokens[m].Kind == TokenKind.Number || v.Is(m, "and") && v.Tokens[Math.Min(m + 1, c.End - 1)].Kind == TokenKind.Number
                    || v.IsPunct(m, ',') && v.Tokens[Math.Min(m + 1, c.End - 1)].Kind == TokenKind.Number)) m++;
                k = m;
                continue;
            }
            if (v.Is(k, "earlier") || v.Is(k, "later") || v.Is(k, "also") || v.Is(k, "previously")) { k++; continue; }
            // "says of Clinton, “...”": what the quote is about, between the cue and the quote.
            if (v.Is(k, "of"))
            {
                int m = k + 1;
                while (m < c.End && m - k <= 6 && v.IsWord(m)) m++;
                if (m > k + 1 && m + 1 < c.End && v.IsPunct(m, ',') && c.IsQuoteStart(m + 1)) { k = m; continue; }
            }
            // "in a statement", "in an address", "on Telegram", "in a televised speech"
            if ((v.Is(k, "in") || v.Is(k, "on") || v.Is(k, "during") || v.Is(k, "via") || v.Is(k, "through")) && k + 1 < c.End)
            {
                int m = k + 1;
                if (v.In(m, Dets)) m++;
                int limit = m + 3;
                bool medium = false;
                while (m < c.End && m < limit && v.IsWord(m))
                {
                    if (v.In(m, CommNouns) || v.IsCapitalized(m)) medium = true;
                    else if (medium) break;
                    m++;
                    if (medium && !v.In(m, CommNouns) && !v.IsCapitalized(m)) break;
                }
                if (medium) { k = m; continue; }
            }
            // ", citing information from a drone unit, that ..." / ", according to X,"
            if (v.IsPunct(k, ',') && (v.In(k + 1, Cites) || RelayCues.Default.MatchAt(v, k + 1, RelayCueRole.Verb) >= 0))
            {
                int m = k + 2;
                while (m < c.End && !v.IsPunct(m, ',') && m - k < 25) m++;
                if (m < c.End && v.IsPunct(m, ',')) { k = m + 1; continue; }
                return k;
            }
            break;
        }
        return k;
    }

    private Attribution? AccordingTo(SentenceContext c, int cue, int cueLast, CueEntry entry)
    {
        var v = c.V;
        if (QuotedByAsSaying(c, cue, cueLast, entry) is { } relayed) return relayed;
        int sourceFirst = cueLast + 1;
        int sourceLast = NounPhraseRight(c, sourceFirst);
        if (sourceLast < sourceFirst) return null;
        var source = v.Range(sourceFirst, sourceLast);
        int before = cue - 1;
        while (before >= c.First && (v.IsPunct(before, ',') || v.IsPunct(before, '(') || v.IsPunct(before, '—'))) before--;
        int start = c.First;
        while (start < cue && v.Tokens[start].Kind == TokenKind.Punctuation && !v.IsQuoteMark(start)) start++;
        Span content;
        // "He said (that) according to his information, C": the clause after the source is the content.
        bool leftIsLead = before >= start && (v.Is(before, "that") || _lexicon.CueLookup.TryGetValue(v.Word(before), out _));
        if (before >= start && !leftIsLead)
        {
            content = v.Range(start, before);
        }
        else
        {
            int k = sourceLast + 1;
            while (k < c.End && v.Tokens[k].Kind == TokenKind.Punctuation && !v.IsQuoteMark(k)) k++;
            int last = c.LastContentToken;
            if (k > last) return null;
            content = v.Range(k, last);
        }
        // "Thousands of troops, according to agency reports, have come to ...": the aside splits the content in two.
        var parts = ImmutableArray<Span>.Empty;
        if (before >= start && !leftIsLead && v.IsPunct(sourceLast + 1, ',') && sourceLast + 2 <= c.LastContentToken && v.IsWord(sourceLast + 2))
        {
            parts = [content, v.Range(sourceLast + 2, c.LastContentToken)];
        }
        return new Attribution(source, v.Range(cue, cueLast), content, null, AttributionKind.AccordingTo, entry.Status)
        {
            ContentParts = parts,
            Confidence = 0.85,
        };
    }

    private const int MaxPollPhraseTokens = 10;
    private const int MaxPollTailTokens = 10;

    /// <summary>The rows of models/claims/poll-nouns-en.tsv with the given role, as a lookup.</summary>
    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PollWords(string role) =>
        L(ClaimResources.ReadTsv("poll-nouns-en.tsv").Where(r => r.Length > 1 && r[1].Trim() == role)
            .Select(r => r[0].Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Nouns naming a poll or survey, which may front a sentence as its source.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PollNouns = PollWords("noun");

    /// <summary>"polls" also names the election itself ("the 2019 polls"): a survey only after a word like "exit" or "opinion".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ElectionOrPollNouns = PollWords("ambiguous");

    /// <summary>Modifiers that make a poll an opinion survey ("exit polls", "an opinion poll").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SurveyModifiers = PollWords("modifier");

    /// <summary>Words of running a survey ("a poll released Monday", "a survey conducted by ...").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SurveyConductWords = PollWords("conduct");

    /// <summary>People a survey asks ("a poll of 800 likely voters").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Respondents = PollWords("respondent");

    /// <summary>Words of a share of answers ("52 percent", "ten points").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShareWords = PollWords("share");

    /// <summary>Words of an election's outcome ("won 303 seats", "turnout fell"): then the poll is the vote, not a survey.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ElectionWords = PollWords("election");

    /// <summary>Prepositions that make the noun before them the head of a fronted phrase ("In the wake of the poll").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadPrepositions =
        L(new[] { "of", "to", "for", "from", "with", "by", "on", "at", "about", "after", "before", "during", "amid", "over", "ahead", "following", "into", "among", "between", "against", "since", "until", "under", "like" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Words that open a clause inside a fronted phrase: past one, the poll noun is no longer the phrase's head.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseOpeners =
        L(new[] { "where", "which", "that", "who", "as", "when", "after", "before", "since", "while" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// "In a new poll released Monday, 52 percent backed the levy": PolNeAR marks the fronted "In" as the cue, the poll
    /// as the source and the main clause as the content (18 of 25 sentences opening so in train and dev). A poll later
    /// in the sentence ("leads in the polls", "slid in national polls") is mostly a standing, not a source (about one in
    /// four annotated), so only the fronted frame counts. The poll must head the phrase after "In" ("In the wake of the
    /// poll" is about something else) and read as an opinion survey, not the election "poll" also names: a word of
    /// running it, its respondents, or a share of answers in the sentence, and no seats or turnout.
    /// </summary>
    private static Attribution? FrontedPoll(SentenceContext c)
    {
        var v = c.V;
        int first = c.First;
        if (first >= c.End || !v.Is(first, "in") || !v.IsCapitalized(first)) return null;
        int head = -1;
        bool surveyModifier = false;
        for (int k = first + 1; k < c.End && k - first <= MaxPollPhraseTokens; k++)
        {
            if (v.IsPunct(k, ',') || v.IsQuoteMark(k) || v.In(k, Aux) || v.In(k, Be) || v.In(k, ClauseOpeners) || v.In(k, HeadPrepositions)) break;
            if (v.In(k, SurveyModifiers)) surveyModifier = true;
            if (v.In(k, PollNouns) || v.In(k, ElectionOrPollNouns) && surveyModifier) { head = k; break; }
            if (v.In(k, ElectionOrPollNouns)) break;
        }
        if (head < 0) return null;
        int last = c.LastContentToken;
        if (!surveyModifier && !HasSurveyEvidence(v, head + 1, last) || HasElectionOutcome(v, head + 1, last)) return null;
        int comma = NextComma(c, head + 1);
        // "In the latest poll, conducted in May, C": a participle between commas still describes the poll.
        if (comma > 0 && v.IsLowerWord(comma + 1) && (v.EndsWith(comma + 1, "ed") || v.EndsWith(comma + 1, "en")))
        {
            comma = NextComma(c, comma + 1);
        }
        // "In the polls, anyway.": a clause has at least a subject and a verb.
        if (comma < 0 || comma + 2 > last || !v.IsWord(comma + 1) && !c.IsQuoteStart(comma + 1)) return null;
        return new Attribution(v.Range(first + 1, comma - 1), v.Range(first, first), v.Range(comma + 1, last), null,
            AttributionKind.AccordingTo, ClaimStatus.Asserted) { Confidence = 0.8 };

        int NextComma(SentenceContext s, int from)
        {
            for (int k = from; k < s.End && k - from <= MaxPollTailTokens; k++)
            {
                if (v.IsPunct(k, ',')) return k;
                if (v.IsQuoteMark(k) || v.IsPunct(k, ';') || v.IsPunct(k, ':') || v.IsPunct(k, '.') || v.IsPunct(k, '(')) return -1;
            }
            return -1;
        }
    }

    /// <summary>
    /// Whether tokens <paramref name="from"/> to <paramref name="last"/> show a survey: a word of running it ("released",
    /// "conducted"), its respondents counted ("of 800 likely voters") or a share of answers ("52 percent", "47%").
    /// </summary>
    private static bool HasSurveyEvidence(TokenView v, int from, int last)
    {
        for (int k = from; k <= last; k++)
        {
            if (v.In(k, SurveyConductWords) || v.In(k, ShareWords) || v.EndsWith(k, "%")) return true;
            if (v.Is(k, "of") && k + 1 <= last && v.Tokens[k + 1].Kind == TokenKind.Number)
            {
                for (int r = k + 2; r <= last && r <= k + 6; r++)
                {
                    if (v.In(r, Respondents)) return true;
                    if (!v.IsWord(r)) break;
                }
            }
        }
        return false;
    }

    /// <summary>Whether tokens <paramref name="from"/> to <paramref name="last"/> speak of an election's outcome ("seats", "turnout").</summary>
    private static bool HasElectionOutcome(TokenView v, int from, int last)
    {
        for (int k = from; k <= last; k++)
        {
            if (v.In(k, ElectionWords)) return true;
        }
        return false;
    }

    /// <summary>
    /// "X was quoted by Y as saying C": X is the speaker, Y relays the words, and the cue runs from "quoted" to the
    /// speech verb. Null when the passive or the "as saying" is missing (then "quoted by Y" reads as "according to Y").
    /// </summary>
    private static Attribution? QuotedByAsSaying(SentenceContext c, int cue, int cueLast, CueEntry entry)
    {
        var v = c.V;
        if (!v.Is(cue, "quoted") || !v.In(cue - 1, Be)) return null;
        int relayLast = NounPhraseRight(c, cueLast + 1);
        if (relayLast <= cueLast || !v.Is(relayLast + 1, "as")) return null;
        int speech = v.Is(relayLast + 2, "saying") ? relayLast + 2
            : v.Is(relayLast + 2, "having") && v.Is(relayLast + 3, "said") ? relayLast + 3 : -1;
        if (speech < 0) return null;
        int subjectLast = cue - 1;
        while (subjectLast >= c.First && (v.In(subjectLast, Aux) || v.In(subjectLast, Be))) subjectLast--;
        int subjectFirst = NounPhraseLeft(c, subjectLast);
        if (subjectFirst < 0) return null;
        int k = speech + 1;
        if (v.Is(k, "that")) k++;
        if (v.IsPunct(k, ',') || v.IsPunct(k, ':')) k++;
        int contentEnd = c.LastContentToken;
        if (k > contentEnd) return null;
        var content = c.IsQuoteStart(k) ? c.Quotes[c.QuoteOfToken[k]] : v.Range(k, contentEnd);
        return new Attribution(v.Range(subjectFirst, subjectLast), v.Range(cue, speech), content, null,
            c.IsQuoteStart(k) ? AttributionKind.DirectQuote : AttributionKind.IndirectSpeech, entry.Status)
        {
            RelaySpans = [v.Range(cueLast + 1, relayLast)],
            Confidence = 0.85,
        };
    }

    private Attribution? NounCue(SentenceContext c, int cue, int cueLast, CueEntry entry)
    {
        var v = c.V;
        int k = cueLast + 1;
        Span? source = null;
        if (v.Is(k, "by"))
        {
            int last = NounPhraseRight(c, k + 1);
            if (last > k)
            {
                source = v.Range(k + 1, last);
                k = last + 1;
            }
        }
        if (!v.Is(k, "that") && !v.IsPunct(k, ':')) return null;
        int colon = v.IsPunct(k, ':') ? k : -1;
        k++;
        int contentEnd = c.LastContentToken;
        Span? block = colon > contentEnd ? ParagraphAfter(c, colon)?.Content : null;
        if (k > contentEnd && block is null) return null;
        // Possessor: "Zelensky's claim", "his claim", "the ministry's latest statement".
        int p = cue - 1;
        while (p >= c.First && v.IsLowerWord(p) && !v.In(p, Dets) && !v.EndsWith(p, "'s") && !v.EndsWith(p, "’s") && cue - p < 3) p--;
        if (source is null && p >= c.First)
        {
            if (v.Is(p, "his") || v.Is(p, "her") || v.Is(p, "their") || v.Is(p, "its"))
            {
                source = v.Tokens[p].Span;
            }
            else if (v.Is(p, "'s") || v.Is(p, "’s"))
            {
                int first = NounPhraseLeft(c, p - 1);
                if (first >= 0) source = v.Range(first, p);
            }
        }
        // "X made the following comment:" closing its sentence: the next paragraph is what it announces.
        var content = block ?? (c.IsQuoteStart(k) ? c.Quotes[c.QuoteOfToken[k]] : new Span(v.Tokens[k].Span.Start, v.Tokens[contentEnd].Span.End));
        return new Attribution(source, v.Range(cue, cueLast), content, null, AttributionKind.Other, entry.Status) { Confidence = source is null ? 0.5 : 0.7 };
    }

    internal static int[] MapQuotes(ImmutableArray<Token> tokens, List<Span> quotes)
    {
        var map = new int[tokens.Length];
        int q = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            var span = tokens[t].Span;
            while (q < quotes.Count && quotes[q].End <= span.Start) q++;
            map[t] = q < quotes.Count && quotes[q].Contains(span) ? q : -1;
        }
        return map;
    }

    internal static bool IsInsideQuote(int t, int[] quoteOfToken, List<Span> quotes, ImmutableArray<Token> tokens)
    {
        int q = quoteOfToken[t];
        if (q < 0) return false;
        // A short quoted phrase ("a 'friendly' meeting") is not someone's quoted speech that hides cues.
        var quote = quotes[q];
        return quote.Length > 0 && tokens[t].Span.Start > quote.Start && tokens[t].Span.End < quote.End;
    }

    private static void MarkUsed(bool[] used, ImmutableArray<Token> tokens, Span? span)
    {
        if (span is not { } s) return;
        int lo = 0, hi = tokens.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].Span.End <= s.Start) lo = mid + 1; else hi = mid;
        }
        for (int t = lo; t < tokens.Length; t++)
        {
            if (tokens[t].Span.Start >= s.End) break;
            if (s.Contains(tokens[t].Span)) used[t] = true;
        }
    }
}
