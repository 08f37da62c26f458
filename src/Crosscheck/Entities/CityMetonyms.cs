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
            if (candidate.Type == EntityType.Place && IsCountryBeforeASurname(candidate, text, tokens, gazetteer))
            {
                candidate.Type = EntityType.Person;
                continue;
            }
            if (candidate.Type == EntityType.Person && candidate.Last - candidate.First < MaxLocativeNameWords && AfterLocativePreposition(text, tokens, candidate.First)
                && !BeforePossessive(text, tokens, candidate.Last)
                && IsTown(text[tokens[candidate.First].Span.Start..tokens[candidate.Last].Span.End], gazetteer))
            {
                surnames ??= FullNameParts(text, tokens, candidates);
                if (!surnames.Contains(tokens[candidate.Last].Span.Of(text))) candidate.Type = EntityType.Place;
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
    /// "Pyongyang's state media", "Tehran's foreign ministry": a capital's possessive right before an
    /// organ of the state makes the capital the state itself. The organ must follow the possessive at
    /// once, or after a word that only a state's organs carry ("foreign", "defence"; "state" only before
    /// media), so the city's own offices ("Kyiv's city military administration", "Tokyo's metropolitan
    /// government", "Berlin's state government", "Moscow's mayor") keep the city.
    /// </summary>
    private static bool OwnsAStateOrgan(string text, ImmutableArray<Token> tokens, int last)
    {
        int t = last + 1;
        if (t + 1 >= tokens.Length || tokens[t].Sentence != tokens[last].Sentence || !EntityRules.IsPossessive(tokens[t].Span.SliceOf(text))) return false;
        var word = tokens[t + 1].Span.SliceOf(text);
        if (tokens[t + 1].Kind != TokenKind.Word || tokens[t + 1].Sentence != tokens[last].Sentence || !char.IsLower(word[0])) return false;
        if (Lexicons.Contains(StateOrgans, word)) return true;
        if (t + 2 >= tokens.Length || tokens[t + 2].Sentence != tokens[last].Sentence || tokens[t + 2].Kind != TokenKind.Word) return false;
        var organ = tokens[t + 2].Span.SliceOf(text);
        if (word.SequenceEqual("state")) return Lexicons.Contains(StateMedia, organ);
        return Lexicons.Contains(NationalPortfolios, word) && Lexicons.Contains(StateOrgans, organ);
    }

    private static readonly FrozenSet<string> StateOrgans = new[]
    {
        "media", "government", "regime", "leadership", "ministry", "agency", "television", "broadcaster", "military",
        "army", "diplomats", "diplomat", "envoy", "ambassador", "spokesman", "spokeswoman", "spokesperson", "embassy",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A region or a city-state has a state government too; only a nation has state media.
    private static readonly FrozenSet<string> StateMedia = new[] { "media", "television", "broadcaster", "agency", "news", "TV", "radio" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NationalPortfolios = new[] { "foreign", "defence", "defense" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Jordan Marchetti said", "Chad Okoro": a country's name that is also a given name, with a capitalised
    /// word after it that names no place and is no common noun, is a person's name; the country alone in
    /// the model's place span would become a toponym. Names the gazetteer knows whole ("Panama City") and
    /// place, institution and organisation words ("Jordan Valley", "Israel Radio") keep the model's verdict.
    /// </summary>
    private static bool IsCountryBeforeASurname(Candidate candidate, string text, ImmutableArray<Token> tokens, Gazetteer gazetteer)
    {
        if (candidate.Last != candidate.First + 1) return false;
        var given = tokens[candidate.First].Span.Of(text);
        var surname = tokens[candidate.Last].Span.Of(text);
        if (!IsPlainName(given) || !IsPlainName(surname)) return false;
        var lower = surname.ToLowerInvariant();
        if (Truecaser.Default.IsUsuallyLowercase(lower) || PlaceWords.InstitutionWords.Contains(lower) || PlaceWords.StreetWords.Contains(lower)
            || Lexicons.Contains(Lexicons.OrganizationKeywords, lower) || Lexicons.Contains(Lexicons.MediaTitleWords, lower)) return false;
        if (!gazetteer.FindName(surname).IsEmpty || !gazetteer.FindName(given + " " + surname).IsEmpty) return false;
        foreach (var index in gazetteer.FindName(given))
        {
            if (gazetteer.KindOf(index) == PlaceKind.Country) return true;
        }
        return false;
    }

    // "Jordan", "Marchetti": a capital and lower-case letters only, as given names and surnames are written.
    private static bool IsPlainName(string word) => word.Length >= 3 && char.IsUpper(word[0]) && word.AsSpan(1).IndexOfAnyExceptInRange('a', 'z') < 0;

    private static bool IsCapital(Candidate candidate, string text, ImmutableArray<Token> tokens, Gazetteer gazetteer)
    {
        var name = text[tokens[candidate.First].Span.Start..tokens[candidate.Last].Span.End];
        foreach (var index in gazetteer.FindName(name))
        {
            if (gazetteer.KindOf(index) == PlaceKind.Place && gazetteer.FeatureCodeOf(index) == "PPLC") return true;
        }
        return false;
    }

    /// <summary>
    /// "Inside Raqqa", "fighting near Deir ez-Zor": a name the model took for a person, right after a preposition of
    /// place, that names a town of some size, a region or a country is that place; people are met "with", not "in" or
    /// "near". Only prepositions that rarely come before a person's name count ("from", "to" and "at" do).
    /// </summary>
    private static bool AfterLocativePreposition(string text, ImmutableArray<Token> tokens, int first)
    {
        if (first == 0 || tokens[first - 1].Sentence != tokens[first].Sentence) return false;
        return Lexicons.Contains(LocativePrepositions, tokens[first - 1].Span.SliceOf(text));
    }

    private static readonly FrozenSet<string> LocativePrepositions = new[]
    {
        "in", "near", "inside", "outside", "across", "around", "throughout", "toward", "towards", "into",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int MaxLocativeNameWords = 3;

    // "in Lessing's play", "in Belgrano's camp": a person's work or camp, not the place.
    private static bool BeforePossessive(string text, ImmutableArray<Token> tokens, int last) =>
        last + 1 < tokens.Length && EntityRules.IsPossessive(tokens[last + 1].Span.SliceOf(text));

    // A hamlet's name is a surname as often as not ("near Smith"); a town of this size is written as a place.
    private const long LocativeTownPopulation = 10_000;

    private static bool IsTown(string name, Gazetteer gazetteer)
    {
        foreach (var index in gazetteer.FindName(name))
        {
            if (gazetteer.KindOf(index) is PlaceKind.Region or PlaceKind.Country) return true;
            if (gazetteer.KindOf(index) == PlaceKind.Place && gazetteer.PopulationOf(index) >= LocativeTownPopulation) return true;
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
