using System.Collections.Immutable;

namespace Crosscheck.Entities;

public enum EntityType { Person, Organization, Place, Group, MilitaryUnit, Other }

/// <summary>One mention of an entity; <see cref="Entity"/> indexes <see cref="EntityLayer.Entities"/>.</summary>
public readonly record struct EntityMention(Span Span, EntityType Type, int Entity);

/// <summary>An entity within one report: all its mentions share one index (within-report coreference).</summary>
public sealed record ArticleEntity(int Index, EntityType Type, string Name, ImmutableArray<string> Aliases);

public sealed record EntityLayer(ImmutableArray<EntityMention> Mentions, ImmutableArray<ArticleEntity> Entities)
{
    public static EntityLayer Empty { get; } = new([], []);
}
