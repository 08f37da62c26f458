using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Places;
using Crosscheck.Text;

namespace Crosscheck.Entities;

/// <summary>
/// News lets a capital speak for its government ("Kyiv said", "Moscow denied"); the sequence
/// model, seeing a lone capitalised word before a speech verb, often calls it a person. A lone
/// word that names a capital or a city of a million people, and is not the surname of a person
/// named in full in the same report, is taken to be that place.
/// </summary>
internal static class CityMetonyms
{
    private const long MajorCityPopulation = 1_000_000;

    public static void Retype(string text, ImmutableArray<Token> tokens, List<Candidate> candidates, Gazetteer gazetteer)
    {
        HashSet<string>? surnames = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Type == EntityType.Place && OwnsAStateOrgan(text, tokens, candidate.Last) && IsCapital(candidate, text, tokens, gazetteer))
            {
                candidate.Type = EntityType.Organization;
                continue;
            }
            if (candidate.Type != EntityType.Person || candidate.First != candidate.Last) continue;
            var word = tokens[candidate.First].Span.Of(text);
            if (!IsMajorCity(word, gazetteer)) continue;
            surnames ??= FullNameParts(text, tokens, candidates);
            if (!surnames.Contains(word)) candidate.Type = EntityType.Place;
        }
    }

    /// <summary>
    /// "Pyongyang's state media", "Tehran's foreign ministry": a capital's possessive before an organ
    /// of the state makes the capital the state itself. A city's own offices ("Moscow's mayor") are not
    /// in the list, and only a national capital stands for a state.
    /// </summary>
    private static bool OwnsAStateOrgan(string text, ImmutableArray<Token> tokens, int last)
    {
        int t = last + 1;
        if (t >= tokens.Length || tokens[t].Sentence != tokens[last].Sentence || !EntityRules.IsPossessive(tokens[t].Span.SliceOf(text))) return false;
        for (int k = t + 1; k < tokens.Length && k <= t + 3 && tokens[k].Sentence == tokens[last].Sentence; k++)
        {
            var word = tokens[k].Span.SliceOf(text);
            if (tokens[k].Kind != TokenKind.Word || !char.IsLower(word[0])) return false;
            if (Lexicons.Contains(StateOrgans, word)) return true;
        }
        return false;
    }

    private static readonly FrozenSet<string> StateOrgans = new[]
    {
        "media", "government", "regime", "leadership", "ministry", "agency", "television", "broadcaster", "military",
        "army", "diplomats", "diplomat", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson", "embassy",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsCapital(Candidate candidate, string text, ImmutableArray<Token> tokens, Gazetteer gazetteer)
    {
        var name = text[tokens[candidate.First].Span.Start..tokens[candidate.Last].Span.End];
        foreach (var index in gazetteer.FindName(name))
        {
            if (gazetteer.KindOf(index) == PlaceKind.Place && gazetteer.FeatureCodeOf(index) == "PPLC") return true;
        }
        return false;
    }

    private static bool IsMajorCity(string word, Gazetteer gazetteer)
    {
        foreach (var index in gazetteer.FindName(word))
        {
            if (gazetteer.KindOf(index) != PlaceKind.Place) continue;
            if (gazetteer.FeatureCodeOf(index) == "PPLC" || gazetteer.PopulationOf(index) >= MajorCityPopulation) return true;
        }
        return false;
    }

    private static HashSet<string> FullNameParts(string text, ImmutableArray<Token> tokens, List<Candidate> candidates)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate.Type != EntityType.Person || candidate.First == candidate.Last) continue;
            for (int t = candidate.First; t <= candidate.Last; t++) parts.Add(tokens[t].Span.Of(text));
        }
        return parts;
    }
}
