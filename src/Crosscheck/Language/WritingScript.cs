using System.Globalization;

namespace Crosscheck.Language;

/// <summary>
/// The writing systems language identification tells apart before it looks at n-grams. Kana stands
/// for Japanese text (kana with or without kanji); Han alone means Chinese.
/// </summary>
public enum WritingScript : byte
{
    /// <summary>Not a letter, or a mark/letter shared by many scripts (combining accents, digits).</summary>
    None = 0,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Syriac,
    Thaana,
    Devanagari,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Thai,
    Lao,
    Tibetan,
    Myanmar,
    Georgian,
    Ethiopic,
    Khmer,
    Mongolian,
    Kana,
    Han,
    Hangul,
    Other,
}

/// <summary>Maps characters to <see cref="WritingScript"/> by Unicode block; cheap enough for every character.</summary>
public static class WritingScripts
{
    /// <summary>Number of enum values, for count arrays indexed by script.</summary>
    public const int Count = (int)WritingScript.Other + 1;

    /// <summary>True for the characters a word is made of: letters and combining marks (Devanagari vowel signs, Arabic harakat).</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 0x80) return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return true;
            default:
                return false;
        }
    }

    /// <summary>The script of a word character; <see cref="WritingScript.None"/> for script-neutral marks.</summary>
    public static WritingScript Of(char c)
    {
        if (c < 0x0250)
        {
            if (c < 0x41 || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0xBF) || c == 0xD7 || c == 0xF7) return WritingScript.None;
            return WritingScript.Latin;
        }
        if (c < 0x0300) return WritingScript.Latin; // IPA extensions and spacing modifiers, used in Latin transcriptions
        if (c < 0x0370) return WritingScript.None; // combining diacritics belong to whatever letter they follow
        if (c < 0x0400) return WritingScript.Greek;
        if (c < 0x0530) return WritingScript.Cyrillic;
        if (c < 0x0590) return WritingScript.Armenian;
        if (c < 0x0600) return WritingScript.Hebrew;
        if (c < 0x0700) return WritingScript.Arabic;
        if (c < 0x0750) return WritingScript.Syriac;
        if (c < 0x0780) return WritingScript.Arabic;
        if (c < 0x07C0) return WritingScript.Thaana;
        if (c < 0x08A0) return WritingScript.Other;
        if (c < 0x0900) return WritingScript.Arabic;
        if (c < 0x0980) return WritingScript.Devanagari;
        if (c < 0x0A00) return WritingScript.Bengali;
        if (c < 0x0A80) return WritingScript.Gurmukhi;
        if (c < 0x0B00) return WritingScript.Gujarati;
        if (c < 0x0B80) return WritingScript.Oriya;
        if (c < 0x0C00) return WritingScript.Tamil;
        if (c < 0x0C80) return WritingScript.Telugu;
        if (c < 0x0D00) return WritingScript.Kannada;
        if (c < 0x0D80) return WritingScript.Malayalam;
        if (c < 0x0E00) return WritingScript.Sinhala;
        if (c < 0x0E80) return WritingScript.Thai;
        if (c < 0x0F00) return WritingScript.Lao;
        if (c < 0x1000) return WritingScript.Tibetan;
        if (c < 0x10A0) return WritingScript.Myanmar;
        if (c < 0x1100) return WritingScript.Georgian;
        if (c < 0x1200) return WritingScript.Hangul;
        if (c < 0x13A0) return WritingScript.Ethiopic;
        if (c < 0x1780) return WritingScript.Other;
        if (c < 0x1800) return WritingScript.Khmer;
        if (c < 0x18B0) return WritingScript.Mongolian;
        if (c < 0x1C80) return WritingScript.Other;
        if (c < 0x1C90) return WritingScript.Cyrillic;
        if (c < 0x1E00) return c >= 0x1DC0 ? WritingScript.None : WritingScript.Other;
        if (c < 0x1F00) return WritingScript.Latin;
        if (c < 0x2000) return WritingScript.Greek;
        if (c < 0x2C60) return WritingScript.Other;
        if (c < 0x2C80) return WritingScript.Latin;
        if (c >= 0x2DE0 && c < 0x2E00) return WritingScript.Cyrillic;
        if (c < 0x3040) return WritingScript.Other;
        if (c < 0x3100) return c == 0x30FC || c >= 0x3041 ? WritingScript.Kana : WritingScript.Other;
        if (c >= 0x3130 && c < 0x3190) return WritingScript.Hangul;
        if (c >= 0x31F0 && c < 0x3200) return WritingScript.Kana;
        if (c >= 0x3400 && c < 0x4DC0) return WritingScript.Han;
        if (c >= 0x4E00 && c < 0xA000) return WritingScript.Han;
        if (c >= 0xA640 && c < 0xA6A0) return WritingScript.Cyrillic;
        if (c >= 0xA720 && c < 0xA800) return WritingScript.Latin;
        if (c >= 0xAC00 && c < 0xD7B0) return WritingScript.Hangul;
        if (c >= 0xF900 && c < 0xFB00) return WritingScript.Han;
        if (c >= 0xFB00 && c < 0xFB07) return WritingScript.Latin;
        if (c >= 0xFB1D && c < 0xFB50) return WritingScript.Hebrew;
        if (c >= 0xFB50 && c < 0xFE00) return WritingScript.Arabic;
        if (c >= 0xFE70 && c < 0xFF00) return WritingScript.Arabic;
        if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) return WritingScript.Latin;
        if (c >= 0xFF66 && c < 0xFFA0) return WritingScript.Kana;
        if (c >= 0xFFA0 && c < 0xFFE0) return WritingScript.Hangul;
        return WritingScript.Other;
    }
}
