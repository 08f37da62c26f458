using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace Crosscheck.Store;

/// <summary>
/// How the SQLite store keeps an analysis: its JSON compressed with Brotli behind a short header
/// holding the JSON's length. A stored analysis is mostly repeated keys and numbers, so it shrinks
/// about eight times, and a commit writes that many fewer pages: with whole JSON in the row, a
/// WAL checkpoint every few dozen reports put one single-report commit in fifty over 20 ms once
/// the file passed a few GB. A blob that is plain JSON (written before) is read as it is.
/// </summary>
public static class AnalysisBlob
{
    private static ReadOnlySpan<byte> Header => "CXB1"u8;
    private const int LengthBytes = sizeof(int);
    // Quality 1 of 11: the larger qualities save a few more percent for two to three times the CPU.
    private const int BrotliQuality = 1;
    private const int BrotliWindowBits = 22;

    public static byte[] Pack(AnalyzedArticle analyzed)
    {
        var json = AnalysisJson.Serialize(analyzed);
        var packed = new byte[Header.Length + LengthBytes + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        Header.CopyTo(packed);
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(Header.Length), json.Length);
        if (!BrotliEncoder.TryCompress(json, packed.AsSpan(Header.Length + LengthBytes), out int written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli could not compress a stored analysis into its maximum compressed length.");
        }
        return packed[..(Header.Length + LengthBytes + written)];
    }

    /// <exception cref="JsonException">The blob is neither a packed analysis nor analysis JSON, or is cut short.</exception>
    public static AnalyzedArticle Unpack(ReadOnlySpan<byte> blob)
    {
        if (!blob.StartsWith(Header)) return AnalysisJson.Deserialize(blob);
        if (blob.Length < Header.Length + LengthBytes) throw new JsonException("A stored analysis is cut short after its header.");
        int length = BinaryPrimitives.ReadInt32LittleEndian(blob[Header.Length..]);
        if (length < 0) throw new JsonException("A stored analysis gives a negative length.");
        var json = new byte[length];
        if (!BrotliDecoder.TryDecompress(blob[(Header.Length + LengthBytes)..], json, out int written) || written != length)
        {
            throw new JsonException("A stored analysis does not decompress to the length its header gives.");
        }
        return AnalysisJson.Deserialize(json);
    }
}
