using System.Diagnostics;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Evaluation.Times;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Bench;

/// <summary>
/// `extractors DATASETS [ROUNDS]`: throughput of tokenizing plus the times and quantities stages on the
/// inputs bench/recognizers-compare runs the JavaScript Recognizers and chrono-node on (the shared
/// Recognizers-Text English specs and the TempEval-3 dev texts), in characters per second on one core.
/// </summary>
internal static class ExtractorBenchmark
{
    public static void Run(string datasets, int rounds)
    {
        var specs = Path.Combine(datasets, "recognizers-text-specs", "Specs");
        var sets = new List<(string Name, string[] Texts)>();
        foreach (var (name, file) in new[]
        {
            ("NumberModel", "Number/English/NumberModel.json"),
            ("DimensionModel", "NumberWithUnit/English/DimensionModel.json"),
            ("CurrencyModel", "NumberWithUnit/English/CurrencyModel.json"),
        })
        {
            var full = Path.Combine(specs, file);
            if (File.Exists(full)) sets.Add((name, RecognizerSpecs.Parse(File.ReadAllText(full)).Where(c => !c.NotSupportedInDotNet).Select(c => c.Input).ToArray()));
        }
        var tempeval = Path.Combine(datasets, "tempeval3-dev");
        if (Directory.Exists(tempeval))
        {
            sets.Add(("tempeval3-dev", Directory.EnumerateFiles(tempeval, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => TimeMl.Parse(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)).Text).ToArray()));
        }
        var text = new TextStage();
        var times = new TimeStage("en");
        var quantities = new QuantityStage();
        var context = new AnalysisContext(new DateOnly(2016, 11, 7));
        foreach (var (name, texts) in sets)
        {
            var articles = texts.Select((t, i) => new Article { Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Text = t, ContentHash = "h" }).ToArray();
            int found = 0;
            void Once()
            {
                foreach (var article in articles)
                {
                    var analyzed = quantities.Process(times.Process(text.Process(new AnalyzedArticle(article), context), context), context);
                    found += analyzed.Get(Layers.Times).Length + analyzed.Get(Layers.Quantities).Length;
                }
            }
            Once(); // warm up: word tables, JIT
            var watch = Stopwatch.StartNew();
            for (int r = 0; r < rounds; r++) Once();
            double seconds = watch.Elapsed.TotalSeconds;
            long chars = texts.Sum(t => (long)t.Length) * rounds;
            Console.WriteLine($"crosscheck {name,-16} {texts.Length,5} inputs  {chars / seconds,14:N0} chars/s  {texts.Length * rounds / seconds,10:N0} inputs/s  (tokens + times + quantities, 1 core, {rounds} rounds, {found} found)");
        }
    }
}
