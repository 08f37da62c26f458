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
            if (candidate.Type != EntityType.Person || candidate.First != candidate.Last) continue;
            var word = tokens[candidate.First].Span.Of(text);
            if (!IsMajorCity(word, gazetteer)) continue;
            surnames ??= FullNameParts(text, tokens, candidates);
            if (!surnames.Contains(word)) candidate.Type = EntityType.Place;
        }
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
