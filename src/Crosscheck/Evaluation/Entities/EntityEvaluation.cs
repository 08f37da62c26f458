using System.Collections.Immutable;
using System.Text;
using Crosscheck.Entities;

namespace Crosscheck.Evaluation.Entities;

/// <summary>
/// Task "entities": named-entity recognition scored like conlleval (exact span and class) against
/// CoNLL files. The gold tokens are joined with spaces (sentences on their own lines) into an
/// article, which goes through the standard pipeline; predicted mentions are compared by
/// character span, so our own tokenisation is what gets scored.
/// </summary>
/// <remarks>
/// Classes: PER, ORG, LOC, MISC. A gold chunk's class comes from the convention the model is trained
/// to (<see cref="NerTrainer.ConventionChunks"/>): a nationality adjective is MISC whatever the dataset
/// tagged it (DocRED tags "American" LOC), GMB's gpe on a country's or city's name is LOC, and a compass
/// word before a nationality is part of it ("North Korean", which GMB splits into geo + gpe).
/// Our Group mentions are scored on their nationality words ("North Korean" of "North Korean
/// soldiers"), as CoNLL and GMB annotate them.
/// GMB person spans include titles ("President Bush"); gold person spans are scored without their
/// leading title words, the CoNLL convention this project follows (reported as a warning).
/// Files without -DOCSTART- are read as documents of 40 sentences.
/// </remarks>
public sealed class EntityEvaluation : IEvaluation
{
    private readonly Func<Pipeline> _pipeline;

    public EntityEvaluation() : this(() => DefaultPipeline.Create()) { }

    /// <summary>Scores the entity layer of a given pipeline (for tests and ablations).</summary>
    public EntityEvaluation(Func<Pipeline> pipeline) => _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));

    public string Task => "entities";

    public string Description =>
        "CoNLL NER file or folder (token ... TAG per line, IOB1/IOB2, PER/ORG/LOC/MISC or GMB tags): conlleval entity P/R/F1, overall and per class";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var files = FilesAt(path);
        if (files.Count == 0)
        {
            warnings.Add($"No CoNLL files (names containing '.conll') found at '{path}'.");
            return new EvaluationReport(Task, path, [], warnings.ToImmutable());
        }
        var pipeline = _pipeline();
        var context = new AnalysisContext(new DateOnly(2000, 1, 1));
        var scorer = new EntityScorer();
        var misses = new List<string> { EntityScorer.MissColumns };
        int documents = 0, tokens = 0, titlesStripped = 0, pipelineFailures = 0;
        foreach (var file in files)
        {
            foreach (var document in NerTrainer.Units(ConllReader.ReadFile(file), 40))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (text, gold, stripped) = BuildDocument(document);
                titlesStripped += stripped;
                documents++;
                foreach (var sentence in document.Sentences) tokens += sentence.Tokens.Length;
                var article = new Article { Id = $"{Path.GetFileName(file)}#{documents}", Text = text, ContentHash = documents.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                var outcome = pipeline.Analyze(article, context);
                if (!outcome.Succeeded) pipelineFailures++;
                var predicted = new List<(Span, string)>();
                if (outcome.Article.TryGet(Layers.Entities, out var layer))
                {
                    foreach (var mention in layer.Mentions)
                    {
                        predicted.Add((mention.NameSpanOf(text), EntityTypeMapping.ToConll(mention.Type)));
                    }
                }
                scorer.Add(gold, predicted, article.Id, text, misses);
            }
        }
        if (titlesStripped > 0) warnings.Add($"{titlesStripped} gold person spans began with titles (GMB style); scored without the titles.");
        if (pipelineFailures > 0) warnings.Add($"{pipelineFailures} documents had a stage failure.");
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        metrics.AddRange(scorer.ToMetrics());
        metrics.Add(new Metric("documents", documents));
        metrics.Add(new Metric("tokens", tokens));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable(), [.. misses]);
    }

    private static List<string> FilesAt(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) return [];
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains(".conll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The document's text (tokens spaced, one sentence per line) and its gold (span, class) set.</summary>
    internal static (string Text, List<(Span, string)> Gold, int TitlesStripped) BuildDocument(ConllDocument document)
    {
        var text = new StringBuilder();
        var gold = new List<(Span, string)>();
        int stripped = 0;
        foreach (var sentence in document.Sentences)
        {
            if (text.Length > 0) text.Append('\n');
            var starts = new int[sentence.Tokens.Length];
            for (int i = 0; i < sentence.Tokens.Length; i++)
            {
                if (i > 0 && !IsDetachedClitic(sentence.Tokens[i])) text.Append(' ');
                starts[i] = text.Length;
                text.Append(sentence.Tokens[i]);
            }
            var chunks = NerTrainer.ConventionChunks(sentence, out int titles);
            stripped += titles;
            foreach (var (first, end, type) in chunks)
            {
                gold.Add((new Span(starts[first], starts[end - 1] + sentence.Tokens[end - 1].Length), EntityTypeMapping.ToConll(type)));
            }
        }
        return (text.ToString(), gold, stripped);
    }

    // CoNLL and GMB split "Lord's" into "Lord" "'s"; news text never writes "Lord 's", so the
    // clitic goes back onto its word and the article reads as real text would.
    private static bool IsDetachedClitic(string token) =>
        token.Length == 2 && token[0] is ('\'' or '’') && token[1] is ('s' or 'S');
}
