using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LifePos.Emulator;

/// <summary>
/// One API request's way through the emulator: the route, the outage, latency and faults, the API itself, then stats
/// and the answer. Stats are recorded before the answer leaves (or the connection drops), so a client that reads
/// /_emulator/stats right after sees its own request counted.
/// </summary>
internal sealed class ApiPipeline
{
    private static readonly byte[] HtmlPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>");
    private static readonly byte[] TruncatedJson = Encoding.UTF8.GetBytes(
        "{\"items\":[{\"guid\":\"0b8e7f8a-1c1d-4e2f-9a3b-5c6d7e8f9a0b\",\"type_of\":\"Workplace\",\"number\":1,\"na");
    private static readonly byte[] BadShapeJson = Encoding.UTF8.GetBytes("{\"unexpected\":true}");

    private readonly EmulatorState _state;
    private readonly ApiEndpoints _api;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public ApiPipeline(EmulatorState state, ILogger logger, CancellationToken stopping)
    {
        _state = state;
        _api = new ApiEndpoints(state);
        _logger = logger;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext http, string path)
    {
        var answer = AnswerWriter.ForApi(_state.Answers);
        var route = ApiRoutes.Match(http.Request.Method, path, out var methodAllowed);
        if (route is null)
        {
            var missing = methodAllowed
                ? ApiException.NotFound($"There is no API route {path}.")
                : new ApiException(405, "NotAllowed", $"Method {http.Request.Method} is not allowed on {path}.");
            await answer.WriteAsync(http, answer.Error(missing), null);
            return;
        }

        if (_state.Faults.CountTowardsOutage() is { } outage)
        {
            _state.Stats.Fault("outage");
            await TakeAwayAsync(http, route, hang: outage == OutageMode.Hang);
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
        if (fault is { } drawn)
        {
            _state.Stats.Fault(drawn.Name);
            if (drawn.Kind is FaultKind.DropBefore or FaultKind.Hang)
            {
                await TakeAwayAsync(http, route, hang: drawn.Kind == FaultKind.Hang);
                return;
            }
            if (drawn.Kind is not (FaultKind.DropAfter or FaultKind.StallBody))
            {
                await AnswerAsync(http, route, answer, FaultAnswer(drawn, answer), started);
                return;
            }
        }

        ApiResult result;
        try
        {
            result = await _api.HandleAsync(http, route, answer.Style);
        }
        catch (ApiException e)
        {
            result = answer.Error(e);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            _state.Stats.Record(route.Endpoint, "aborted", null);
            return;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Unhandled error on {Method} {Path}", http.Request.Method, path);
            result = answer.Error(new ApiException(500, "InternalServerError", "The emulator failed: " + e.Message));
        }

        if (fault?.Kind == FaultKind.DropAfter)
        {
            _state.Stats.Record(route.Endpoint, "dropped", null);
            http.Abort();
            return;
        }
        if (fault?.Kind == FaultKind.StallBody)
        {
            await StallBodyAsync(http, route, answer, result);
            return;
        }
        await AnswerAsync(http, route, answer, result, started);
    }

    private Task AnswerAsync(HttpContext http, ApiRoute route, AnswerWriter answer, ApiResult result, long started)
    {
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _state.Stats.Record(route.Endpoint, result.Status.ToString(CultureInfo.InvariantCulture), ms);
        return answer.WriteAsync(http, result, ms);
    }

    /// <summary>
    /// Counts the request, then aborts its connection at once or, to hang, reads the request and answers nothing until
    /// the client gives up or the server stops.
    /// </summary>
    private async Task TakeAwayAsync(HttpContext http, ApiRoute route, bool hang)
    {
        _state.Stats.Record(route.Endpoint, hang ? "hung" : "dropped", null);
        if (hang)
        {
            await HangAsync(http, until => http.Request.Body.CopyToAsync(Stream.Null, until));
        }
        http.Abort();
    }

    /// <summary>
    /// Sends the answer's status and headers (with the whole body's Content-Length) and the first half of the body,
    /// then nothing more until the client gives up or the server stops: a body that stalls after the headers.
    /// </summary>
    private async Task StallBodyAsync(HttpContext http, ApiRoute route, AnswerWriter answer, ApiResult result)
    {
        _state.Stats.Record(route.Endpoint, "stalled", null);
        await answer.WriteAsync(http, result with { Body = ReadOnlyMemory<byte>.Empty }, null);
        http.Response.ContentLength = result.Body.Length;
        await HangAsync(http, async until =>
        {
            await http.Response.Body.WriteAsync(result.Body[..(result.Body.Length / 2)], until);
            await http.Response.Body.FlushAsync(until);
        });
        http.Abort();
    }

    /// <summary>Does <paramref name="first"/>, then waits until the client gives up or the server is stopping.</summary>
    private async Task HangAsync(HttpContext http, Func<CancellationToken, Task> first)
    {
        using var until = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping);
        try
        {
            await first(until.Token);
            await Task.Delay(Timeout.Infinite, until.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client gave up or the server is stopping: either ends the hang.
        }
    }

    private static ApiResult FaultAnswer(Fault fault, AnswerWriter answer) => fault.Kind switch
    {
        FaultKind.Status500 => answer.Error(new ApiException(500, "InternalServerError", "Injected fault: internal server error.")),
        FaultKind.Status502 => answer.Error(new ApiException(502, "BadGateway", "Injected fault: bad gateway.")),
        FaultKind.Status503 => answer.Error(new ApiException(503, "TryLater", "Injected fault: service unavailable, try later.")),
        FaultKind.Status504 => answer.Error(new ApiException(504, "GatewayTimeout", "Injected fault: gateway timeout.")),
        FaultKind.Status429 => answer.Error(new ApiException(429, "TooManyRequests", "Injected fault: too many requests.")),
        FaultKind.Error => answer.Error(new ApiException(fault.Status, fault.Code!, $"Forced error {fault.Code}.")),
        FaultKind.Html => new ApiResult(200, HtmlPage, "text/html; charset=utf-8", null),
        FaultKind.Empty => new ApiResult(200, ReadOnlyMemory<byte>.Empty, ApiResult.JsonType, null),
        FaultKind.Truncated => new ApiResult(200, TruncatedJson, ApiResult.JsonType, null),
        _ => new ApiResult(200, BadShapeJson, ApiResult.JsonType, null),
    };
}
