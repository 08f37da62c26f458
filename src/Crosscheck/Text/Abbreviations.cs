using System.Collections.Frozen;

namespace Crosscheck.Text;

/// <summary>Abbreviations that keep their period, and which of them can never end a sentence.</summary>
internal static class Abbreviations
{
    // Titles and name parts: a period after them is never a sentence end ("Maj. Gen. Patrick Ryder").
    public static readonly FrozenSet<string> NeverFinal = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr",
        "gov", "sen", "rep", "rev", "hon", "pres", "st", "mt", "ft", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "vol", "art", "para",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Can end a sentence when the next word plainly starts one ("... in the U.S. He said").
    public static readonly FrozenSet<string> SometimesFinal = new[]
    {
        "inc", "ltd", "co", "corp", "jr", "sr", "etc", "al", "bros", "dept", "univ", "govt", "km", "sq", "min", "max",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> SentenceStarters = new[]
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "this", "that", "these",
        "those", "there", "his", "her", "their", "its", "our", "after", "before", "when", "while", "if", "as", "however",
        "meanwhile", "according", "last", "earlier", "later", "some", "many", "officials", "russia", "ukraine",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
