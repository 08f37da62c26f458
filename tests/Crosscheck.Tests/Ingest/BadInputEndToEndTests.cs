using System.Text;
using Crosscheck.Copies;
using Crosscheck.Ingest;
using Crosscheck.Processing;
using FluentAssertions;

namespace Crosscheck.Tests.Ingest;

/// <summary>
/// Hostile or odd inputs through the whole per-report path (read, clean, provenance, every
/// stage) and the copy detector: each ends in a clear result or a clear rejection naming the
/// file, never a hang or a stack overflow. The time bound is a hang guard, not a speed test.
/// </summary>
public sealed class BadInputEndToEndTests : IDisposable
{
    private static readonly Lazy<Components> Shared = new(() => Components.CreateDefault(new DateOnly(2025, 1, 1)));
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static List<(ReadItem Item, AnalyzedArticle? Analyzed)> Run(string path)
    {
        var components = Shared.Value;
        var context = new AnalysisContext(new DateOnly(2025, 1, 1));
        var task = Task.Run(() => components.Reader.Read([path]).Select(item =>
            (item, item.Article is { } raw ? components.Pipeline.Analyze(components.Prepare(raw), context).Article : null)).ToList());
        task.Wait(HangGuard).Should().BeTrue($"reading and analysing {Path.GetFileName(path)} must end");
        return task.Result;
    }

    [Fact]
    public void Mixed_script_text_is_analysed_and_its_names_keep_their_scripts()
    {
        var path = temp.Write("mixed.txt",
            "Губернатор Олег Ткаченко said on Monday that 48 people were hurt near Соснівка. 東京 officials sent aid; " +
            "Bürgermeister Ilse Vantongeren thanked them. الإمارات pledged 2 million. Ωμέγα team arrived.");
        var (item, analyzed) = Run(path).Single();
        item.Error.Should().BeNull();
        analyzed!.Text.Should().Contain("Ткаченко").And.Contain("東京");
        analyzed.Article.Language.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Text_without_letters_is_a_report_with_an_undetermined_language()
    {
        var path = temp.Write("numbers.txt", "12 345 — 67.8 % ... 2024-12-16 !!! ### 0000 1111 2222 ***");
        var (item, analyzed) = Run(path).Single();
        item.Error.Should().BeNull();
        analyzed!.Article.Language.Should().Be("und");
        new CopyDetector().Detect([CopyInput.From(analyzed.Article)]).For(analyzed.Article.Id)!.Status.Should().Be(CopyStatus.Original);
    }

    [Fact]
    public void A_one_megabyte_single_line_is_analysed_in_bounded_time()
    {
        var sentence = "Officials in Belmora said 37 people were rescued on Tuesday, according to AFP, citing the regional emergency service, ";
        var line = new StringBuilder(1 << 20);
        while (line.Length < 1 << 20) line.Append(sentence);
        var path = temp.Write("one-line.txt", line.ToString());
        var (item, analyzed) = Run(path).Single();
        item.Error.Should().BeNull();
        analyzed!.Text.Length.Should().BeGreaterThan(1_000_000);
        analyzed.Article.Relays.Should().Contain("AFP");
    }

    [Fact]
    public void Html_nested_ten_thousand_deep_is_analysed_without_overflowing_the_stack()
    {
        var html = new StringBuilder("<html><head><title>Deep page</title></head><body>");
        for (int i = 0; i < 10_000; i++) html.Append(i % 2 == 0 ? "<div>" : "<span>");
        html.Append("<p>Rescue teams reached the old quarter of Belmora before dawn, the service said on Tuesday.</p>");
        for (int i = 10_000 - 1; i >= 0; i--) html.Append(i % 2 == 0 ? "</div>" : "</span>");
        html.Append("</body></html>");
        var path = temp.Write("deep.html", html.ToString());
        var (item, analyzed) = Run(path).Single();
        item.Error.Should().BeNull();
        analyzed!.Text.Should().Contain("Rescue teams reached the old quarter");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_by_name()
    {
        var path = temp.Write("huge.txt", new string('a', 2048));
        var items = new Crosscheck.Ingest.InputReader(new Crosscheck.Ingest.InputLimits(MaxFileBytes: 1024)).Read([path]).ToList();
        items.Single().Article.Should().BeNull();
        items.Single().Error.Should().Contain("too large").And.Contain("limit");
        items.Single().Location.Should().Be(path);
    }
}
