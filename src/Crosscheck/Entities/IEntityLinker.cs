using System.Collections.Immutable;

namespace Crosscheck.Entities;

/// <summary>
/// Merges the per-report entities of many reports into canonical entities (spelling and
/// transliteration variants, acronyms, titles), keeping honest non-merges apart.
/// </summary>
public interface IEntityLinker
{
    EntityLinking Link(IReadOnlyList<AnalyzedArticle> articles);
}

/// <summary>A canonical entity and the per-report entities it stands for.</summary>
public sealed record LinkedEntity(
    string Id,
    EntityType Type,
    string Name,
    ImmutableArray<string> Aliases,
    ImmutableArray<ArticleEntityRef> Members);

public readonly record struct ArticleEntityRef(string Article, int Entity);

public sealed record EntityLinking(ImmutableArray<LinkedEntity> Entities, IReadOnlyDictionary<ArticleEntityRef, string> IdOf)
{
    public string? IdFor(string article, int entity) => IdOf.TryGetValue(new ArticleEntityRef(article, entity), out var id) ? id : null;
}
