namespace Crosscheck.Language;

/// <summary>
/// What <see cref="LanguageIdentifier.Identify"/> concluded about one text.
/// </summary>
/// <param name="Code">ISO 639-1 code, or "und" when the text is too short, mixes scripts, has no letters, or no language is clearly ahead.</param>
/// <param name="Confidence">0..1: the share of the evidence for <paramref name="Code"/> (or, for "und", for the best guess that was not good enough), damped for short texts.</param>
/// <param name="RunnerUp">The next most likely language (for "und": the best guess), or "und" when there is none.</param>
/// <param name="RunnerUpConfidence">The same measure for <paramref name="RunnerUp"/>.</param>
public sealed record LanguageGuess(string Code, double Confidence, string RunnerUp = LanguageGuess.Undetermined, double RunnerUpConfidence = 0)
{
    /// <summary>The ISO 639-2 code for "undetermined".</summary>
    public const string Undetermined = "und";

    public static LanguageGuess Unknown { get; } = new(Undetermined, 0);

    public bool IsDetermined => Code != Undetermined;
}
