using System.Security.Cryptography;

namespace Crosscheck.Ingest;

internal static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }
}
