namespace Crosscheck.Language;

/// <summary>
/// The one definition of an n-gram key, shared by the profile loader and the scorer, so a profile
/// string and the same characters seen in running text always hash alike. Words are lower-cased
/// and padded with '_' on both sides, as TextCat does.
/// </summary>
internal static class NgramHashing
{
    public const int MaxOrder = 5;
    public const char WordEdge = '_';

    /// <summary>FNV-1a over UTF-16 code units: start from <see cref="Offset"/>, then <see cref="Step"/> per character.</summary>
    public const ulong Offset = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    public static ulong Step(ulong hash, char c) => (hash ^ c) * Prime;

    public static ulong Hash(ReadOnlySpan<char> ngram)
    {
        var h = Offset;
        foreach (var c in ngram) h = Step(h, c);
        return h;
    }

    /// <summary>Lower-cases the way the profiles were normalised (invariant culture, so Turkish I does not vary by machine).</summary>
    public static char Fold(char c) => c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    /// <summary>
    /// Latin letters that look like Cyrillic ones, as typed into Cyrillic words (Belarusian and
    /// Ukrainian "i" typed on a Latin layout); the TextCat Belarusian and Bulgarian profiles have
    /// them too. Takes the character before case folding, since only some cases look alike;
    /// anything else is returned unchanged.
    /// </summary>
    public static char LatinHomoglyphToCyrillic(char c) => c switch
    {
        'A' => 'А', 'a' => 'а',
        'B' => 'В',
        'C' => 'С', 'c' => 'с',
        'E' => 'Е', 'e' => 'е',
        'H' => 'Н',
        'I' => 'І', 'i' => 'і',
        'J' => 'Ј', 'j' => 'ј',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О', 'o' => 'о',
        'P' => 'Р', 'p' => 'р',
        'S' => 'Ѕ', 's' => 'ѕ',
        'T' => 'Т',
        'X' => 'Х', 'x' => 'х',
        'Y' => 'У', 'y' => 'у',
        _ => c,
    };
}
