using System.Collections.Immutable;
using Crosscheck.Entities;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Crosschecking;

/// <summary>One report's layers, its story and its entities' canonical ids, read once for the whole assembly.</summary>
internal sealed class ArticleView
{
    public ArticleView(AnalyzedArticle analyzed, int order, string story, EntityLinking linking)
    {
        Analyzed = analyzed;
        Order = order;
        Story = story;
        Entities = analyzed.GetOrDefault(Layers.Entities, EntityLayer.Empty);
        Sentences = analyzed.Items(Layers.Sentences);
        Times = analyzed.Items(Layers.Times);
        Quantities = analyzed.Items(Layers.Quantities);
        Places = analyzed.Items(Layers.Places);
        EntityIds = new string?[Entities.Entities.Length];
        for (int i = 0; i < EntityIds.Length; i++) EntityIds[i] = linking.IdFor(Id, Entities.Entities[i].Index);
    }

    public AnalyzedArticle Analyzed { get; }
    public Article Article => Analyzed.Article;
    public string Id => Analyzed.Article.Id;
    public string Text => Analyzed.Text;
    public int Order { get; }
    public string Story { get; }
    public EntityLayer Entities { get; }
    public ImmutableArray<Sentence> Sentences { get; }
    public ImmutableArray<TimeExpression> Times { get; }
    public ImmutableArray<Quantity> Quantities { get; }
    public ImmutableArray<ResolvedPlace> Places { get; }

    /// <summary>Canonical entity id per within-report entity index (null when the linker left it out).</summary>
    public string?[] EntityIds { get; }

    public string? EntityIdOf(int entityIndex) => (uint)entityIndex < (uint)EntityIds.Length ? EntityIds[entityIndex] : null;

    public string Slice(Span span)
    {
        int start = Math.Clamp(span.Start, 0, Text.Length);
        int end = Math.Clamp(span.End, start, Text.Length);
        return Text[start..end];
    }

    /// <summary>The sentence(s) covering a span; the span itself when there is no sentence layer.</summary>
    public Span SentenceAround(Span span)
    {
        int start = span.Start, end = span.End;
        foreach (var sentence in Sentences)
        {
            if (sentence.Span.End <= span.Start) continue;
            if (sentence.Span.Start >= span.End && sentence.Span.Start > span.Start) break;
            if (sentence.Span.Overlaps(span) || sentence.Span.Contains(span.Start))
            {
                start = Math.Min(start, sentence.Span.Start);
                end = Math.Max(end, sentence.Span.End);
            }
        }
        return new Span(start, end);
    }

    /// <summary>Canonical ids of the entities mentioned inside a span.</summary>
    public HashSet<string> EntityIdsWithin(Span span)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mention in Entities.Mentions)
        {
            if (span.Contains(mention.Span) && EntityIdOf(mention.Entity) is { } id) ids.Add(id);
        }
        return ids;
    }

    /// <summary>Calendar TIMEX values (dates, months, years) inside a span, in text order, except those inside <paramref name="apart"/>.</summary>
    public List<string> DatesWithin(Span span, IReadOnlyList<Span>? apart = null)
    {
        var values = new List<string>();
        foreach (var time in Times)
        {
            if ((time.Type is TimexType.Date or TimexType.Time) && span.Contains(time.Span) && DisplayDates.IsCalendar(time.Value)
                && !values.Contains(time.Value) && !IsBoundaryOfAState(time.Span) && !IsInPlaceBackground(span, time.Span)
                && (apart is null || !apart.Any(a => a.Contains(time.Span))))
                values.Add(time.Value);
        }
        return values;
    }

    /// <summary>
    /// '"Our units hold the line in the Tarsk region", where rebels crossed the border in May, he added': a clause the
    /// writer hangs on a quotation with ", where" tells the place's background, not when the quoted thing happened.
    /// Without the quotation ("Protests spread to Kidal, where police fired tear gas on Saturday") it is the event's day.
    /// </summary>
    private bool IsInPlaceBackground(Span span, Span time)
    {
        int where = Text.LastIndexOf(", where ", time.Start, time.Start - span.Start, StringComparison.OrdinalIgnoreCase);
        return where > span.Start && Text[where - 1] is '"' or '”' or '’' or '\'';
    }

    /// <summary>
    /// "occupied since August", "in force until March": when a state began or ends, not when the claimed
    /// thing happened, so neither dates the claim.
    /// </summary>
    private bool IsBoundaryOfAState(Span time)
    {
        int end = time.Start;
        while (end > 0 && char.IsWhiteSpace(Text[end - 1])) end--;
        int start = end;
        while (start > 0 && char.IsLetter(Text[start - 1])) start--;
        var word = Text.AsSpan(start, end - start);
        return word.Equals("since", StringComparison.OrdinalIgnoreCase) || word.Equals("until", StringComparison.OrdinalIgnoreCase)
            || word.Equals("till", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Lower-cased names and gazetteer ids of the places inside a span.</summary>
    public HashSet<string> PlacesWithin(Span span)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var place in Places)
        {
            if (!span.Contains(place.Span)) continue;
            keys.Add(place.GeonamesId is long id ? "gn" + id : place.Name.ToLowerInvariant());
        }
        return keys;
    }
}
