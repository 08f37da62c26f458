using System.Net;
using System.Threading.RateLimiting;
using Crosscheck.Processing;
using Crosscheck.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crosscheck.Web;

/// <summary>
/// The `crosscheck serve` host: a thin ASP.NET Core layer over the library — the JSON API, the
/// OpenAPI document and the pages read one dossier snapshot; writes go through the same analysis
/// path as `crosscheck analyze`.
/// </summary>
public static class WebHost
{
    /// <summary>Builds the server; the store is opened and checked here, the first dossier is assembled when the server starts.</summary>
    /// <exception cref="StoreException">The database is not a Crosscheck database or cannot be opened.</exception>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = ServerStore.Open(options.DatabasePath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Crosscheck", LogLevel.Information);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => Components.CreateDefault(options.ReferenceDate()));
        builder.Services.AddSingleton(_ => store); // made by a factory, so the app disposes it when it stops
        builder.Services.AddSingleton(store.Search);
        builder.Services.AddSingleton(store.Tables);
        builder.Services.AddSingleton<DossierCache>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DossierCache>());
        builder.Services.AddSingleton<ArticleIntake>();
        if (options.WatchSources.Count > 0) builder.Services.AddHostedService<Feeds.WatchService>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.WriteIndented = false);
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Crosscheck API";
            document.Info.Description = "Stories, their cross-checked dossiers, claims, entities, events, reports with their evidence spans, and full-text search. "
                + "Writes (POST /api/articles) need an API key from `crosscheck keys add`, sent as `X-Api-Key: KEY` or `Authorization: Bearer KEY`.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetTokenBucketLimiter("read:" + client, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.ReadRequestsPerSecond,
                        TokensPerPeriod = options.ReadRequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetFixedWindowLimiter("write:" + client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.WriteRequestsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Write(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    "This client sent more requests than the server allows; wait and try again.", cancellationToken);
            };
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.Use(CatchAll);
        app.UseRateLimiter();
        app.Use(ReadKeyCheck);
        Endpoints.Map(app);
        return app;
    }

    /// <summary>The Content-Security-Policy of every page: this server's stylesheet and script, nothing else, nothing inline.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        // Set as the response starts, so an error answer written after Response.Clear() carries them too.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }

    /// <summary>Any failure becomes a plain message with a status; the details go to the server log, never to the client.</summary>
    private static async Task CatchAll(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            var status = ex.StatusCode;
            var detail = status == StatusCodes.Status413PayloadTooLarge
                ? $"The request body is larger than the {context.RequestServices.GetRequiredService<WebOptions>().MaxRequestBodyBytes:N0} bytes this server accepts."
                : "The request could not be read.";
            await Problems.Write(context, status, status == 413 ? "Request body too large" : "Bad request", detail, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Crosscheck.Web")
                .LogError(ex, "Request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Problems.Write(context, StatusCodes.Status500InternalServerError, "Server error",
                "The server could not answer this request. The problem is logged on the server; nothing stored was changed by it.", CancellationToken.None);
        }
    }

    /// <summary>
    /// With keyed reads, every route answers only requests that carry a key: the HTML pages show the
    /// same data as the API. Only the static assets and the health check stay open. The key is taken
    /// from the X-Api-Key or Authorization header only, never from a query string (it would land in
    /// logs and browser history); a browser reaches the pages through a proxy that adds the header.
    /// </summary>
    private static Task ReadKeyCheck(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<WebOptions>();
        if (options.RequireKeyForReads && !OpenWithoutKey(context.Request.Path) && !ApiKeys.Authorised(context))
        {
            return Problems.Write(context, StatusCodes.Status401Unauthorized, "API key required",
                "This server requires an API key for reads: send X-Api-Key or Authorization: Bearer.", context.RequestAborted);
        }
        return next(context);
    }

    private static bool OpenWithoutKey(PathString path) => path.StartsWithSegments("/assets") || path.Equals("/healthz", StringComparison.Ordinal);

    /// <summary>The address the server actually listens on (useful with port 0).</summary>
    public static Uri ListeningAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>();
        var first = addresses?.Addresses.FirstOrDefault() ?? throw new InvalidOperationException("The server has not started.");
        return new Uri(first.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>True when every address in <paramref name="urls"/> is loopback: what serve allows without --public.</summary>
    public static bool IsLoopbackOnly(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));
}

/// <summary>Error answers: a status, a short title, one sentence of detail; JSON for the API, a page for a browser.</summary>
internal static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        if (!context.Request.Path.StartsWithSegments("/api") && AcceptsHtml(context.Request))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(Pages.Error(title, detail), cancellationToken);
        }
        return context.Response.WriteAsJsonAsync(new Problem(status, title, detail), cancellationToken);
    }

    public static IResult Result(int status, string title, string detail) => Results.Json(new Problem(status, title, detail), statusCode: status);

    private static bool AcceptsHtml(HttpRequest request) => request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}

/// <summary>An error as the API returns it (RFC 9457 fields).</summary>
public sealed record Problem(int Status, string Title, string Detail);

/// <summary>API keys: issued by `crosscheck keys add`, stored hashed, sent as X-Api-Key or a bearer token.</summary>
internal static class ApiKeys
{
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && !string.IsNullOrWhiteSpace(key)) return key.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    public static bool Authorised(HttpContext context) =>
        context.RequestServices.GetRequiredService<IServerTables>().ApiKeyOwner(Presented(context.Request)) is not null;
}

/// <summary>Small conveniences for the host's callers.</summary>
public static class WebHostExtensions
{
    /// <summary>How many reports the dossier being served holds.</summary>
    public static int GetDossierArticleCount(this IServiceProvider services) =>
        services.GetRequiredService<DossierCache>().Current.Dossier.Articles.Length;
}
