using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifePos.Emulator;

/// <summary>
/// Hosts the emulator on Kestrel. One terminal middleware routes every request: /_emulator/* to the control endpoints,
/// everything else through latency, fault injection and the API, with per-endpoint stats and Server-Timing.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private static readonly byte[] HtmlPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>");
    private static readonly byte[] TruncatedJson = Encoding.UTF8.GetBytes(
        "{\"items\":[{\"guid\":\"0b8e7f8a-1c1d-4e2f-9a3b-5c6d7e8f9a0b\",\"type_of\":\"Workplace\",\"number\":1,\"na");
    private static readonly byte[] BadShapeJson = Encoding.UTF8.GetBytes("{\"unexpected\":true}");

    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly DataFile? _dataFile;
    private readonly ApiEndpoints _api;
    private readonly ControlEndpoints _control;
    private readonly ILogger _logger;
    private int _disposed;

    private EmulatorServer(WebApplication app, EmulatorState state, DataFile? dataFile, ILogger logger)
    {
        _app = app;
        _state = state;
        _dataFile = dataFile;
        _logger = logger;
        _api = new ApiEndpoints(state);
        _control = new ControlEndpoints(state);
        Token = state.Options.EffectiveToken;
        OrganizationId = state.DefaultOrganization.Id;
        BaseAddress = new Uri("http://127.0.0.1/");
    }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>The default (first) organization.</summary>
    public Guid OrganizationId { get; }

    public string Token { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        try
        {
            return await StartAsync(app, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<EmulatorServer> StartAsync(WebApplication app, EmulatorOptions options, CancellationToken cancellationToken)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LifePos.Emulator");
        var state = new EmulatorState(options);
        DataFile? dataFile = null;
        var loaded = false;
        if (options.DataFile is not null)
        {
            dataFile = new DataFile(options.DataFile, state, logger);
            loaded = dataFile.Load();
        }
        if (!loaded && options.Seed > 0) state.SeedWorkplaces(options.Seed);
        state.SeedPeopleAndPlaces(options.EffectiveEmployees, options.EffectiveOutlets);
        state.CaptureStartupState();

        var server = new EmulatorServer(app, state, dataFile, logger);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal)) ?? addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        if (dataFile is not null)
        {
            dataFile.Attach();
            if (!loaded) state.NotifyChanged();
        }
        return server;
    }

    /// <summary>Completes after the next write of the data file (tests wait on it instead of polling the file).</summary>
    internal Task NextDataFileWrite => _dataFile?.NextWrite ?? throw new InvalidOperationException("The emulator has no data file.");

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _dataFile?.Flush();
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith("/_emulator", StringComparison.Ordinal))
        {
            await WriteAsync(http, await _control.HandleAsync(http), null);
            return;
        }

        var route = ApiRoutes.Match(http.Request.Method, path, out var methodAllowed);
        if (route is null)
        {
            var missing = methodAllowed
                ? ApiResult.Error(404, "NotFound", $"There is no API route {path}.")
                : ApiResult.Error(405, "NotAllowed", $"Method {http.Request.Method} is not allowed on {path}.");
            await WriteAsync(http, missing, null);
            return;
        }

        var delay = _state.Faults.NextDelayMs();
        if (delay > 0)
        {
            _state.Stats.Latency(route.Endpoint, delay);
            try
            {
                await Task.Delay(delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var fault = _state.Faults.Draw(route.Endpoint);
        if (fault is { } kind)
        {
            _state.Stats.Fault(FaultKinds.Name(kind));
            if (kind == FaultKind.DropBefore)
            {
                _state.Stats.Record(route.Endpoint, "dropped", null);
                http.Abort();
                return;
            }
            if (kind != FaultKind.DropAfter)
            {
                var answer = FaultAnswer(kind);
                var faultMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                _state.Stats.Record(route.Endpoint, StatusText(answer.Status), faultMs);
                await WriteAsync(http, answer, faultMs);
                return;
            }
        }

        ApiResult result;
        try
        {
            result = await _api.HandleAsync(http, route);
        }
        catch (ApiException e)
        {
            result = ApiResult.Error(e);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            _state.Stats.Record(route.Endpoint, "aborted", null);
            return;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Unhandled error on {Method} {Path}", http.Request.Method, path);
            result = ApiResult.Error(500, "InternalServerError", "The emulator failed: " + e.Message);
        }

        // Stats are recorded before the answer leaves: a client that reads /_emulator/stats right after its answer
        // (or after its connection dropped) must see its own request counted.
        if (fault == FaultKind.DropAfter)
        {
            _state.Stats.Record(route.Endpoint, "dropped", null);
            http.Abort();
            return;
        }
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _state.Stats.Record(route.Endpoint, StatusText(result.Status), ms);
        await WriteAsync(http, result, ms);
    }

    private static ApiResult FaultAnswer(FaultKind kind) => kind switch
    {
        FaultKind.Status500 => ApiResult.Error(500, "InternalServerError", "Injected fault: internal server error."),
        FaultKind.Status502 => ApiResult.Error(502, "BadGateway", "Injected fault: bad gateway."),
        FaultKind.Status503 => ApiResult.Error(503, "TryLater", "Injected fault: service unavailable, try later."),
        FaultKind.Status504 => ApiResult.Error(504, "GatewayTimeout", "Injected fault: gateway timeout."),
        FaultKind.Status429 => ApiResult.Error(429, "TooManyRequests", "Injected fault: too many requests."),
        FaultKind.Html => new ApiResult(200, HtmlPage, "text/html; charset=utf-8", null),
        FaultKind.Empty => new ApiResult(200, ReadOnlyMemory<byte>.Empty, ApiResult.JsonType, null),
        FaultKind.Truncated => new ApiResult(200, TruncatedJson, ApiResult.JsonType, null),
        _ => new ApiResult(200, BadShapeJson, ApiResult.JsonType, null),
    };

    private static string StatusText(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static Task WriteAsync(HttpContext http, ApiResult result, double? serverMs)
    {
        var response = http.Response;
        response.StatusCode = result.Status;
        response.ContentType = result.ContentType;
        response.ContentLength = result.Body.Length;
        if (result.RetryAfterSeconds is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (serverMs is { } ms) response.Headers["Server-Timing"] = "app;dur=" + ms.ToString("0.###", CultureInfo.InvariantCulture);
        return result.Body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(result.Body).AsTask();
    }
}
