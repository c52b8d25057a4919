using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LifePos.Tests.Fuzzing;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers every request from the script of the call it belongs to (told apart by
/// the client identifier header). Real HTTP over loopback: Content-Length, Content-Type, Retry-After and a connection
/// cut halfway through a body are what the client's handler really sees.
/// </summary>
internal sealed class FuzzedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<Guid, CallScript> _scripts = new();
    private long _served;

    private FuzzedApiServer(WebApplication app)
    {
        _app = app;
        BaseUri = new Uri("http://127.0.0.1/");
    }

    public Uri BaseUri { get; private set; }

    /// <summary>Answers the scripts have given, retries included.</summary>
    public long AnswersServed => Interlocked.Read(ref _served);

    public static async Task<FuzzedApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        var server = new FuzzedApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public void Begin(CallScript script) => _scripts[script.ClientId] = script;

    public void End(CallScript script) => _scripts.TryRemove(script.ClientId, out _);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!Guid.TryParse(request.Headers["X-LP-Client-Identifier"].ToString(), out var clientId) || !_scripts.TryGetValue(clientId, out var script))
        {
            // A request of a call that has ended (an abandoned prefetch): answered without touching any script.
            http.Response.StatusCode = 410;
            return;
        }

        var pageToken = request.Query.TryGetValue("page_token", out var token) ? token.ToString() : null;
        var answer = script.Next(request.Method, request.Path.Value ?? "/", pageToken);
        Interlocked.Increment(ref _served);
        var response = http.Response;
        response.StatusCode = answer.Status;
        if (answer.ContentType != null)
        {
            response.Headers.ContentType = answer.ContentType;
        }

        if (answer.RetryAfter != null)
        {
            response.Headers.RetryAfter = answer.RetryAfter;
        }

        if (answer.Status == 204)
        {
            return;
        }

        response.ContentLength = answer.Body.Length;
        if (answer.CutAt is { } cut)
        {
            await response.Body.WriteAsync(answer.Body.AsMemory(0, cut));
            await response.Body.FlushAsync();
            http.Abort();
            return;
        }

        await response.Body.WriteAsync(answer.Body);
    }
}
