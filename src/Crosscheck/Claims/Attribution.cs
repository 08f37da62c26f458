using System.Collections.Immutable;

namespace Crosscheck.Claims;

public enum AttributionKind { DirectQuote, IndirectSpeech, AccordingTo, Other }

/// <summary>
/// How the report presents a claim: by the cue itself (said = asserted, claimed, alleged, denied,
/// confirmed) or by a hedge the reporter adds (could not be verified = unverified, disputed by another source).
/// </summary>
public enum ClaimStatus { Asserted, Claimed, Alleged, Denied, Confirmed, Unverified, Disputed }

/// <summary>
/// The speaker's own position toward what is attributed, read from the cue alone ("denied" rejects, "questioned"
/// disputes, "could not confirm" doubts). Unlike <see cref="ClaimStatus"/> it ignores the reporter's hedges:
/// "The channel said X. The claim could not be verified." is unverified, and the channel still affirms X.
/// </summary>
public enum SpeakerStance { Affirms, Rejects, Disputes, Doubts }

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
/// <param name="CitedSpans">The sources the speaker cites, the origin first ("Yonhap, citing Ukrainska Pravda, which cited a drone unit" gives [a drone unit, Ukrainska Pravda]).</param>
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

    public ImmutableArray<Span> CitedSpans { get; init; } = [];

    /// <summary>The speaker's stance, from the cue before any hedge of the reporter's applied.</summary>
    public SpeakerStance Stance { get; init; } = SpeakerStance.Affirms;

    /// <summary>The content as structure: actors, action, figures, places and times (indexes into the article's layers).</summary>
    public Proposition Proposition { get; init; } = Proposition.Empty;

    /// <summary>
    /// The claim's path to the reader as the text names it, the primary source first: the sources cited,
    /// the speaker, then the sources that relay the speaker ("the channel said C, the agency reported").
    /// The outlet that publishes the text comes after the last, and is not in the text's claims.
    /// </summary>
    public ImmutableArray<Span> Chain
    {
        get
        {
            var cited = CitedSpans.IsDefault ? [] : CitedSpans;
            var relays = RelaySpans.IsDefault ? [] : RelaySpans;
            if (cited.IsEmpty && relays.IsEmpty) return Source is { } only ? [only] : [];
            var builder = ImmutableArray.CreateBuilder<Span>(cited.Length + relays.Length + 1);
            builder.AddRange(cited);
            if (Source is { } source) builder.Add(source);
            builder.AddRange(relays);
            return builder.ToImmutable();
        }
    }

    /// <summary>Where the claim comes from: the first link of <see cref="Chain"/>, or null when no source is named.</summary>
    public Span? PrimarySource => Chain is { IsEmpty: false } chain ? chain[0] : null;

    /// <summary>The content pieces, never empty.</summary>
    public ImmutableArray<Span> AllContent => ContentParts.IsDefaultOrEmpty ? [Content] : ContentParts;
}
