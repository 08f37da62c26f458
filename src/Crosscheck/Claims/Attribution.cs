namespace Crosscheck.Claims;

public enum AttributionKind { DirectQuote, IndirectSpeech, AccordingTo, Other }

public enum ClaimStatus { Asserted, Claimed, Alleged, Denied, Confirmed, Unverified, Disputed }

/// <summary>
/// "Who says what": source, cue and content spans of one attribution. <see cref="SpeakerEntity"/>
/// indexes the article's <see cref="Entities.EntityLayer.Entities"/> when the speaker was resolved.
/// </summary>
public sealed record Attribution(
    Span? Source,
    Span? Cue,
    Span Content,
    int? SpeakerEntity,
    AttributionKind Kind,
    ClaimStatus Status);
