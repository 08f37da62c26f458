using System.IO.Compression;
using System.Text;

namespace Crosscheck.Entities;

/// <summary>A word's cluster as the recogniser reads it: hashes of its tree path's prefixes.</summary>
internal readonly record struct ClusterCodes(uint Prefix4, uint Prefix6, uint Prefix10, uint Path);

/// <summary>
/// The word-cluster table the recogniser uses as features (models/ner/word-clusters.tsv.gz): one
/// "word TAB bit-string path" line per word, most frequent word first, written by
/// <see cref="WordClusterer"/> (<c>crosscheck train clusters</c>). A word is looked up as written,
/// then lower-cased (the most frequent form with that lower case wins), so a sentence-initial
/// "Troops" still finds "troops".
/// </summary>
public sealed class WordClusters
{
    public const string ResourceFileName = "word-clusters.tsv.gz";

    /// <summary>The codes of a word not in the table: itself a signal (a rare word, often a name).</summary>
    internal static readonly ClusterCodes Unknown = new(0x1f3a5c7e, 0x2e4b6d8f, 0x3d5c7e9a, 0x4c6d8fab);

    private static readonly Lazy<WordClusters> DefaultTable = new(LoadEmbedded);

    private readonly Dictionary<string, ClusterCodes>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, ClusterCodes>.AlternateLookup<ReadOnlySpan<char>> _lower;

    private WordClusters(IEnumerable<(string Word, string Path)> entries)
    {
        var exact = new Dictionary<string, ClusterCodes>(StringComparer.Ordinal);
        var lower = new Dictionary<string, ClusterCodes>(StringComparer.Ordinal);
        foreach (var (word, path) in entries)
        {
            var codes = new ClusterCodes(PrefixHash(path, 4), PrefixHash(path, 6), PrefixHash(path, 10), PrefixHash(path, int.MaxValue));
            exact.TryAdd(word, codes);
            lower.TryAdd(word.ToLowerInvariant(), codes);
        }
        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _lower = lower.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = exact.Count;
    }

    public static WordClusters Empty { get; } = new([]);

    /// <summary>The table shipped in the library, or <see cref="Empty"/> when it was built without it.</summary>
    public static WordClusters Default => DefaultTable.Value;

    public int Count { get; }

    internal ClusterCodes Lookup(ReadOnlySpan<char> word)
    {
        if (Count == 0) return Unknown;
        if (_exact.TryGetValue(word, out var codes)) return codes;
        if (word.Length > 64) return Unknown;
        Span<char> lowered = stackalloc char[word.Length];
        word.ToLowerInvariant(lowered);
        return _lower.TryGetValue(lowered, out codes) ? codes : Unknown;
    }

    private static WordClusters LoadEmbedded()
    {
        var assembly = typeof(WordClusters).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceFileName, StringComparison.Ordinal));
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        return stream is null ? Empty : Load(stream);
    }

    /// <summary>Reads a table written by <see cref="Write"/> (gzip'd).</summary>
    /// <exception cref="InvalidDataException">A line is not "word TAB path" with a path of 0s and 1s.</exception>
    public static WordClusters Load(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, 1 << 16);
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1 || line.AsSpan(tab + 1).ContainsAnyExcept('0', '1'))
            {
                throw new InvalidDataException($"Not a word-cluster line: '{line}'.");
            }
            entries.Add((line[..tab], line[(tab + 1)..]));
        }
        return new WordClusters(entries);
    }

    /// <summary>Writes the table in the given order (most frequent first); the same words give the same bytes.</summary>
    public static void Write(IEnumerable<ClusteredWord> words, Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var word in words)
        {
            if (word.Word.Contains('\t') || word.Word.Contains('\n')) continue;
            writer.Write(word.Word);
            writer.Write('\t');
            writer.WriteLine(word.Path);
        }
    }

    private static uint PrefixHash(string path, int length)
    {
        // Prefix length is part of the hash: the 4-bit prefix "0110" of a deep word and a leaf whose whole path is "0110" differ.
        int used = Math.Min(length, path.Length);
        uint h = 2166136261u ^ (uint)Math.Min(length, 255);
        for (int i = 0; i < used; i++) h = (h ^ path[i]) * 16777619u;
        return (h ^ (uint)used) * 16777619u;
    }
}

/// <summary>
/// The unlabeled text the shipped clusters are induced from, read from the shared datasets folder:
/// the training parts of the NER sets (their held-out documents are left out, so the scores on them
/// stay honest), ECB+ dev and MEANTIME (token XML) and GeoVirus (Wikinews text). Only sets whose
/// licence lets a derived table be published are read; see models/ner/SOURCES.md.
/// </summary>
public static class ClusterCorpus
{
    public static IReadOnlyList<IReadOnlyList<string>> Read(string datasetsRoot, Action<string>? log = null)
    {
        log ??= _ => { };
        var sentences = new List<IReadOnlyList<string>>();
        // The split `train ner` makes with its defaults, so the held-out parts it scores stay unseen here too.
        var heldOut = new NerTrainingOptions { TrainingFiles = [] };
        foreach (var file in NerTrainer.DefaultTrainingFiles(datasetsRoot))
        {
            int before = sentences.Count;
            var units = NerTrainer.Units(ConllReader.ReadFile(file), heldOut.HoldOutBlockSentences);
            for (int u = 0; u < units.Count; u++)
            {
                if (u % heldOut.HoldOutEvery == heldOut.HoldOutEvery - 1) continue;
                foreach (var sentence in units[u].Sentences) sentences.Add(sentence.Tokens);
            }
            log($"{file}: {sentences.Count - before:N0} sentences");
        }
        foreach (var folder in new[] { "ecbplus-dev/ECB+", "meantime-en/intra_cross-doc_annotation" })
        {
            var path = Path.Combine(datasetsRoot, folder);
            if (!Directory.Exists(path)) continue;
            int before = sentences.Count;
            var files = Directory.GetFiles(path, "*.xml", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files) sentences.AddRange(TokenXmlSentences(file));
            log($"{path}: {files.Length:N0} documents, {sentences.Count - before:N0} sentences");
        }
        // GeoVirus only: Wikinews (CC BY 2.5); LGL and TR-News are publishers' articles.
        var geoVirus = Path.Combine(datasetsRoot, "geoparsing", "GeoVirus.xml");
        if (File.Exists(geoVirus))
        {
            int before = sentences.Count;
            foreach (var text in ElementTexts(geoVirus, "text")) sentences.AddRange(TokenizedSentences(text));
            log($"{geoVirus}: {sentences.Count - before:N0} sentences");
        }
        return sentences;
    }

    /// <summary>Sentences of a token-XML document (ECB+, MEANTIME: &lt;token sentence="n"&gt;word&lt;/token&gt;).</summary>
    internal static IEnumerable<IReadOnlyList<string>> TokenXmlSentences(string path)
    {
        using var reader = System.Xml.XmlReader.Create(path, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var current = new List<string>();
        string? currentSentence = null;
        // ReadElementContentAsString already moves to the next node, so only other nodes call Read.
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != System.Xml.XmlNodeType.Element || reader.Name != "token")
            {
                reader.Read();
                continue;
            }
            string? sentence = reader.GetAttribute("sentence");
            string word = reader.ReadElementContentAsString().Trim();
            if (sentence != currentSentence && current.Count > 0)
            {
                yield return current;
                current = [];
            }
            currentSentence = sentence;
            if (word.Length > 0) current.Add(word);
        }
        if (current.Count > 0) yield return current;
    }

    private static IEnumerable<string> ElementTexts(string path, string element)
    {
        using var reader = System.Xml.XmlReader.Create(path, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.Name == element) yield return reader.ReadElementContentAsString();
            else reader.Read();
        }
    }

    private static IEnumerable<IReadOnlyList<string>> TokenizedSentences(string text)
    {
        var (_, tokens) = Text.Tokenizer.Analyze(text);
        var current = new List<string>();
        int sentence = -1;
        foreach (var token in tokens)
        {
            if (token.Sentence != sentence && current.Count > 0)
            {
                yield return current;
                current = [];
            }
            sentence = token.Sentence;
            current.Add(token.Span.SliceOf(text).ToString());
        }
        if (current.Count > 0) yield return current;
    }
}
