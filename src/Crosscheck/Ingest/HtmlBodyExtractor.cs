using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Crosscheck.Ingest;

/// <summary>
/// Picks the article text out of a page. Boilerplate elements (navigation, header/footer, aside,
/// figures and captions, scripts/styles, forms, and elements whose class/id names them as share,
/// related, promo, ad ... widgets) are skipped; the remaining text blocks vote for their container
/// by length and commas, discounted by link density (the Readability idea), and the best container
/// with its strong siblings is kept. Walks the tree with an explicit stack: never recursive.
/// </summary>
internal static class HtmlBodyExtractor
{
    private static readonly HashSet<string> SkippedTags =
    [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "form", "button", "nav", "header", "footer",
        "aside", "figure", "figcaption", "picture", "video", "audio", "menu", "select", "textarea", "input", "object",
        "embed", "canvas", "map", "dialog", "head", "title", "meta", "link",
    ];

    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "td", "th", "tr", "table", "tbody", "dd", "dt", "dl", "body", "address", "center", "hr",
    ];

    /// <summary>Text blocks whose container (for scoring) is their parent element.</summary>
    private static readonly HashSet<string> ParagraphTags = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th"];

    /// <summary>Class/id parts that mark debris even on an element that also says "content".</summary>
    private static readonly HashSet<string> StrongBoilerplate =
    [
        "share", "sharing", "social", "related", "recommended", "recommendations", "promo", "advert", "advertisement",
        "newsletter", "subscribe", "subscription", "sponsor", "sponsored", "outbrain", "taboola", "trending", "popular",
        "breadcrumb", "breadcrumbs", "cookie", "cookies", "paywall", "caption", "credit", "credits", "readmore", "most-read",
    ];

    /// <summary>Class/id parts that mark debris unless a content-like part is present too.</summary>
    private static readonly HashSet<string> WeakBoilerplate =
    [
        "header", "footer", "nav", "navbar", "navigation", "menu", "sidebar", "widget", "more", "tags", "meta", "author",
        "byline", "banner", "masthead", "toolbar", "ad", "ads", "hidden", "modal", "popup", "player", "audio", "listen",
        "print", "signup", "comment", "comments", "sr-only", "skip", "footnote", "disclaimer", "copyright",
    ];

    private static readonly HashSet<string> ContentParts = ["article", "body", "content", "main", "story", "text", "entry", "post"];

    private static readonly HashSet<string> Landmarks = ["article", "main", "body", "html"];

    private sealed class Block(string text, int linkChars, IElement owner)
    {
        public string Text { get; } = text;
        public IElement Owner { get; } = owner;
        public double LinkDensity { get; } = text.Length == 0 ? 0 : (double)linkChars / text.Length;
    }

    private readonly record struct Frame(INode Node, int Depth, bool Exit, bool InLink);

    public static string Extract(IHtmlDocument document, int maxDepth)
    {
        IElement? root = document.Body ?? document.DocumentElement;
        if (root is null) return "";
        var (blocks, enter, exit) = CollectBlocks(root, maxDepth);
        if (blocks.Count == 0) return "";

        var scores = new Dictionary<IElement, double>();
        foreach (var block in blocks)
        {
            if (block.Text.Length < 25) continue;
            IElement? container = ParagraphTags.Contains(block.Owner.LocalName) ? block.Owner.ParentElement : block.Owner;
            if (container is null) continue;
            double score = (1 + Count(block.Text, ',') + Math.Min(block.Text.Length / 100.0, 3)) * (1 - block.LinkDensity);
            Add(scores, container, score);
            if (container.ParentElement is { } grandparent) Add(scores, grandparent, score / 2);
        }

        var chosen = new List<(int Enter, int Exit)>();
        if (scores.Count == 0)
        {
            chosen.Add((enter[root], exit[root]));
        }
        else
        {
            var best = scores.MaxBy(pair => pair.Value);
            double threshold = Math.Max(10, best.Value * 0.2);
            foreach (var (element, score) in scores)
            {
                bool isBest = ReferenceEquals(element, best.Key);
                bool strongSibling = score >= threshold && ReferenceEquals(element.ParentElement, best.Key.ParentElement);
                if ((isBest || strongSibling) && enter.TryGetValue(element, out int start)) chosen.Add((start, exit[element]));
            }
        }

        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (block.LinkDensity > 0.5) continue;
            if (!enter.TryGetValue(block.Owner, out int at) || !Inside(at, chosen)) continue;
            foreach (var piece in block.Text.Split('\n'))
            {
                var line = piece.Trim();
                if (line.Length == 0) continue;
                if (text.Length > 0) text.Append("\n\n");
                text.Append(line);
            }
        }
        return text.ToString();
    }

    /// <summary>All text of an element, whitespace collapsed (for titles and bylines).</summary>
    public static string FlatText(IElement element)
    {
        var text = new StringBuilder();
        var pending = new Stack<INode>();
        pending.Push(element);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.NodeType == NodeType.Text) AppendCollapsed(text, node.TextContent);
            else if (node is IElement e && e != element && SkippedTags.Contains(e.LocalName)) continue;
            var children = node.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) pending.Push(children[i]);
        }
        return text.ToString().Trim();
    }

    private static (List<Block> Blocks, Dictionary<IElement, int> Enter, Dictionary<IElement, int> Exit) CollectBlocks(IElement root, int maxDepth)
    {
        var blocks = new List<Block>();
        var enter = new Dictionary<IElement, int>();
        var exit = new Dictionary<IElement, int>();
        var owners = new Stack<IElement>();
        var buffer = new StringBuilder();
        int linkChars = 0, order = 0;

        void Flush()
        {
            var s = buffer.ToString().Trim();
            if (s.Length > 0 && owners.Count > 0) blocks.Add(new Block(s, Math.Min(linkChars, s.Length), owners.Peek()));
            buffer.Clear();
            linkChars = 0;
        }

        var frames = new Stack<Frame>();
        frames.Push(new Frame(root, 0, false, false));
        while (frames.Count > 0)
        {
            var frame = frames.Pop();
            if (frame.Node is IElement closing && frame.Exit)
            {
                Flush();
                exit[closing] = order;
                owners.Pop();
                continue;
            }
            if (frame.Node.NodeType == NodeType.Text)
            {
                int before = buffer.Length;
                AppendCollapsed(buffer, frame.Node.TextContent);
                if (frame.InLink) linkChars += buffer.Length - before;
                continue;
            }
            if (frame.Node is not IElement element) continue;
            string tag = element.LocalName;
            if (tag == "br")
            {
                buffer.Append('\n');
                continue;
            }
            if (SkippedTags.Contains(tag) || IsBoilerplate(element, tag)) continue;
            bool opensBlock = frame.Depth <= maxDepth && (BlockTags.Contains(tag) || ReferenceEquals(element, root));
            bool inLink = frame.InLink || tag == "a";
            if (opensBlock)
            {
                Flush();
                enter[element] = ++order;
                owners.Push(element);
                frames.Push(new Frame(element, frame.Depth, true, inLink));
            }
            var children = element.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) frames.Push(new Frame(children[i], frame.Depth + 1, false, inLink));
        }
        Flush();
        return (blocks, enter, exit);
    }

    private static bool IsBoilerplate(IElement element, string tag)
    {
        if (Landmarks.Contains(tag) || element.GetAttribute("itemprop") == "articleBody") return false;
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true") return true;
        if (element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "complementary" or "menu" or "dialog" or "alert")
            return true;
        string? names = element.GetAttribute("class");
        string? id = element.GetAttribute("id");
        if (string.IsNullOrEmpty(names) && string.IsNullOrEmpty(id)) return false;
        bool strong = false, weak = false, content = false;
        foreach (var part in $"{names} {id}".ToLowerInvariant().Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (StrongBoilerplate.Contains(part)) strong = true;
            else if (WeakBoilerplate.Contains(part)) weak = true;
            else if (ContentParts.Contains(part)) content = true;
        }
        return strong || (weak && !content);
    }

    private static bool Inside(int at, List<(int Enter, int Exit)> ranges)
    {
        foreach (var (start, end) in ranges)
            if (at >= start && at <= end) return true;
        return false;
    }

    private static void AppendCollapsed(StringBuilder text, string value)
    {
        bool space = text.Length == 0 || text[^1] is ' ' or '\n';
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                if (!space) text.Append(' ');
                space = true;
            }
            else
            {
                text.Append(c);
                space = false;
            }
        }
    }

    private static void Add(Dictionary<IElement, double> scores, IElement element, double score) =>
        scores[element] = scores.GetValueOrDefault(element) + score;

    private static int Count(string text, char c)
    {
        int n = 0;
        foreach (char x in text) if (x == c) n++;
        return n;
    }
}
