using BenchmarkDotNet.Attributes;
using Crosscheck.Processing;
using Crosscheck.Text;

namespace Crosscheck.Bench;

/// <summary>Per-stage cost on one generated 600-word report: where the time of `analyze` goes.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private Pipeline _pipeline = null!;
    private Article _article = null!;
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
    }

    [Benchmark]
    public int Tokenize() => Tokenizer.Analyze(_article.Text).Tokens.Length;

    [Benchmark]
    public int WholePipeline() => _pipeline.Analyze(_article, _context).Failures.Length;
}
