using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Crosscheck.Ingest;

/// <summary>
/// HTML pages: metadata from the head (<see cref="HtmlMetadata"/>) and the article body picked
/// by text density (<see cref="HtmlBodyExtractor"/>), paragraphs joined by blank lines.
/// </summary>
internal static class HtmlFormat
{
    // One parser per thread: AngleSharp does not promise that a parser may be shared.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions { IsScripting = false }));

    public static ReadItem Parse(string id, string location, string html, string hash, InputLimits limits)
    {
        using (var document = Parser.Value!.ParseDocument(html))
        {
            var metadata = HtmlMetadata.Read(document);
            string body = HtmlBodyExtractor.Extract(document, limits.MaxHtmlDepth);
            if (string.IsNullOrWhiteSpace(body))
                return ReadItem.Fail(location, "HTML page has no article text");
            if (!body.IsNormalized(NormalizationForm.FormC)) body = body.Normalize(NormalizationForm.FormC);
            return ReadItem.Ok(new RawArticle
            {
                Id = id,
                Location = location,
                Format = InputFormat.Html,
                Body = body,
                Title = metadata.Title,
                Url = metadata.Url,
                Outlet = metadata.Outlet,
                Byline = metadata.Byline,
                PublishedGiven = metadata.Published,
                PublishedSource = metadata.PublishedSource,
                ContentHash = hash,
            });
        }
    }
}
