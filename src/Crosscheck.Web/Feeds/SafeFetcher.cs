using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Crosscheck.Web.Feeds;

/// <summary>
/// HTTP GET for addresses that come from users and feeds. The address actually connected to is
/// checked (not only the name), so a name that resolves to a loopback, private, link-local or
/// unique-local address is refused unless allowed — also after a redirect, also when DNS
/// changes between checks. Redirects are followed by hand (at most five, no loops), the body
/// is capped in bytes and the whole exchange in time, so a feed that never ends ends.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _allowPrivate;

    public SafeFetcher(bool allowPrivateAddresses, TimeSpan? timeout = null)
    {
        _allowPrivate = allowPrivateAddresses;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Crosscheck/1.0 (+feed reader)");
        Timeout_ = timeout ?? TimeSpan.FromSeconds(20);
    }

    private TimeSpan Timeout_ { get; }

    public int MaxRedirects { get; init; } = 5;

    /// <exception cref="FeedException">Refused address, network failure, HTTP error, redirect loop, too large, too slow.</exception>
    public async Task<FetchResult> GetAsync(string url, long maxBytes, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout_);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = ParseUrl(url);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (!visited.Add(current.AbsoluteUri)) throw new FeedException($"redirect loop: {current.AbsoluteUri} redirects back to itself");
                if (redirects > MaxRedirects) throw new FeedException($"too many redirects (more than {MaxRedirects}) starting from {url}");
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
                if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304)
                {
                    var location = response.Headers.Location ?? throw new FeedException($"HTTP {status} without a Location from {current.AbsoluteUri}");
                    current = ParseUrl(new Uri(current, location).AbsoluteUri);
                    continue;
                }
                if (status == 304) return new FetchResult(current, 304, [], null, etag, lastModified);
                if (status >= 400) throw new FeedException($"HTTP {status} {response.ReasonPhrase} from {current.AbsoluteUri}");
                if (response.Content.Headers.ContentLength > maxBytes) throw new FeedException($"larger than {maxBytes:N0} bytes ({response.Content.Headers.ContentLength:N0}): not read");
                var body = await ReadCapped(response.Content, maxBytes, deadline.Token).ConfigureAwait(false);
                return new FetchResult(current, status, body, response.Content.Headers.ContentType?.ToString(),
                    response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedException($"timed out after {Timeout_.TotalSeconds:0} s (a feed that never ends, or a server that stalls)");
        }
        catch (HttpRequestException ex)
        {
            throw new FeedException(ex.InnerException is FeedException refused ? refused.Message : $"cannot fetch {current.AbsoluteUri}: {ex.Message}");
        }
    }

    private static async Task<byte[]> ReadCapped(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new FeedException($"larger than {maxBytes:N0} bytes: stopped reading (a feed that never ends?)");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Uri ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FeedException($"'{url}' is not an http or https address");
        }
        return uri;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0) throw new FeedException($"'{host}' does not resolve to any address");
        var allowed = addresses.Where(a => _allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new FeedException($"refused: '{host}' resolves to {addresses[0]}, a loopback, private or link-local address (allow it explicitly with --allow-private)");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private (RFC 1918, unique-local), link-local, carrier-grade NAT, unspecified, multicast and broadcast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC);
        }
        return false;
    }

    public void Dispose() => _client.Dispose();
}

/// <param name="Status">200 with a body, or 304 (not modified: nothing new).</param>
public sealed record FetchResult(Uri FinalUrl, int Status, byte[] Body, string? ContentType, string? ETag, string? LastModified);
