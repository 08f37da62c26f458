namespace Crosscheck.Claims;

/// <summary>
/// Finds quotations in a whole text, including quotes that run over several sentences and
/// paragraphs (a paragraph that ends inside a quote and a next paragraph that opens with a quote
/// mark continue one quotation, the newspaper convention). Curly, straight, guillemet and doubled
/// apostrophe ('' as in NYT archives) marks. One pass, no regular expressions.
/// </summary>
public static class QuoteFinder
{
    /// <summary>Quotation spans, marks included, in text order and never overlapping.</summary>
    public static List<Span> Find(string text)
    {
        var quotes = new List<Span>();
        int open = -1;
        int n = text.Length;
        int i = 0;
        while (i < n)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (open >= 0)
                {
                    // A quote left open at a paragraph end continues only when the next paragraph opens with a quote mark.
                    int next = i + 1;
                    while (next < n && char.IsWhiteSpace(text[next])) next++;
                    if (next >= n || !IsOpenerAt(text, next, out _))
                    {
                        int end = i;
                        while (end > open && char.IsWhiteSpace(text[end - 1])) end--;
                        if (end - open > 1) quotes.Add(new Span(open, end));
                        open = -1;
                    }
                    else
                    {
                        i = next + MarkLength(text, next);
                        continue;
                    }
                }
                i++;
                continue;
            }
            int mark = MarkLength(text, i);
            if (mark == 0)
            {
                i++;
                continue;
            }
            bool isCurlyOpen = c is '“' or '«' or '„';
            bool isCurlyClose = c is '”' or '»';
            if (open < 0)
            {
                if (!isCurlyClose && i + mark < n && !char.IsWhiteSpace(text[i + mark])) open = i;
            }
            else if (!isCurlyOpen || c == '„')
            {
                quotes.Add(new Span(open, i + mark));
                open = -1;
            }
            i += mark;
        }
        if (open >= 0)
        {
            int end = n;
            while (end > open && char.IsWhiteSpace(text[end - 1])) end--;
            if (end - open > 1) quotes.Add(new Span(open, end));
        }
        return quotes;
    }

    /// <summary>Length of a double quotation mark at <paramref name="i"/>: 1, 2 for '' or ``, 0 when none.</summary>
    private static int MarkLength(string text, int i)
    {
        char c = text[i];
        if (c is '"' or '“' or '”' or '«' or '»' or '„') return 1;
        if ((c == '\'' || c == '`') && i + 1 < text.Length && text[i + 1] == c) return 2;
        return 0;
    }

    private static bool IsOpenerAt(string text, int i, out int length)
    {
        length = MarkLength(text, i);
        return length > 0 && text[i] is not ('”' or '»');
    }
}
