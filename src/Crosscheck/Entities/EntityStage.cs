using System.Buffers;
using System.Collections.Immutable;
using Crosscheck.Text;

using Crosscheck.Places;

namespace Crosscheck.Entities;

/// <summary>
/// Finds named entities (the statistical <see cref="NerModel"/> plus rules for military units,
/// nationality groups and acronyms) and groups a report's mentions into entities
/// (<see cref="WithinReportGrouper"/>). Mention spans never include a possessive "'s" or a
/// person's title; a group's span takes in its head noun ("North Korean soldiers").
/// </summary>
public sealed class EntityStage : IStage
{
    public const string StageName = "entities";


    private readonly NerModel _model;
    private readonly Gazetteer? _gazetteer;

    /// <summary>Uses the model and gazetteer shipped in the library.</summary>
    public EntityStage() : this(NerModel.LoadDefault(), Gazetteer.LoadDefault()) { }

    /// <param name="gazetteer">Used to tell a major city speaking ("Kyiv said") from a person; null skips that rule.</param>
    public EntityStage(NerModel model, Gazetteer? gazetteer = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _gazetteer = gazetteer;
    }

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Entities];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var tokens = article.Get(Layers.Tokens);
        var sentences = article.Get(Layers.Sentences);
        var layer = Recognize(article.Text, tokens, sentences, _model, _gazetteer);
        return article.With(Layers.Entities, layer);
    }

    /// <summary>The whole recognition and grouping for one text; the stage's body, callable without a pipeline.</summary>
    internal static EntityLayer Recognize(string text, ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences, NerModel model, Gazetteer? gazetteer = null, Truecaser? truecaser = null)
    {
        if (tokens.IsDefaultOrEmpty) return EntityLayer.Empty;
        var spans = ArrayPool<Span>.Shared.Rent(tokens.Length);
        var tags = ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            for (int i = 0; i < tokens.Length; i++) spans[i] = tokens[i].Span;
            Array.Clear(tags, 0, tokens.Length);
            truecaser ??= Truecaser.Default;
            // Headlines and capitals are decoded from a recased copy with the same offsets, made only when needed.
            char[]? recased = null;
            foreach (var sentence in sentences)
            {
                if (sentence.TokenCount == 0) continue;
                var words = spans.AsSpan(sentence.FirstToken, sentence.TokenCount);
                var casing = truecaser.Classify(text, words);
                if (casing == SentenceCasing.Ordinary) continue;
                recased ??= text.ToCharArray();
                truecaser.Recase(text, words, casing, recased);
            }
            string decoded = recased is null ? text : new string(recased);
            foreach (var sentence in sentences)
            {
                if (sentence.TokenCount == 0) continue;
                // Very long "sentences" (lists, tables) are decoded in windows so that time stays linear.
                for (int start = sentence.FirstToken, end = sentence.FirstToken + sentence.TokenCount; start < end; start += 200)
                {
                    int count = Math.Min(200, end - start);
                    model.Decode(decoded, spans.AsSpan(start, count), tags.AsSpan(start, count));
                }
            }
            var candidates = new List<Candidate>();
            CollectModelMentions(text, tokens, tags, candidates, gazetteer);
            if (gazetteer is not null) CityMetonyms.Retype(text, tokens, candidates, gazetteer);
            var found = new MentionFinder(text, tokens);
            found.AddMilitaryUnits(candidates);
            found.AddGroups(candidates);
            found.RetypeMediaTitles(candidates);
            found.ExpandPortfolioFragments(candidates);
            found.AddPossessiveInstitutions(candidates, AliasTable.Default);
            candidates.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last));
            var links = found.AddAcronyms(candidates);
            return WithinReportGrouper.Group(text, tokens, candidates, links);
        }
        finally
        {
            ArrayPool<Span>.Shared.Return(spans);
            ArrayPool<int>.Shared.Return(tags);
        }
    }

    private static void CollectModelMentions(string text, ImmutableArray<Token> tokens, int[] tags, List<Candidate> output, Gazetteer? gazetteer)
    {
        int i = 0;
        while (i < tokens.Length)
        {
            int tag = tags[i];
            if (tag == 0)
            {
                i++;
                continue;
            }
            int typeIndex = NerModel.TypeIndexOf(tag);
            int end = i + 1;
            while (end < tokens.Length && NerModel.IsInside(tags[end]) && NerModel.TypeIndexOf(tags[end]) == typeIndex
                   && tokens[end].Sentence == tokens[i].Sentence) end++;
            var type = NerModel.Types[typeIndex];
            // Brackets, quotes and commas never sit inside a name: "(Russian President Vladimir) Putin" is two pieces.
            int pieceStart = i;
            for (int k = i; k <= end; k++)
            {
                if (k < end && !IsNameBreak(text, tokens[k])) continue;
                int first = pieceStart, last = k - 1;
                if (last >= first && Trim(text, tokens, type, ref first, ref last, gazetteer) && !IsCompoundModifier(text, tokens, last))
                {
                    output.Add(new Candidate(first, last, type));
                }
                pieceStart = k + 1;
            }
            i = end;
        }
    }

    /// <summary>
    /// "U.S.-led", "Iran-backed": a name hyphenated onto a lower-case word makes one modifier word,
    /// which news annotation (CoNLL, GMB, WikiGold) leaves outside any entity.
    /// </summary>
    private static bool IsCompoundModifier(string text, ImmutableArray<Token> tokens, int last)
    {
        if (last + 2 >= tokens.Length) return false;
        var hyphen = tokens[last + 1].Span;
        var next = tokens[last + 2].Span;
        return hyphen.Length == 1 && text[hyphen.Start] == '-' && hyphen.Start == tokens[last].Span.End
            && next.Start == hyphen.End && char.IsLower(text[next.Start]);
    }

    private static bool IsNameBreak(string text, Token token)
    {
        if (token.Kind != TokenKind.Punctuation) return false;
        char c = text[token.Span.Start];
        return c is '(' or ')' or '[' or ']' or '"' or '“' or '”' or ',' or ';' or ':' or '«' or '»' or '—' or '–';
    }

    /// <summary>
    /// A capital "The" inside a sentence belongs to the name the model found ("at The Hague", "told The
    /// Associated Press"); at a sentence's start the capital says nothing ("The Pentagon said"), so it stays
    /// only when "The ..." is itself a known name ("The Hague", "The Gambia").
    /// </summary>
    private static bool IsSentenceOpeningThe(string text, ImmutableArray<Token> tokens, int first, int last, Gazetteer? gazetteer)
    {
        if (first >= last || !tokens[first].Span.SliceOf(text).Equals("The", StringComparison.Ordinal)) return false;
        for (int k = first - 1; k >= 0 && tokens[k].Sentence == tokens[first].Sentence; k--)
        {
            if (tokens[k].Kind == TokenKind.Word || tokens[k].Kind == TokenKind.Number) return false;
        }
        return gazetteer is null || gazetteer.FindName(text[tokens[first].Span.Start..tokens[last].Span.End]).IsEmpty;
    }

    /// <summary>Drops possessives, edge punctuation, leading determiners and (for persons) titles from a token range.</summary>
    /// <param name="gazetteer">Tells a place whose name starts with "The" ("The Hague") at a sentence's start; null keeps such a "The" only mid-sentence.</param>
    internal static bool Trim(string text, ImmutableArray<Token> tokens, EntityType type, ref int first, ref int last, Gazetteer? gazetteer = null)
    {
        while (last >= first && (tokens[last].Kind == TokenKind.Punctuation || EntityRules.IsPossessive(tokens[last].Span.SliceOf(text)))) last--;
        while (first <= last && (tokens[first].Kind == TokenKind.Punctuation
               || tokens[first].Span.SliceOf(text).Equals("the", StringComparison.Ordinal)
               || IsSentenceOpeningThe(text, tokens, first, last, gazetteer)
               || (type == EntityType.Person && (Lexicons.Contains(Lexicons.CapitalisedFunctionWords, tokens[first].Span.SliceOf(text))
                   || first < last && Lexicons.Contains(Lexicons.OpeningPrepositions, tokens[first].Span.SliceOf(text)))))) first++;
        while (last >= first && ((type == EntityType.Person && Lexicons.Contains(Lexicons.CapitalisedFunctionWords, tokens[last].Span.SliceOf(text))
               || tokens[last].Kind == TokenKind.Punctuation))) last--;
        if (type == EntityType.Person)
        {
            while (first < last)
            {
                var word = tokens[first].Span.SliceOf(text);
                bool beforeTitle = EntityRules.IsTitle(tokens[first + 1].Span.SliceOf(text));
                if (EntityRules.IsTitle(word) || (beforeTitle && (EntityRules.IsNationalityWord(word) || EntityRules.IsConnector(word)))) first++;
                else break;
            }
            if (first <= last && EntityRules.IsTitle(tokens[first].Span.SliceOf(text)) && first == last) return false;
            // A person name is never a lone lower-case word.
            if (first == last && !char.IsUpper(text[tokens[first].Span.Start])) return false;
        }
        if (first == last && Lexicons.Contains(Lexicons.CalendarWords, tokens[first].Span.SliceOf(text).TrimEnd('.'))) return false;
        return first <= last;
    }
}

/// <summary>A mention under construction: an inclusive token range and a type.</summary>
internal sealed class Candidate(int first, int last, EntityType type)
{
    public int First { get; set; } = first;

    public int Last { get; set; } = last;

    public EntityType Type { get; set; } = type;

    /// <summary>A name written out elsewhere for this acronym ("military intelligence agency" for HUR).</summary>
    public string? Expansion { get; set; }
}
