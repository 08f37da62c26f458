using System.Collections.Frozen;
using Crosscheck.Claims;

namespace Crosscheck.Events;

/// <summary>An event trigger: words (a trailing * makes the last word a prefix), the ACLED type it signals, and what it needs besides.</summary>
public sealed record EventTrigger(string[] Words, bool LastIsPrefix, string EventType, string SubEventType, TriggerNeeds Needs);

/// <summary>What a trigger needs in its sentence to count: an armed actor ("assault" alone is too vague), anything (actor, place or casualties), or nothing.</summary>
public enum TriggerNeeds { Actor, Any, None }

/// <summary>
/// Event triggers and actor names (data in models/claims/event-triggers-en.tsv and actors-en.tsv).
/// Lookups go by the first word of a trigger; prefix triggers by the first three letters.
/// </summary>
public sealed class EventLexicon
{
    private readonly FrozenDictionary<string, EventTrigger[]> _byFirstWord;
    private readonly FrozenDictionary<string, EventTrigger[]> _byPrefix3;
    private readonly FrozenDictionary<string, (string[] Words, string Country, bool Self)[]> _actorsByFirstWord;
    private readonly FrozenSet<string> _forceNouns;

    public EventLexicon(IEnumerable<EventTrigger> triggers, IEnumerable<(string Name, string Country, bool Self)> actors, IEnumerable<string> forceNouns,
        IEnumerable<string>? armedSides = null, IEnumerable<string>? crowds = null, IEnumerable<string>? police = null)
    {
        var list = triggers.ToList();
        _byFirstWord = list.Where(t => !(t.LastIsPrefix && t.Words.Length == 1))
            .GroupBy(t => t.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _byPrefix3 = list.Where(t => t.LastIsPrefix && t.Words.Length == 1 && t.Words[0].Length >= 3)
            .GroupBy(t => t.Words[0][..3], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _actorsByFirstWord = actors.Select(a => (Words: a.Name.Split(' '), a.Country, a.Self))
            .GroupBy(a => a.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(a => a.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _forceNouns = forceNouns.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        TriggerLookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        PrefixLookup = _byPrefix3.GetAlternateLookup<ReadOnlySpan<char>>();
        ActorLookup = _actorsByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        ForceLookup = _forceNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        ArmedSideLookup = (armedSides?.ToFrozenSet(StringComparer.OrdinalIgnoreCase) ?? _forceNouns).GetAlternateLookup<ReadOnlySpan<char>>();
        CrowdLookup = (crowds ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        PoliceLookup = (police ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly Lazy<EventLexicon> EnglishLazy = new(LoadEnglish);

    public static EventLexicon English => EnglishLazy.Value;

    internal FrozenDictionary<string, EventTrigger[]>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup { get; }

    internal FrozenDictionary<string, EventTrigger[]>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup { get; }

    internal FrozenDictionary<string, (string[] Words, string Country, bool Self)[]>.AlternateLookup<ReadOnlySpan<char>> ActorLookup { get; }

    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ForceLookup { get; }

    /// <summary>Words naming an armed, organised side ("pirates", "police", "troops"): a battle with no named state needs one.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ArmedSideLookup { get; }

    /// <summary>Words naming demonstrators ("protesters", "rioters"): fighting between them and the police is a riot.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CrowdLookup { get; }

    /// <summary>The armed sides that police a crowd ("police", "cops"): demonstrators fighting only them riot; fighting a militia is a battle.</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PoliceLookup { get; }

    private static EventLexicon LoadEnglish()
    {
        var triggers = ClaimResources.ReadTsv("event-triggers-en.tsv").Select(r =>
        {
            var phrase = r[0].Trim();
            bool prefix = phrase.EndsWith('*');
            var needs = r.Length > 3 ? r[3].Trim() switch { "actor" => TriggerNeeds.Actor, "none" => TriggerNeeds.None, _ => TriggerNeeds.Any } : TriggerNeeds.Any;
            return new EventTrigger(phrase.TrimEnd('*').Split(' '), prefix, r[1].Trim(), r[2].Trim(), needs);
        });
        var rows = ClaimResources.ReadTsv("actors-en.tsv").ToList();
        var actors = rows.Where(r => !r[0].StartsWith('@')).Select(r => (r[0].Trim(), r[1].Trim(), r.Length > 2 && r[2].Trim() == "self"));
        var forces = rows.Where(r => r[0] == "@force").Select(r => r[1].Trim());
        var armed = rows.Where(r => r[0] == "@armed").Select(r => r[1].Trim());
        var crowds = rows.Where(r => r[0] == "@crowd").Select(r => r[1].Trim());
        var police = rows.Where(r => r[0] == "@police").Select(r => r[1].Trim());
        return new EventLexicon(triggers, actors, forces, armed, crowds, police);
    }
}
