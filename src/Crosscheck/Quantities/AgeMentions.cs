using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Text;

namespace Crosscheck.Quantities;

/// <summary>How a number reads as a person's age, if it does.</summary>
public enum AgeForm
{
    /// <summary>Not an age.</summary>
    None,
    /// <summary>"Marcus Reed, 17, was shot", "Dan Lee (43)": likely an age, but no word says so; neither quantity nor toll.</summary>
    Apposition,
    /// <summary>"aged 68 and 48", "age 87", the 68 of "68 and 48 years old": an age in years, told by a word apart from the number.</summary>
    Stated,
    /// <summary>"48 years old", "a 16-year-old": the unit after the number says it (models/times/en-units.tsv, kind age).</summary>
    WithUnit,
}

/// <summary>
/// A person's age written as a number: "Marcus Reed, 17, was shot", "Dan Lee (43)", "aged 68 and 48",
/// "68 and 48 years old". Ages count nothing, so they are never a count and never a casualty toll: read as
/// one, "Keith Scott, 43, was killed by police" became 43 dead. An age a word states is a quantity of kind
/// <see cref="QuantityKind.Age"/>, in years.
/// </summary>
public static class AgeMentions
{
    private const int OldestAge = 125;
    // Only numbers, commas and joiners lie between "aged" and an age, so a list of several ages ("aged 7, 9 and 12") may be long.
    private const int AgedLookBack = 8;

    /// <param name="first">The number's first token.</param>
    /// <param name="after">The token after the number.</param>
    /// <param name="sentenceStart">The sentence's first token, which no look-back passes.</param>
    /// <param name="end">The token after the sentence.</param>
    public static bool IsAge(string text, ImmutableArray<Token> tokens, int first, int after, int sentenceStart, int end) =>
        Classify(text, tokens, first, after, sentenceStart, end) != AgeForm.None;

    /// <inheritdoc cref="IsAge"/>
    public static AgeForm Classify(string text, ImmutableArray<Token> tokens, int first, int after, int sentenceStart, int end)
    {
        if (after - first != 1 || tokens[first].Kind != TokenKind.Number || !int.TryParse(Word(text, tokens, first), out int value)
            || value <= 0 || value > OldestAge) return AgeForm.None;
        if (BeforeYearsOld(text, tokens, after, end)) return AgeForm.WithUnit;
        if (AfterAged(text, tokens, first, sentenceStart, end) || IsConjoinedBeforeYearsOld(text, tokens, after, end)) return AgeForm.Stated;
        return IsApposedToAName(text, tokens, first, sentenceStart, end) ? AgeForm.Apposition : AgeForm.None;
    }

    /// <summary>"Reed, 17, was", "Lee (43) was": a number between commas or brackets right after a capitalised word.</summary>
    private static bool IsApposedToAName(string text, ImmutableArray<Token> tokens, int number, int sentenceStart, int end)
    {
        if (number - 2 < sentenceStart || number + 1 >= end) return false;
        var opening = Word(text, tokens, number - 1);
        var closing = Word(text, tokens, number + 1);
        // A list "Hatay, 43; Adana, 12." gives counts, not ages: only a comma closes an age.
        bool commas = opening is "," && closing is ",";
        bool brackets = opening is "(" && closing is ")";
        if (!commas && !brackets) return false;
        var name = tokens[number - 2];
        return name.Kind == TokenKind.Word && char.IsUpper(text[name.Span.Start]);
    }

    /// <summary>
    /// "aged 68 and 48", "ages 5 to 12": only numbers and their joiners between "aged" and the number, and no noun after
    /// it ("a boy aged 14 and 3 adults" counts the adults).
    /// </summary>
    private static bool AfterAged(string text, ImmutableArray<Token> tokens, int number, int sentenceStart, int end)
    {
        if (number + 1 < end && tokens[number + 1].Kind == TokenKind.Word && Word(text, tokens, number + 1) is var next
            && !IsJoiner(next) && !next.StartsWith("year", StringComparison.OrdinalIgnoreCase) && !AgeFollowers.Contains(next)) return false;
        for (int k = number - 1; k >= sentenceStart && number - k <= AgedLookBack; k--)
        {
            var word = Word(text, tokens, k);
            if (word.Equals("aged", StringComparison.OrdinalIgnoreCase) || word.Equals("age", StringComparison.OrdinalIgnoreCase)
                || word.Equals("ages", StringComparison.OrdinalIgnoreCase)) return true;
            if (!(tokens[k].Kind == TokenKind.Number || word is "," or "-" || IsJoiner(word) || IsRangeOpener(word))) return false;
        }
        return false;
    }

    /// <summary>"48 years old", "16-year-old", "16 - year - old", "48-years-old".</summary>
    private static bool BeforeYearsOld(string text, ImmutableArray<Token> tokens, int k, int end)
    {
        k = SkipDashes(text, tokens, k, end);
        if (k >= end) return false;
        var year = Word(text, tokens, k);
        if (year.Equals("year-old", StringComparison.OrdinalIgnoreCase) || year.Equals("years-old", StringComparison.OrdinalIgnoreCase)) return true;
        if (!year.Equals("year", StringComparison.OrdinalIgnoreCase) && !year.Equals("years", StringComparison.OrdinalIgnoreCase)) return false;
        k = SkipDashes(text, tokens, k + 1, end);
        return k < end && Word(text, tokens, k).Equals("old", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"68 and 48 years old": the first of two ages joined before one "years old".</summary>
    private static bool IsConjoinedBeforeYearsOld(string text, ImmutableArray<Token> tokens, int k, int end)
    {
        if (k + 1 >= end) return false;
        var joiner = Word(text, tokens, k);
        if (!(joiner is "," || joiner.Equals("and", StringComparison.OrdinalIgnoreCase) || joiner.Equals("or", StringComparison.OrdinalIgnoreCase))) return false;
        return tokens[k + 1].Kind == TokenKind.Number && BeforeYearsOld(text, tokens, k + 2, end);
    }

    /// <summary>Words that go on after a list of ages ("aged 5 to 12 were evacuated"), where a counted noun would stand after a count.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AgeFollowers =
        FrozenSet.ToFrozenSet(["were", "was", "are", "is", "have", "has", "had", "who", "died", "remain", "remained",
            "in", "at", "on", "from", "with", "will", "would"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"[aged] between 19 and 25": the range word at <paramref name="k"/> follows "aged", so the range is of ages.</summary>
    public static bool IsAgeRangeOpener(string text, ImmutableArray<Token> tokens, int k, int sentenceStart) =>
        k > sentenceStart && IsRangeOpener(Word(text, tokens, k)) && Word(text, tokens, k - 1) is var before
        && (before.Equals("aged", StringComparison.OrdinalIgnoreCase) || before.Equals("ages", StringComparison.OrdinalIgnoreCase));

    /// <summary>"aged between 19 and 25", "aged from 5 to 12".</summary>
    private static bool IsRangeOpener(ReadOnlySpan<char> word) =>
        word.Equals("between", StringComparison.OrdinalIgnoreCase) || word.Equals("from", StringComparison.OrdinalIgnoreCase);

    private static bool IsJoiner(ReadOnlySpan<char> word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase) || word.Equals("to", StringComparison.OrdinalIgnoreCase);

    private static int SkipDashes(string text, ImmutableArray<Token> tokens, int k, int end)
    {
        while (k < end && Word(text, tokens, k) is "-" or "–") k++;
        return k;
    }

    private static ReadOnlySpan<char> Word(string text, ImmutableArray<Token> tokens, int k) => tokens[k].Span.SliceOf(text);
}
