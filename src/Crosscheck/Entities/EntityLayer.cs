using System.Collections.Immutable;

namespace Crosscheck.Entities;

public enum EntityType { Person, Organization, Place, Group, MilitaryUnit, Other }

/// <summary>
/// One mention of an entity; <see cref="Entity"/> indexes <see cref="EntityLayer.Entities"/>.
/// Spans never end in a possessive "'s" and never include a person's title ("President");
/// a Group span takes in its head noun ("North Korean soldiers"; see
/// <see cref="EntityMentionExtensions.NameSpanOf"/> for the name part alone). Mentions are sorted
/// by span and may nest when an institution contains a place ("Russia's defence ministry" / "Russia").
/// </summary>
public readonly record struct EntityMention(Span Span, EntityType Type, int Entity);

/// <summary>
/// An entity within one report: all its mentions share one index (within-report coreference).
/// <see cref="Name"/> is the fullest written form (a person's longest name, a written-out name
/// rather than its acronym); <see cref="Aliases"/> holds the other forms and acronym expansions.
/// </summary>
public sealed record ArticleEntity(int Index, EntityType Type, string Name, ImmutableArray<string> Aliases);

public sealed record EntityLayer(ImmutableArray<EntityMention> Mentions, ImmutableArray<ArticleEntity> Entities)
{
    public static EntityLayer Empty { get; } = new([], []);
}
