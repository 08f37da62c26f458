using System.Text;
using Crosscheck.Ingest;
using FluentAssertions;

namespace Crosscheck.Tests.Ingest;

public sealed class InputReaderTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static List<ReadItem> Read(params string[] paths) => new InputReader(InputLimits.Default).Read(paths).ToList();

    [Fact]
    public void Plain_text_with_date_header_gives_date_and_body_on_same_line()
    {
        var path = temp.Write("story-one.txt", " date 2023-04-05 Lisbon, Apr 5 The harbour reopened today.\r\n\r\nShips queued overnight.\r\n");
        var item = Read(path).Single();
        item.Error.Should().BeNull();
        var raw = item.Article!;
        raw.Id.Should().Be("story-one");
        raw.Format.Should().Be(InputFormat.Text);
        raw.PublishedGiven.Should().Be(new DateOnly(2023, 4, 5));
        raw.PublishedSource.Should().Be("date header");
        raw.Body.Should().Be("Lisbon, Apr 5 The harbour reopened today.\n\nShips queued overnight.\n");
        raw.ContentHash.Should().HaveLength(64).And.MatchRegex("^[0-9a-f]+$");
    }

    [Fact]
    public void Plain_text_without_header_keeps_everything()
    {
        var path = temp.Write("plain.txt", "date of the vote remains open, officials said.");
        var raw = Read(path).Single().Article!;
        raw.PublishedGiven.Should().BeNull();
        raw.Body.Should().Be("date of the vote remains open, officials said.");
    }

    [Fact]
    public void Json_object_uses_news_please_fields()
    {
        var path = temp.Write("one.json", """
            {"title": "Bridge closes", "maintext": "The bridge closed at noon.\n\nTraffic was diverted.",
             "date_publish": "2024-12-16 10:22:00", "source_domain": "example-news.org", "url": "https://example-news.org/a/1",
             "authors": ["Ana Ruiz", "Bo Li"]}
            """);
        var raw = Read(path).Single().Article!;
        raw.Id.Should().Be("one");
        raw.Title.Should().Be("Bridge closes");
        raw.Body.Should().Be("The bridge closed at noon.\n\nTraffic was diverted.");
        raw.PublishedGiven.Should().Be(new DateOnly(2024, 12, 16));
        raw.PublishedSource.Should().Be("date_publish");
        raw.Outlet.Should().Be("example-news.org");
        raw.Url.Should().Be("https://example-news.org/a/1");
        raw.Byline.Should().Be("Ana Ruiz, Bo Li");
        raw.Format.Should().Be(InputFormat.Json);
    }

    [Fact]
    public void Json_array_ids_are_given_id_or_name_with_index_and_hash_per_record()
    {
        var path = temp.Write("batch.json", """
            [{"id": "x-17", "text": "First report text."},
             {"text": "Second report text.", "date_publish": "2021-03-04T23:10:00-05:00"},
             42]
            """);
        var items = Read(path);
        items.Should().HaveCount(3);
        items[0].Article!.Id.Should().Be("x-17");
        items[1].Article!.Id.Should().Be("batch-2");
        items[1].Article!.PublishedGiven.Should().Be(new DateOnly(2021, 3, 4));
        items[0].Article!.ContentHash.Should().NotBe(items[1].Article!.ContentHash);
        items[2].Error.Should().Contain("element 3");
        items[2].Location.Should().Be(path + "[3]");
    }

    [Fact]
    public void Json_lines_stream_records_and_report_bad_lines_with_line_numbers()
    {
        var path = temp.Write("feed.jsonl",
            "{\"title\":\"A\",\"maintext\":\"Alpha text.\",\"date_publish\":\"2024-01-02\"}\n" +
            "{\"maintext\": \"Broken\n" +
            "\n" +
            "{\"id\": 7, \"text\": \"Gamma text.\"}\r\n" +
            "{\"title\": \"no body\"}\n");
        var items = Read(path);
        items.Should().HaveCount(4);
        items[0].Article!.Id.Should().Be("feed-1");
        items[0].Article!.Format.Should().Be(InputFormat.JsonLines);
        items[0].Location.Should().Be(path + ":1");
        items[1].Article.Should().BeNull();
        items[1].Location.Should().Be(path + ":2");
        items[1].Error.Should().StartWith("malformed JSON line");
        items[2].Article!.Id.Should().Be("7");
        items[3].Error.Should().Contain("no text");
        items[3].Location.Should().Be(path + ":5");
    }

    [Fact]
    public void Json_line_above_limit_fails_alone()
    {
        var path = temp.Write("long.jsonl", "{\"text\":\"" + new string('a', 500) + "\"}\n{\"text\":\"Short one.\"}\n");
        var items = new InputReader(new InputLimits(MaxJsonLineBytes: 100)).Read([path]).ToList();
        items.Should().HaveCount(2);
        items[0].Error.Should().Contain("longer than").And.Contain("MaxJsonLineBytes");
        items[0].Location.Should().Be(path + ":1");
        items[1].Article!.Body.Should().Be("Short one.");
    }

    [Fact]
    public void Html_page_gives_metadata_and_main_text_without_page_debris()
    {
        var path = temp.Write("page.html", """
            <html><head>
              <title>Floods hit the valley | Valley Courier</title>
              <meta property="og:site_name" content="Valley Courier">
              <meta property="article:published_time" content="2022-08-09T07:00:00+02:00">
              <meta name="author" content="Mira Holm">
              <link rel="canonical" href="https://www.valley-courier.example/floods">
              <script>var tracking = "Do not read me";</script>
            </head><body>
              <nav><a href="/">Home</a> <a href="/world">World news and more stories here</a></nav>
              <header><h2>Valley Courier daily edition header text</h2></header>
              <article>
                <h1>Floods hit the valley</h1>
                <div class="share-buttons">Share on social networks with your friends and family now</div>
                <p>Heavy rain flooded the lower valley on Tuesday, forcing hundreds of families to leave their homes, officials said.</p>
                <figure><img src="x.jpg"><figcaption>Rescuers carry a child through water, in a picture taken Tuesday.</figcaption></figure>
                <p>The river rose by three metres in six hours, the regional water agency said, the fastest rise it has recorded.</p>
                <p>Schools will stay closed until Friday, and the main road north remains cut, according to the police.</p>
                <aside class="related"><ul><li><a href="/x">Storm season begins early, forecasters warn of more</a></li></ul></aside>
              </article>
              <footer><p>Copyright Valley Courier, all rights reserved, contact us at the address below.</p></footer>
            </body></html>
            """);
        var raw = Read(path).Single().Article!;
        raw.Format.Should().Be(InputFormat.Html);
        raw.Title.Should().Be("Floods hit the valley");
        raw.Outlet.Should().Be("Valley Courier");
        raw.Byline.Should().Be("Mira Holm");
        raw.Url.Should().Be("https://www.valley-courier.example/floods");
        raw.PublishedGiven.Should().Be(new DateOnly(2022, 8, 9));
        raw.PublishedSource.Should().Be("meta article:published_time");
        raw.Body.Should().Contain("Heavy rain flooded the lower valley on Tuesday")
            .And.Contain("\n\nThe river rose by three metres")
            .And.Contain("Schools will stay closed until Friday");
        raw.Body.Should().NotContain("Share on").And.NotContain("Rescuers carry").And.NotContain("Storm season")
            .And.NotContain("Copyright").And.NotContain("tracking").And.NotContain("Home");
    }

    [Fact]
    public void Html_date_from_json_ld_or_time_element_and_outlet_from_canonical_domain()
    {
        var path = temp.Write("ld.htm", """
            <html><head><link rel="canonical" href="https://www.harbour-times.example/story/9">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"Port strike ends","datePublished":"2020-02-29T10:00:00Z","author":{"@type":"Person","name":"Jo Park"}}]}</script>
            </head><body><div id="content"><p>Dock workers returned to work on Saturday after a nine-day strike over pay, the union said in a statement.</p>
            <p>The agreement raises wages by four percent this year and three percent next year, the port authority said.</p></div></body></html>
            """);
        var raw = Read(path).Single().Article!;
        raw.PublishedGiven.Should().Be(new DateOnly(2020, 2, 29));
        raw.PublishedSource.Should().Be("JSON-LD datePublished");
        raw.Title.Should().Be("Port strike ends");
        raw.Byline.Should().Be("Jo Park");
        raw.Outlet.Should().Be("harbour-times.example");

        var timePath = temp.Write("time.html", "<html><body><time datetime=\"2019-07-01\">July 1</time><p>Text of a report long enough to be taken as the article body, with a comma.</p></body></html>");
        Read(timePath).Single().Article!.PublishedGiven.Should().Be(new DateOnly(2019, 7, 1));
    }

    [Fact]
    public void Html_body_by_text_density_drops_ads_link_lists_and_sidebar()
    {
        var path = temp.Write("page2.html", """
<!DOCTYPE html><html><head><meta property="og:title" content="Dam repairs finish early"><meta property="og:url" content="https://news.river-post.example/dam"><meta name="pubdate" content="20230611"></head>
<body><div class="site-wrapper"><div class="top-menu"><ul><li><a href="/">Home</a></li><li><a href="/a">Politics</a></li></ul></div>
<div class="main-column">
<div class="story-body">
<p class="byline">By Leo Grant</p>
<p>Engineers finished repairs on the old dam on Sunday, three weeks ahead of schedule, the regional authority said.</p>
<div class="ad-slot">Advertisement</div>
<p>The dam, built in 1961, had cracks along its spillway that worried residents downstream, officials said.<br>Water levels will return to normal by July.</p>
<h3>Costs came in lower</h3>
<p>The work cost 4.2 million euros, about a tenth less than planned, according to the authority's figures.</p>
<div class="read-more"><a href="/x">Read more: Floods in the north leave thousands without power</a></div>
<ul><li><a href="/y">River festival returns after four years away from town</a></li><li><a href="/z">New bridge plans unveiled by mayor</a></li></ul>
<p>Residents will be invited to an open day at the dam in August, the authority added.</p>
</div></div>
<div class="sidebar"><h3>Most read</h3><p>Some other story entirely that is quite long, with commas, to tempt the scorer, and more.</p></div>
</div></body></html>
""");
        var raw = Read(path).Single().Article!;
        raw.Byline.Should().Be("Leo Grant");
        raw.Outlet.Should().Be("news.river-post.example");
        raw.PublishedGiven.Should().Be(new DateOnly(2023, 6, 11));
        raw.Body.Should().Be(
            "Engineers finished repairs on the old dam on Sunday, three weeks ahead of schedule, the regional authority said.\n\n" +
            "The dam, built in 1961, had cracks along its spillway that worried residents downstream, officials said.\n\n" +
            "Water levels will return to normal by July.\n\n" +
            "Costs came in lower\n\n" +
            "The work cost 4.2 million euros, about a tenth less than planned, according to the authority's figures.\n\n" +
            "Residents will be invited to an open day at the dam in August, the authority added.");
    }

    [Fact]
    public void Deeply_nested_html_does_not_overflow_the_stack()
    {
        var html = new StringBuilder("<html><body>");
        for (int i = 0; i < 10_000; i++) html.Append("<div>");
        html.Append("<p>Deep inside the page there is still a paragraph of text, with a comma, long enough.</p>");
        for (int i = 0; i < 10_000; i++) html.Append("</div>");
        html.Append("</body></html>");
        var path = temp.Write("deep.html", html.ToString());
        var item = Read(path).Single();
        item.Error.Should().BeNull();
        item.Article!.Body.Should().Be("Deep inside the page there is still a paragraph of text, with a comma, long enough.");
    }

    [Fact]
    public void Missing_path_fails_clearly_and_reading_goes_on()
    {
        var good = temp.Write("good.txt", "A report that exists.");
        var missing = System.IO.Path.Combine(temp.Path, "nope.txt");
        var items = Read(missing, good);
        items.Should().HaveCount(2);
        items[0].Location.Should().Be(missing);
        items[0].Error.Should().Contain("no such file");
        items[1].Article!.Id.Should().Be("good");
    }

    [Fact]
    public void Folder_without_readable_files_fails_with_a_reason_for_each_file()
    {
        var folder = temp.Folder("odd");
        temp.Write("odd/scan.pdf", "%PDF-1.4");
        temp.Write("odd/.hidden.txt", "hidden text");
        var items = Read(folder);
        items.Should().HaveCount(2);
        items[0].Error.Should().Contain("unsupported extension '.pdf'");
        items[0].Skipped.Should().BeTrue("a non-news file met in a folder is passed over, not rejected");
        items[1].Location.Should().Be(folder);
        items[1].Skipped.Should().BeFalse();
        items[1].Error.Should().Contain("no readable files");

        var empty = temp.Folder("empty");
        Read(empty).Single().Error.Should().Contain("no readable files");
    }

    [Fact]
    public void Folders_are_read_recursively_in_ordinal_order()
    {
        temp.Write("corpus/b.txt", "Bee text.");
        temp.Write("corpus/a.txt", "Ay text.");
        temp.Write("corpus/sub/c.txt", "Sea text.");
        temp.Write("corpus/A-upper.txt", "Upper text.");
        var ids = Read(System.IO.Path.Combine(temp.Path, "corpus")).Select(item => item.Article!.Id).ToList();
        ids.Should().Equal("A-upper", "a", "b", "c");
    }

    [Fact]
    public void Empty_binary_and_oversized_files_fail_and_others_still_read()
    {
        var empty = temp.Write("empty.txt", "");
        var blank = temp.Write("blank.txt", "  \n\n ");
        var binary = temp.WriteBytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03, 0x00, 0xFF, 0x10]);
        var controls = temp.WriteBytes("controls.txt", Enumerable.Range(0, 200).Select(i => (byte)(i % 2 == 0 ? 0x01 : 0x41)).ToArray());
        var large = temp.Write("large.txt", new string('x', 2000));
        var fine = temp.Write("fine.txt", "Fine text.");
        var items = new InputReader(new InputLimits(MaxFileBytes: 1000)).Read([empty, blank, binary, controls, large, fine]).ToList();
        items[0].Error.Should().Be("empty file");
        items[1].Error.Should().Contain("empty file");
        items[2].Error.Should().Contain("binary");
        items[3].Error.Should().Contain("binary");
        items[4].Error.Should().Contain("too large").And.Contain("MaxFileBytes");
        items[5].Article!.Body.Should().Be("Fine text.");
    }

    [Fact]
    public void Unsupported_extension_named_explicitly_is_skipped_with_reason()
    {
        var path = temp.Write("notes.docx", "whatever");
        Read(path).Single().Error.Should().StartWith("skipped: unsupported extension '.docx'");
    }

    [Fact]
    public void Json_lines_inside_a_json_file_are_read_as_lines()
    {
        var path = temp.Write("dump.json", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
        var items = Read(path);
        items.Select(i => i.Article!.Id).Should().Equal("dump-1", "dump-2");
    }

    [Fact]
    public void Malformed_json_file_fails_with_the_parser_message()
    {
        var path = temp.Write("bad.json", "{\"title\": \"x\", ");
        var item = Read(path).Single();
        item.Error.Should().StartWith("malformed JSON");
        item.Location.Should().Be(path);
    }
}
