namespace Crosscheck.Text;

/// <summary>A sentence; <see cref="FirstToken"/>..<see cref="FirstToken"/>+<see cref="TokenCount"/> index the token layer.</summary>
public readonly record struct Sentence(Span Span, int FirstToken, int TokenCount);

public enum TokenKind { Word, Number, Punctuation, Symbol }

/// <summary>A token; <see cref="Sentence"/> is the index of its sentence.</summary>
public readonly record struct Token(Span Span, TokenKind Kind, int Sentence);
