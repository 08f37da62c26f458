using System.Collections.Frozen;

namespace Crosscheck.Entities;

/// <summary>Word-level rules shared by training-data cleanup and the stage's post-processing.</summary>
internal static class EntityRules
{
    // Lower-case words that may sit inside a unit name once an ordinal anchors it ("94th separate brigade").
    private static readonly FrozenSet<string> UnitModifiers = new[]
    {
        "separate", "mechanised", "mechanized", "motorised", "motorized", "air", "assault", "airborne", "rifle", "tank",
        "marine", "marines", "infantry", "artillery", "special", "operations", "forces", "guards", "territorial", "defence",
        "defense", "mountain", "assault", "jaeger", "unmanned", "systems", "aviation", "strike", "combined", "arms", "naval",
        "missile", "national", "guard", "border", "-",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> NameConnectors = new[] { "of", "the", "for", "and", "&" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsTitle(ReadOnlySpan<char> word) => Lexicons.Contains(Lexicons.Titles, word);

    public static bool IsUnitModifier(ReadOnlySpan<char> word) => UnitModifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool IsConnector(ReadOnlySpan<char> word) => NameConnectors.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Index of the first token of a person chunk after its titles ("Prime Minister", "Secretary of State").</summary>
    public static int SkipLeadingTitles(IReadOnlyList<string> tokens, int start, int end)
    {
        int i = start;
        while (i < end - 1)
        {
            var word = tokens[i].AsSpan();
            bool beforeTitle = i + 1 < end && IsTitle(tokens[i + 1]);
            if (IsTitle(word) || (beforeTitle && (IsNationalityWord(word) || IsConnector(word)))) i++;
            else break;
        }
        return IsTitle(tokens[i]) ? end : i;
    }

    /// <summary>
    /// "Westerners", "Koreans": a people's name in the plural. Five letters at least, so that a short
    /// name that merely ends in s ("Laos") is not taken for a plural.
    /// </summary>
    public static bool LooksPlural(ReadOnlySpan<char> word) => word.Length > 4 && word[^1] == 's';

    /// <summary>A nationality or demonym adjective: in the lexicon, or a capitalised "-ian/-ean/-ese" word.</summary>
    public static bool IsNationalityWord(ReadOnlySpan<char> word)
    {
        if (Lexicons.Contains(Lexicons.Nationalities, word)) return true;
        if (word.Length < 5 || !char.IsUpper(word[0])) return false;
        return word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ians", StringComparison.Ordinal)
            || word.EndsWith("ean", StringComparison.Ordinal) || word.EndsWith("eans", StringComparison.Ordinal)
            || word.EndsWith("ese", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether a name of <paramref name="words"/> words ending in <paramref name="lastWord"/> is a
    /// nationality ("Kenyan", "North Korean"). The "-ian/-ean/-ese" guess is trusted on a lone word only:
    /// in "New Orleans" or "Indian Ocean" it is a place's last word.
    /// </summary>
    public static bool EndsInNationality(ReadOnlySpan<char> lastWord, int words) =>
        Lexicons.Contains(Lexicons.Nationalities, lastWord) || (words == 1 && IsNationalityWord(lastWord));

    /// <summary>An ordinal token: "95th", "1st", "22nd".</summary>
    public static bool IsOrdinal(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !char.IsDigit(word[0])) return false;
        var suffix = word[^2..];
        return char.IsDigit(word[^3]) && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"North", "South", "East", "West" written as part of a name.</summary>
    public static bool IsCompassWord(ReadOnlySpan<char> word) =>
        word.SequenceEqual("North") || word.SequenceEqual("South") || word.SequenceEqual("East") || word.SequenceEqual("West");

    public static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    /// <summary>An all-capitals word of 2-8 letters that can be an acronym ("HUR", "DPRK").</summary>
    public static bool IsAcronym(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 8) return false;
        int upper = 0;
        foreach (char c in word)
        {
            if (char.IsUpper(c)) upper++;
            else if (c != '.' && c != '-' && !char.IsDigit(c)) return false;
        }
        return upper >= 2;
    }

    public static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.Length == 2 && (word[0] == '\'' || word[0] == '’') && (word[1] == 's' || word[1] == 'S')
        || word.Length == 1 && (word[0] == '\'' || word[0] == '’');
}
