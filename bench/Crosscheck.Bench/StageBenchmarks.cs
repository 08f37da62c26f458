using BenchmarkDotNet.Attributes;
using Crosscheck.Claims;
using Crosscheck.Events;
using Crosscheck.Processing;
using Crosscheck.Text;

namespace Crosscheck.Bench;

/// <summary>Per-stage cost on one generated 600-word report: where the time of `analyze` goes.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private Pipeline _pipeline = null!;
    private Article _article = null!;
    private AnalyzedArticle _analyzed = null!;
    private readonly AttributionStage _claims = new();
    private readonly EventStage _events = new();
    private readonly AnalysisContext _context = new(new DateOnly(2025, 1, 1));

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crosscheck-micro");
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        new CorpusGenerator(seed: 7).Write(folder, 1);
        var components = Components.CreateDefault(new DateOnly(2025, 1, 1));
        _pipeline = components.Pipeline;
        var raw = components.Reader.Read([folder]).First(i => i.Article is not null).Article!;
        _article = components.Prepare(raw);
        // Every layer the claims and events stages read, so each benchmark below times one stage alone.
        _analyzed = _pipeline.Analyze(_article, _context).Article;
    }

    [Benchmark]
    public int Tokenize() => Tokenizer.Analyze(_article.Text).Tokens.Length;

    [Benchmark]
    public int ClaimsStage() => _claims.Process(_analyzed, _context).Get(Layers.Claims).Length;

    [Benchmark]
    public int EventsStage() => _events.Process(_analyzed, _context).Get(Layers.Events).Length;

    [Benchmark]
    public int WholePipeline() => _pipeline.Analyze(_article, _context).Failures.Length;
}
