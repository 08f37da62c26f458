using System.Collections.Immutable;
using Crosscheck.Places;

namespace Crosscheck.Entities;

/// <summary>One sentence of a CoNLL file: tokens and their tags as written (IOB1, IOB2 or IOBES).</summary>
public sealed record ConllSentence(ImmutableArray<string> Tokens, ImmutableArray<string> Tags);

/// <summary>A document of a CoNLL file: the sentences between two <c>-DOCSTART-</c> lines.</summary>
public sealed record ConllDocument(ImmutableArray<ConllSentence> Sentences);

/// <summary>A labelled chunk of tokens [Start, End) with the tag's type as written ("PER", "geo").</summary>
public readonly record struct ConllChunk(int Start, int End, string Type);

/// <summary>
/// Reads CoNLL-style NER files (first column token, last column tag, blank line between
/// sentences, <c>-DOCSTART-</c> between documents) and decodes chunks the way conlleval does,
/// which reads IOB1 and IOB2 alike.
/// </summary>
public static class ConllReader
{
    public static IReadOnlyList<ConllDocument> ReadFile(string path)
    {
        var documents = new List<ConllDocument>();
        var sentences = ImmutableArray.CreateBuilder<ConllSentence>();
        var tokens = ImmutableArray.CreateBuilder<string>();
        var tags = ImmutableArray.CreateBuilder<string>();

        void EndSentence()
        {
            if (tokens.Count == 0) return;
            sentences.Add(new ConllSentence(tokens.ToImmutable(), tags.ToImmutable()));
            tokens.Clear();
            tags.Clear();
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count == 0) return;
            documents.Add(new ConllDocument(sentences.ToImmutable()));
            sentences.Clear();
        }

        foreach (var rawLine in File.ReadLines(path))
        {
            var line = rawLine.AsSpan().Trim();
            if (line.IsEmpty)
            {
                EndSentence();
                continue;
            }
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }
            int firstGap = line.IndexOfAny(' ', '\t');
            if (firstGap < 0)
            {
                // A token with no tag column: treat as outside any entity rather than failing the file.
                tokens.Add(line.ToString());
                tags.Add("O");
                continue;
            }
            int lastGap = line.LastIndexOfAny(' ', '\t');
            tokens.Add(line[..firstGap].ToString());
            tags.Add(line[(lastGap + 1)..].ToString());
        }
        EndDocument();
        return documents;
    }

    /// <summary>
    /// Chunks in conlleval's manner: B- and S- always start a chunk; I- and E- start one after O or
    /// after another type (so IOB1, where I- opens a chunk, reads the same as IOB2).
    /// </summary>
    public static List<ConllChunk> Chunks(IReadOnlyList<string> tags)
    {
        var chunks = new List<ConllChunk>();
        int start = -1;
        string? type = null;
        for (int i = 0; i < tags.Count; i++)
        {
            var (prefix, tagType) = Split(tags[i]);
            bool inside = prefix is 'I' or 'E';
            bool continues = type is not null && inside && tagType == type;
            if (!continues)
            {
                if (type is not null) chunks.Add(new ConllChunk(start, i, type));
                type = null;
                if (prefix != 'O')
                {
                    start = i;
                    type = tagType;
                }
            }
            if (type is not null && prefix is 'E' or 'S')
            {
                chunks.Add(new ConllChunk(start, i + 1, type));
                type = null;
            }
        }
        if (type is not null) chunks.Add(new ConllChunk(start, tags.Count, type));
        return chunks;
    }

    private static (char Prefix, string Type) Split(string tag)
    {
        if (tag.Length == 0 || tag == "O" || tag == "0") return ('O', "");
        if (tag.Length > 2 && tag[1] is '-' or '_' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U')
        {
            char prefix = tag[0] switch { 'L' => 'E', 'U' => 'S', var c => c };
            return (prefix, tag[2..]);
        }
        // A bare type ("PER") is an IO-style tag: inside that type.
        return ('I', tag);
    }
}

/// <summary>
/// How dataset tag types map onto <see cref="EntityType"/> and onto the CoNLL classes used to
/// score: Person↔PER; Organization and MilitaryUnit→ORG; Place↔LOC; Group (nationality and
/// demonym adjectives, armed groups) and Other→MISC.
/// GMB tags (lower case) map per→PER, org→ORG, geo→LOC, gpe→MISC (they are nationality adjectives,
/// not places, except on a country's or city's name: see <see cref="FromDatasetChunk"/>),
/// art/eve/nat→MISC, tim→none. Upper-case OntoNotes GPE is a place (LOC). re3d's
/// Nationality→MISC; its Weapon, MilitaryPlatform, Temporal, Quantity, Money and DocumentReference
/// are not named entities in this sense and are ignored, as are TIME/NUM/DATE/CARDINAL and the like.
/// </summary>
public static class EntityTypeMapping
{
    /// <summary>The training type for a dataset tag type, or null when the tag is not a named entity we learn.</summary>
    public static EntityType? FromDatasetType(string type) => type switch
    {
        "per" or "PER" or "PERSON" or "Person" or "person" => EntityType.Person,
        "org" or "ORG" or "ORGANIZATION" or "ORGANISATION" or "Organisation" or "Organization" or "organization" => EntityType.Organization,
        "geo" or "LOC" or "LOCATION" or "Location" or "location" or "GPE" or "FAC" or "FACILITY" => EntityType.Place,
        "gpe" or "NORP" or "Nationality" or "NATIONALITY" => EntityType.Group,
        "MISC" or "misc" or "art" or "eve" or "nat" or "EVENT" or "WORK_OF_ART" or "LAW" or "LANGUAGE" or "PRODUCT" => EntityType.Other,
        _ => null,
    };

    /// <summary>
    /// The training type of a dataset chunk <paramref name="tokens"/>[<paramref name="start"/>, <paramref name="end"/>),
    /// with one convention across datasets, the one the model is trained to and scored on: a nationality
    /// adjective is a Group whatever a dataset calls it (DocRED tags "American" LOC), and a
    /// nationality-class tag on a place's name is a Place, as OntoNotes' GPE already is. GMB's gpe is
    /// nationality adjectives in practice, but about one gpe chunk in thirteen is a country's or a
    /// city's name ("talks with Nepal", "Sudan's government"), which GMB tags geo elsewhere and CoNLL
    /// calls LOC.
    /// </summary>
    public static EntityType? FromDatasetChunk(string type, IReadOnlyList<string> tokens, int start, int end)
    {
        if (FromDatasetType(type) is not { } mapped) return null;
        var last = tokens[end - 1];
        if (mapped is EntityType.Place or EntityType.Other && end - start <= 2 && EntityRules.EndsInNationality(last, end - start)) return EntityType.Group;
        if (mapped == EntityType.Group && !EntityRules.IsNationalityWord(last) && NamesPlace(tokens, start, end)) return EntityType.Place;
        return mapped;
    }

    // A country, a first-level region or a town of 100,000 that is no demonym: "Jordan" is, "English" (a small
    // town in Indiana, and England's adjective) and "Roman" are not.
    private static bool NamesPlace(IReadOnlyList<string> tokens, int start, int end)
    {
        if (!char.IsUpper(tokens[start][0])) return false;
        var gazetteer = Gazetteer.LoadDefault();
        var name = end - start == 1 ? tokens[start] : string.Join(' ', tokens.Skip(start).Take(end - start));
        if (!gazetteer.FindName(name, Gazetteer.AdjectivePrefix).IsEmpty) return false;
        foreach (int entry in gazetteer.FindName(name))
        {
            if (gazetteer.KindOf(entry) is PlaceKind.Country or PlaceKind.Region || gazetteer.PopulationOf(entry) >= 100_000) return true;
        }
        return false;
    }

    /// <summary>The CoNLL-2003 class (PER, ORG, LOC, MISC) an entity type is scored as.</summary>
    public static string ToConll(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization or EntityType.MilitaryUnit => "ORG",
        EntityType.Place => "LOC",
        _ => "MISC",
    };

    /// <summary>The CoNLL class for a dataset tag type, or null when it is not scored.</summary>
    public static string? ConllClassOf(string datasetType) =>
        FromDatasetType(datasetType) is { } t ? ToConll(t) : null;
}
