using System.Collections.Immutable;

namespace Crosscheck;

/// <summary>
/// An article with the annotation layers stages have added so far. Immutable: a stage returns a
/// new instance with one more layer, so a half-finished analysis is never observed.
/// </summary>
public sealed class AnalyzedArticle
{
    private readonly ImmutableDictionary<LayerKey, object> _layers;

    public AnalyzedArticle(Article article) : this(article, ImmutableDictionary<LayerKey, object>.Empty, null) { }

    private AnalyzedArticle(Article article, ImmutableDictionary<LayerKey, object> layers, DateOnly? referenceDate)
    {
        Article = article;
        _layers = layers;
        ReferenceDate = referenceDate;
    }

    public Article Article { get; }

    /// <summary>
    /// The date the pipeline anchored relative dates on ("Saturday", "last month"): the report's own date, or for
    /// an undated report the run's fallback. Null when the analysis did not come from <see cref="Pipeline.Analyze"/>
    /// (read back from a store): the store keeps an undated report's date beside it, to analyse it again alike.
    /// </summary>
    public DateOnly? ReferenceDate { get; }

    /// <summary>Shorthand for <c>Article.Text</c>, the string every span indexes.</summary>
    public string Text => Article.Text;

    public IEnumerable<LayerKey> LayerKeys => _layers.Keys;

    public bool Has(LayerKey key) => _layers.ContainsKey(key);

    public T Get<T>(LayerKey<T> key) where T : notnull =>
        _layers.TryGetValue(key, out var value)
            ? (T)value
            : throw new InvalidOperationException(
                $"Layer '{key.Name}' is missing on article '{Article.Id}': add the stage that produces it before the stage that reads it.");

    public T GetOrDefault<T>(LayerKey<T> key, T fallback) where T : notnull =>
        _layers.TryGetValue(key, out var value) ? (T)value : fallback;

    public bool TryGet<T>(LayerKey<T> key, out T value) where T : notnull
    {
        if (_layers.TryGetValue(key, out var boxed))
        {
            value = (T)boxed;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Reads an array layer, or an empty array when no stage produced it.</summary>
    public ImmutableArray<T> Items<T>(LayerKey<ImmutableArray<T>> key) =>
        _layers.TryGetValue(key, out var value) ? (ImmutableArray<T>)value : [];

    public AnalyzedArticle With<T>(LayerKey<T> key, T value) where T : notnull =>
        new(Article, _layers.SetItem(key, value), ReferenceDate);

    internal AnalyzedArticle AnchoredOn(DateOnly referenceDate) => new(Article, _layers, referenceDate);

    // For storage, which handles layers generically by key; the key's ValueType guards the cast.
    internal object GetBoxed(LayerKey key) =>
        _layers.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key.Name);

    internal AnalyzedArticle WithBoxed(LayerKey key, object value)
    {
        if (!key.ValueType.IsInstanceOfType(value))
        {
            throw new ArgumentException($"Layer '{key.Name}' holds {key.ValueType.Name}, not {value.GetType().Name}.", nameof(value));
        }
        return new AnalyzedArticle(Article, _layers.SetItem(key, value), ReferenceDate);
    }

    /// <summary>Replaces the article's metadata (never its text: offsets must stay valid).</summary>
    public AnalyzedArticle WithArticle(Article article)
    {
        if (!ReferenceEquals(article.Text, Article.Text) && article.Text != Article.Text)
        {
            throw new ArgumentException("An analyzed article's text cannot change: every layer's offsets refer to it.", nameof(article));
        }
        return new AnalyzedArticle(article, _layers, ReferenceDate);
    }
}
