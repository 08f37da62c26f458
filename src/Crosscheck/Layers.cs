using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Events;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck;

/// <summary>The annotation layers the standard stages produce, in the order they usually run.</summary>
public static class Layers
{
    public static readonly LayerKey<ImmutableArray<Sentence>> Sentences = new("sentences");
    public static readonly LayerKey<ImmutableArray<Token>> Tokens = new("tokens");
    public static readonly LayerKey<EntityLayer> Entities = new("entities");
    public static readonly LayerKey<ImmutableArray<ResolvedPlace>> Places = new("places");
    public static readonly LayerKey<ImmutableArray<TimeExpression>> Times = new("times");
    public static readonly LayerKey<ImmutableArray<Quantity>> Quantities = new("quantities");
    public static readonly LayerKey<ImmutableArray<Attribution>> Claims = new("claims");
    public static readonly LayerKey<ImmutableArray<NewsEvent>> Events = new("events");

    public static IReadOnlyList<LayerKey> All { get; } = [Sentences, Tokens, Entities, Places, Times, Quantities, Claims, Events];

    public static LayerKey? ByName(string name) => All.FirstOrDefault(k => k.Name == name);
}
