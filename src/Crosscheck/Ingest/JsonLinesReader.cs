namespace Crosscheck.Ingest;

/// <summary>
/// Streams a JSON Lines file record by record, never holding more than one line (bounded by
/// <see cref="InputLimits.MaxJsonLineBytes"/>) in memory. Lines are UTF-8, as JSON requires.
/// </summary>
internal static class JsonLinesReader
{
    public static IEnumerable<ReadItem> Read(string path, string fileId, InputLimits limits)
    {
        FileStream? stream = null;
        string? error = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read file: {e.Message}";
        }
        if (stream is null)
        {
            yield return ReadItem.Fail(path, error ?? "cannot read file");
            yield break;
        }
        using (stream)
        {
            var line = new MemoryStream();
            var buffer = new byte[1 << 16];
            int lineNumber = 1, records = 0;
            bool tooLong = false, first = true;
            while (true)
            {
                int read;
                string? readError = null;
                try
                {
                    read = stream.Read(buffer, 0, buffer.Length);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    (read, readError) = (-1, e.Message);
                }
                if (readError is not null)
                {
                    // The records already read stand; the rest of this file is named, and the run goes on.
                    yield return ReadItem.Fail($"{path}:{lineNumber}", $"reading stopped at this line: {readError}");
                    yield break;
                }
                int start = 0;
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    Append(line, buffer.AsSpan(start, i - start), limits, ref tooLong);
                    var item = Finish(path, fileId, lineNumber, line, ref tooLong, ref first, limits);
                    if (item is not null)
                    {
                        records++;
                        yield return item;
                    }
                    lineNumber++;
                    start = i + 1;
                }
                if (read == 0)
                {
                    var last = Finish(path, fileId, lineNumber, line, ref tooLong, ref first, limits);
                    if (last is not null)
                    {
                        records++;
                        yield return last;
                    }
                    break;
                }
                Append(line, buffer.AsSpan(start, read - start), limits, ref tooLong);
            }
            if (records == 0) yield return ReadItem.Fail(path, "empty file (no JSON lines)");
        }
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes, InputLimits limits, ref bool tooLong)
    {
        if (tooLong) return;
        if (line.Length + bytes.Length > limits.MaxJsonLineBytes)
        {
            tooLong = true;
            line.SetLength(0);
            return;
        }
        line.Write(bytes);
    }

    private static ReadItem? Finish(string path, string fileId, int lineNumber, MemoryStream line, ref bool tooLong, ref bool first, InputLimits limits)
    {
        try
        {
            if (tooLong)
                return ReadItem.Fail($"{path}:{lineNumber}", $"JSON line longer than {limits.MaxJsonLineBytes:N0} bytes (InputLimits.MaxJsonLineBytes)");
            var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
            if (first && bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) bytes = bytes[3..];
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            if (IsBlank(bytes)) return null;
            return JsonFormat.ReadLine(path, fileId, lineNumber, bytes, limits);
        }
        finally
        {
            tooLong = false;
            first = false;
            line.SetLength(0);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }
}
