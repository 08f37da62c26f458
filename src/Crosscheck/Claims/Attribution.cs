using System.Collections.Immutable;

namespace Crosscheck.Claims;

public enum AttributionKind { DirectQuote, IndirectSpeech, AccordingTo, Other }

/// <summary>
/// How the report presents a claim: by the cue itself (said = asserted, claimed, alleged, denied,
/// confirmed) or by a hedge the reporter adds (could not be verified = unverified, disputed by another source).
/// </summary>
public enum ClaimStatus { Asserted, Claimed, Alleged, Denied, Confirmed, Unverified, Disputed }

/// <summary>
/// "Who says what": source, cue and content spans of one attribution. <see cref="SpeakerEntity"/>
/// indexes the article's <see cref="Entities.EntityLayer.Entities"/> when the speaker was resolved.
/// </summary>
/// <param name="Source">Who speaks as the text names them ("Ukrainian President Volodymyr Zelenskyy", "he"); null when unnamed or passive.</param>
/// <param name="Cue">The words that mark the attribution ("said", "according to", "claim").</param>
/// <param name="Content">What is attributed; for a quote split by its cue, the first part (see <see cref="ContentParts"/>).</param>
/// <param name="ContentParts">Every piece of the content in text order when it is discontinuous ("A," he said, "B."); empty means just <see cref="Content"/>.</param>
/// <param name="RelaySpans">Sources of the attributions that enclose this one, innermost first ("X reported, citing Y, that ...", "..., Yonhap reported").</param>
/// <param name="HedgeSpan">The phrase that set the status when it is not the cue's own ("could not be verified immediately").</param>
/// <param name="Confidence">0..1: how sure the rules are of this attribution (a quoted and named speaker is surer than a bare cue).</param>
/// <param name="SpeakerSpan">The mention the speaker was resolved through when it is not inside <see cref="Source"/> (the antecedent of "he").</param>
public sealed record Attribution(
    Span? Source,
    Span? Cue,
    Span Content,
    int? SpeakerEntity,
    AttributionKind Kind,
    ClaimStatus Status)
{
    public ImmutableArray<Span> ContentParts { get; init; } = [];

    public ImmutableArray<Span> RelaySpans { get; init; } = [];

    public Span? HedgeSpan { get; init; }

    public double Confidence { get; init; } = 1.0;

    public Span? SpeakerSpan { get; init; }

    /// <summary>The content pieces, never empty.</summary>
    public ImmutableArray<Span> AllContent => ContentParts.IsDefaultOrEmpty ? [Content] : ContentParts;
}
