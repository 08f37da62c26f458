using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Crosscheck.Evaluation.Entities;

/// <summary>One gold entity mention: its character span in the rebuilt text and the chain it belongs to.</summary>
/// <param name="Named">A proper-name mention ("Tara Reid"), as opposed to a description ("the actress") or a pronoun.</param>
public readonly record struct GoldEntityMention(string Id, int Start, int End, string Chain, bool Named);

/// <summary>One annotated document: text rebuilt from its tokens, and its gold entity mentions.</summary>
/// <param name="Group">The pile the document is linked within: the ECB+ topic or the MEANTIME corpus folder.</param>
public sealed record CoreferenceDocument(string Id, string Group, string Text, ImmutableArray<GoldEntityMention> Mentions);

/// <summary>
/// Reads cross-document entity coreference gold from token XML: ECB+ (<c>HUMAN_*</c>/<c>LOC_*</c>
/// markables tied by <c>CROSS_DOC_COREF</c> and <c>INTRA_DOC_COREF</c>) and MEANTIME
/// (<c>ENTITY_MENTION</c> tied by <c>REFERS_TO</c> to an <c>ENTITY</c>, cross-document when that
/// entity has an <c>instance_id</c>). A mention in no chain is a chain of its own.
/// </summary>
/// <remarks>
/// MEANTIME marks proper names (<c>syntactic_type="NAM"</c>); ECB+ does not, so there a mention
/// counts as named when a word in it other than the sentence's first starts with a capital letter,
/// outside headline-style sentences where every word does (<see cref="HeadlineSentences"/>).
/// When an ECB+ sentence list (<c>ECBplus_coreference_sentences.csv</c>) is found in the folder or
/// above it, only mentions in listed sentences are kept, as the corpus README asks.
/// </remarks>
public static class CoreferenceCorpus
{
    private const string SentenceListName = "ECBplus_coreference_sentences.csv";

    public static (ImmutableArray<CoreferenceDocument> Documents, ImmutableArray<string> Warnings) Load(string path)
    {
        var warnings = new List<string>();
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            warnings.Add($"'{path}' does not exist.");
            return ([], [.. warnings]);
        }
        var files = File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var sentenceList = FindSentenceList(path, warnings);
        var documents = new List<CoreferenceDocument>();
        foreach (var file in files)
        {
            try
            {
                var root = XDocument.Load(file).Root;
                if (root is null || root.Name.LocalName != "Document") continue;
                var document = Read(root, file, sentenceList);
                if (document is null) continue;
                documents.Add(document);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                warnings.Add($"could not read '{file}': {ex.Message}");
            }
        }
        if (documents.Count == 0) warnings.Add($"No ECB+ or MEANTIME token XML with entity mentions found at '{path}'.");
        return ([.. documents], [.. warnings]);
    }

    private sealed record Token(int Start, int End, int Sentence, bool SentenceInitial, bool Capitalized, bool Letter);

    private static CoreferenceDocument? Read(XElement root, string file, Dictionary<string, HashSet<int>>? sentenceList)
    {
        string id = Path.GetFileNameWithoutExtension(file);
        var (text, tokens) = RebuildText(root);
        var markables = root.Element("Markables");
        var relations = root.Element("Relations");
        if (markables is null) return null;

        bool isMeantime = markables.Elements("ENTITY_MENTION").Any();
        var mentionElements = markables.Elements()
            .Where(e => e.Elements("token_anchor").Any() && (isMeantime ? e.Name.LocalName == "ENTITY_MENTION" : IsEcbEntity(e.Name.LocalName)))
            .ToList();
        if (mentionElements.Count == 0) return null;

        // Chain targets are token-less markables: a cross-document instance or a document-local descriptor.
        var chainOfTarget = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var target in markables.Elements().Where(e => !e.Elements("token_anchor").Any()))
        {
            string? targetId = (string?)target.Attribute("m_id");
            if (targetId is null) continue;
            string? instance = (string?)target.Attribute("instance_id");
            chainOfTarget[targetId] = string.IsNullOrEmpty(instance) ? $"{id}#{targetId}" : instance;
        }
        var chainOfMention = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relation in relations?.Elements() ?? [])
        {
            string name = relation.Name.LocalName;
            if (name is not ("CROSS_DOC_COREF" or "INTRA_DOC_COREF" or "REFERS_TO")) continue;
            string? targetId = (string?)relation.Element("target")?.Attribute("m_id");
            if (targetId is null) continue;
            string chain = chainOfTarget.TryGetValue(targetId, out var known) ? known : (string?)relation.Attribute("note") ?? $"{id}#{targetId}";
            foreach (var source in relation.Elements("source"))
            {
                if ((string?)source.Attribute("m_id") is { } sourceId) chainOfMention.TryAdd(sourceId, chain);
            }
        }

        string group = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) ?? "";
        var listed = sentenceList is null ? null : sentenceList.GetValueOrDefault(id) ?? [];
        var headlineSentences = HeadlineSentences(tokens.Values);
        var mentions = ImmutableArray.CreateBuilder<GoldEntityMention>();
        foreach (var element in mentionElements)
        {
            string? mentionId = (string?)element.Attribute("m_id");
            if (mentionId is null) continue;
            var anchored = element.Elements("token_anchor")
                .Select(a => tokens.GetValueOrDefault(int.TryParse((string?)a.Attribute("t_id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int t) ? t : -1))
                .Where(t => t is not null)
                .Select(t => t!)
                .ToList();
            if (anchored.Count == 0) continue;
            if (!isMeantime && listed is not null && !listed.Contains(anchored[0].Sentence)) continue;
            bool named = isMeantime
                ? (string?)element.Attribute("syntactic_type") == "NAM"
                : !headlineSentences.Contains(anchored[0].Sentence) && anchored.Any(t => t.Capitalized && !t.SentenceInitial);
            string chain = chainOfMention.TryGetValue(mentionId, out var c) ? c : $"{id}#{mentionId}";
            mentions.Add(new GoldEntityMention($"{id}#{mentionId}", anchored.Min(t => t.Start), anchored.Max(t => t.End), chain, named));
        }
        return new CoreferenceDocument(id, group, text, mentions.ToImmutable());
    }

    /// <summary>
    /// Sentences written in title case or capitals (four or more words, seven in ten capitalised):
    /// there a capital says nothing about a name, so their ECB+ mentions are left out. The rule
    /// belongs to the evaluation alone, so no model change moves the gold set.
    /// </summary>
    private static HashSet<int> HeadlineSentences(IEnumerable<Token> tokens)
    {
        var headlines = new HashSet<int>();
        foreach (var sentence in tokens.GroupBy(t => t.Sentence))
        {
            int words = sentence.Count(t => t.Letter), capitalised = sentence.Count(t => t.Letter && t.Capitalized);
            if (words >= 4 && capitalised * 10 >= words * 7) headlines.Add(sentence.Key);
        }
        return headlines;
    }

    // Generic people ("residents") and vehicles are participants, not named entities that a linker merges.
    private static bool IsEcbEntity(string tag) =>
        tag.StartsWith("LOC_", StringComparison.Ordinal)
        || (tag.StartsWith("HUMAN_PART", StringComparison.Ordinal) && tag is not ("HUMAN_PART_GENERIC" or "HUMAN_PART_VEH"));

    /// <summary>One line per sentence, tokens separated by spaces, as <c>StoryCorpus</c> rebuilds ECB+ text.</summary>
    private static (string Text, Dictionary<int, Token> Tokens) RebuildText(XElement root)
    {
        var text = new StringBuilder();
        var tokens = new Dictionary<int, Token>();
        string? sentence = null;
        foreach (var token in root.Elements("token"))
        {
            string? tokenSentence = (string?)token.Attribute("sentence");
            bool initial = sentence != tokenSentence;
            if (sentence is not null) text.Append(initial ? '\n' : ' ');
            sentence = tokenSentence;
            string word = token.Value;
            int start = text.Length;
            text.Append(word);
            if (int.TryParse((string?)token.Attribute("t_id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int tokenId))
            {
                int sentenceNumber = int.TryParse(tokenSentence, NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : -1;
                tokens[tokenId] = new Token(start, text.Length, sentenceNumber, initial, word.Length > 0 && char.IsUpper(word[0]), word.Length > 0 && char.IsLetter(word[0]));
            }
        }
        return (text.ToString(), tokens);
    }

    private static Dictionary<string, HashSet<int>>? FindSentenceList(string path, List<string> warnings)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, SentenceListName);
            if (!File.Exists(candidate)) continue;
            var list = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            int lineNumber = 0;
            foreach (var line in File.ReadLines(candidate))
            {
                lineNumber++;
                var parts = line.Split(',');
                if (parts.Length < 3 || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int sentence))
                {
                    if (lineNumber > 1) warnings.Add($"{candidate}:{lineNumber}: expected Topic,File,Sentence Number");
                    continue;
                }
                // "1,10ecbplus" in the list is the file 1_10ecbplus.xml.
                string key = $"{parts[0].Trim()}_{parts[1].Trim()}";
                if (!list.TryGetValue(key, out var set)) list[key] = set = [];
                set.Add(sentence);
            }
            return list;
        }
        return null;
    }
}
