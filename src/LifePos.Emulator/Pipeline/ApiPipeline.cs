using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LifePos.Emulator.Pipeline;

/// <summary>
/// One API request's way through the emulator: the route, the outage, latency and faults, the gate, the route's
/// handler, then stats and the answer. Stats are recorded before the answer leaves (or the connection drops), so a
/// client that reads /_emulator/stats right after sees its own request counted.
/// </summary>
internal sealed class ApiPipeline
{
    private readonly EmulatorState _state;
    private readonly RequestGate _gate;
    private readonly ApiEndpoints _endpoints;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public ApiPipeline(EmulatorState state, ILogger logger, CancellationToken stopping)
    {
        _state = state;
        _gate = new RequestGate(state);
        _endpoints = new ApiEndpoints(state);
        _logger = logger;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext http, string path)
    {
        var arrived = Stopwatch.GetTimestamp();
        var answer = AnswerWriter.ForApi(_state.Answers);
        var match = ApiRoutes.Match(http.Request.Method, path, out var methodAllowed);
        if (match is null)
        {
            var missing = methodAllowed
                ? ApiException.NotFound($"There is no API route {path}.")
                : new ApiException(405, "NotAllowed", $"Method {http.Request.Method} is not allowed on {path}.");
            Log(http, arrived, missing.Status.ToString(CultureInfo.InvariantCulture), null, answer);
            await answer.WriteAsync(http, answer.Error(missing), null);
            return;
        }
        var route = match.Row;
        if (_state.Faults.CountTowardsOutage() is { } outage)
        {
            _state.Stats.Fault("outage");
            await TakeAwayAsync(http, route, hang: outage == OutageMode.Hang, arrived, "outage");
            return;
        }

        var delay = _state.Faults.NextDelayMs();
        if (delay > 0)
        {
            _state.Stats.Latency(route.Key, delay);
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
        var fault = _state.Faults.Draw(route.Name);
        if (fault is { } drawn)
        {
            _state.Stats.Fault(drawn.Name);
            if (drawn.Kind is FaultKind.DropBefore or FaultKind.Hang)
            {
                await TakeAwayAsync(http, route, hang: drawn.Kind == FaultKind.Hang, arrived, drawn.Name);
                return;
            }
            if (drawn.Kind is not (FaultKind.DropAfter or FaultKind.StallBody or FaultKind.DeepItem or FaultKind.BadItem))
            {
                await AnswerAsync(http, route, answer, FaultAnswers.For(drawn, answer), started, arrived, drawn.Name);
                return;
            }
        }

        ApiResult result;
        try
        {
            result = await route.Handler(_endpoints, _gate.Admit(http, match, answer.Style));
        }
        catch (ApiException e)
        {
            result = answer.Error(e);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            _state.Stats.Record(route.Key, "aborted", null);
            Log(http, arrived, "aborted", null, answer);
            return;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Unhandled error on {Method} {Path}", http.Request.Method, path);
            result = answer.Error(new ApiException(500, "InternalServerError", "The emulator failed: " + e.Message));
        }

        if (fault?.Kind is FaultKind.DeepItem or FaultKind.BadItem)
        {
            result = ItemFaults.Spoil(result, fault.Value.Kind);
        }
        if (fault?.Kind == FaultKind.DropAfter)
        {
            _state.Stats.Record(route.Key, "dropped", null);
            Log(http, arrived, "dropped", fault.Value.Name, answer);
            http.Abort();
            return;
        }
        if (fault?.Kind == FaultKind.StallBody)
        {
            Log(http, arrived, "stalled", fault.Value.Name, answer);
            await StallBodyAsync(http, route, answer, result);
            return;
        }
        await AnswerAsync(http, route, answer, result, started, arrived, null);
    }

    private static string? Extensions(HttpContext http) =>
        http.Request.Headers.TryGetValue(ItemView.ExtensionsHeader, out var value) ? value.ToString() : null;

    private Task AnswerAsync(HttpContext http, ApiRoute route, AnswerWriter answer, ApiResult result, long started, long arrived, string? fault)
    {
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var status = result.Status.ToString(CultureInfo.InvariantCulture);
        _state.Stats.Record(route.Key, status, ms);
        Log(http, arrived, status, fault, answer);
        return answer.WriteAsync(http, result, ms);
    }

    /// <summary>The request in the dashboard's log; a request that got no answer has no request id.</summary>
    private void Log(HttpContext http, long arrived, string status, string? fault, AnswerWriter? answer) =>
        _state.Requests.Add(DateTimeOffset.UtcNow, http.Request.Method, http.Request.Path.Value + http.Request.QueryString.Value, status,
            Stopwatch.GetElapsedTime(arrived).TotalMilliseconds, fault, answer?.RequestId, Extensions(http));

    /// <summary>
    /// Counts the request, then aborts its connection at once or, to hang, reads the request and answers nothing until
    /// the client gives up or the server stops.
    /// </summary>
    private async Task TakeAwayAsync(HttpContext http, ApiRoute route, bool hang, long arrived, string fault)
    {
        _state.Stats.Record(route.Key, hang ? "hung" : "dropped", null);
        Log(http, arrived, hang ? "hung" : "dropped", fault, null);
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
        _state.Stats.Record(route.Key, "stalled", null);
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
}
