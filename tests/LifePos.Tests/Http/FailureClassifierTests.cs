using System.Net.Sockets;
using System.Security.Authentication;
using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Core.Resources;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

/// <summary>
/// The retry rules as a table: status × method (and so retry mode) × Retry-After → what the retry loop does. Each row
/// goes through the real transport over a handler the test hands in (no sockets), then the classifier.
/// </summary>
public sealed class FailureClassifierTests
{
    public static TheoryData<string, string, int, string?, string?, bool, string, double?> Statuses => new()
    {
        // method, path, status, code, Retry-After, can sign in again, action, wait asked (s)
        { "GET", "/orgs", 200, null, null, false, nameof(RetryAction.Succeed), null },
        { "POST", "/orgs/x/workplaces", 204, null, null, false, nameof(RetryAction.Succeed), null },
        { "GET", "/orgs", 400, "BadRequest", null, false, nameof(RetryAction.Fail), null },
        { "GET", "/orgs", 401, "Unauthorized", null, true, nameof(RetryAction.ReSignIn), null },
        { "GET", "/orgs", 401, null, null, true, nameof(RetryAction.ReSignIn), null },
        { "GET", "/orgs", 401, "Unauthorized", null, false, nameof(RetryAction.TokenRefused), null },
        { "POST", "/v6/auth/activate-workplace", 401, "WrongActivationCode", null, true, nameof(RetryAction.Fail), null },
        { "PATCH", "/orgs/x/workplaces/y", 403, "NoPermissions", null, false, nameof(RetryAction.Fail), null },
        { "GET", "/orgs/x/workplaces/y", 404, "NotFound", null, false, nameof(RetryAction.Fail), null },
        { "POST", "/orgs/x/workplaces", 422, "RequestIsNotValid", null, false, nameof(RetryAction.Fail), null },
        { "GET", "/orgs", 429, "TooManyRequests", "2", false, nameof(RetryAction.Wait), 2 },
        { "POST", "/orgs/x/workplaces", 429, "TooManyRequests", null, false, nameof(RetryAction.Wait), null },
        { "POST", "/v6/auth/activate-workplace", 429, "TryActivateLater", "86400", false, nameof(RetryAction.Fail), 86400 },
        { "POST", "/v6/orgs/x/workplaces/y:generate-activation-code", 429, "TrySendCodeLater", "60", false, nameof(RetryAction.Fail), 60 },
        { "POST", "/orgs/x/workplaces", 503, "TryLater", "1", false, nameof(RetryAction.Wait), 1 },
        { "GET", "/orgs", 503, null, null, false, nameof(RetryAction.Retry), null },
        { "POST", "/orgs/x/workplaces", 503, null, null, false, nameof(RetryAction.Retry), null },
        { "GET", "/orgs/x/workplaces", 500, "InternalServerError", null, false, nameof(RetryAction.Retry), null },
        { "DELETE", "/orgs/x/workplaces/y", 502, null, null, false, nameof(RetryAction.Retry), null },
        { "PATCH", "/orgs/x/workplaces/y", 504, null, null, false, nameof(RetryAction.Retry), null },
        { "POST", "/orgs/x/workplaces/y:deactivate", 500, null, null, false, nameof(RetryAction.Retry), null },
        { "POST", "/orgs/x/workplaces", 500, "InternalServerError", null, false, nameof(RetryAction.Resolve), null },
        { "POST", "/orgs/x/workplaces", 502, null, null, false, nameof(RetryAction.Resolve), null },
        { "POST", "/v6/auth/activate-workplace", 504, null, "5", false, nameof(RetryAction.Resolve), null },
        { "GET", "/orgs", 302, null, null, false, nameof(RetryAction.Fail), null },
        { "GET", "/orgs", 418, null, null, false, nameof(RetryAction.Fail), null },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task AnAnswerStatus_DecidesTheNextStep(
        string method, string path, int status, string? code, string? retryAfter, bool canSignInAgain, string expected, double? waitSeconds)
    {
        var decision = await ClassifyAnswerAsync(method, path, status, code, retryAfter, canSignInAgain, rawTokenUntried: false);

        Assert.Equal(expected, decision.Action.ToString());
        Assert.Equal(waitSeconds, decision.RetryAfter?.TotalSeconds);
    }

    public static TheoryData<string, string, string?, bool, bool, string, string> Refusals => new()
    {
        // method, path, 401 code, can sign in again, raw token untried, action, reason logged
        // The raw form comes first, before any sign-in, while no answer has accepted the Bearer form.
        { "GET", "/orgs", "Unauthorized", false, true, nameof(RetryAction.TryRawToken), "401 with a Bearer token" },
        { "GET", "/orgs", null, true, true, nameof(RetryAction.TryRawToken), "401 with a Bearer token" },
        { "PATCH", "/orgs/x/workplaces/y", "TokenExpired", true, true, nameof(RetryAction.TryRawToken), "401 with a Bearer token" },
        { "GET", "/orgs", "InvalidToken", true, false, nameof(RetryAction.ReSignIn), "401 InvalidToken" },
        // Nothing left to try: the token is reported as refused, not as a plain failure.
        { "GET", "/orgs", "InvalidToken", false, false, nameof(RetryAction.TokenRefused), "401 InvalidToken" },
        { "POST", "/orgs/x/workplaces", null, false, false, nameof(RetryAction.TokenRefused), "401 Unauthorized" },
        // A 401 that names another cause, or that answers a request sent without a token, is not about the token.
        { "POST", "/v6/auth/activate-workplace", "WrongActivationCode", true, true, nameof(RetryAction.Fail), "401 WrongActivationCode" },
        { "POST", "/auth/sign-in", "Unauthorized", false, true, nameof(RetryAction.Fail), "401 Unauthorized" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task ARefusedToken_IsTriedRawThenSignedInAgainThenReported(
        string method, string path, string? code, bool canSignInAgain, bool rawTokenUntried, string expected, string reason)
    {
        var decision = await ClassifyAnswerAsync(method, path, 401, code, null, canSignInAgain, rawTokenUntried);

        Assert.Equal(expected, decision.Action.ToString());
        Assert.Equal(reason, decision.Reason);
    }

    public static TheoryData<string, string, string, string> NetworkFailures => new()
    {
        // method, path, failure, action
        { "GET", "/orgs", "refused", nameof(RetryAction.Retry) },
        { "POST", "/orgs/x/workplaces", "refused", nameof(RetryAction.Retry) },
        { "GET", "/orgs", "reset", nameof(RetryAction.Retry) },
        { "POST", "/orgs/x/workplaces", "reset", nameof(RetryAction.Resolve) },
        { "POST", "/orgs/x/workplaces/y:unarchive", "reset", nameof(RetryAction.Retry) },
        { "GET", "/orgs", "certificate", nameof(RetryAction.Fail) },
        { "POST", "/orgs/x/workplaces", "timeout", nameof(RetryAction.Resolve) },
        { "GET", "/orgs", "timeout", nameof(RetryAction.Retry) },
        // The headers came, then the body stalled: still the attempt's timeout.
        { "GET", "/orgs", "body-hangs", nameof(RetryAction.Retry) },
        { "POST", "/orgs/x/workplaces", "body-hangs", nameof(RetryAction.Resolve) },
        { "GET", "/orgs", "chunked-body-hangs", nameof(RetryAction.Retry) },
        // The body ended before its Content-Length: the connection broke.
        { "GET", "/orgs", "body-cut", nameof(RetryAction.Retry) },
        { "POST", "/orgs/x/workplaces", "body-cut", nameof(RetryAction.Resolve) },
    };

    [Theory]
    [MemberData(nameof(NetworkFailures))]
    public async Task AFailureWithoutAnswer_IsRetriedOnlyWhenRepeatingIsSafe(string method, string path, string failure, string expected)
    {
        var request = RawClient.Describe(method, path, null);
        var handler = failure switch
        {
            "refused" => ScriptedHandler.Throws(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))),
            "reset" => ScriptedHandler.Throws(new HttpRequestException("reset", new IOException("connection reset by peer"))),
            "certificate" => ScriptedHandler.Throws(new HttpRequestException("tls", new AuthenticationException("untrusted root"))),
            _ => new ScriptedHandler(_ => throw new InvalidOperationException("not used")),
        };

        var result = failure switch
        {
            "timeout" => await SendOnceAsync(new NeverAnswers(), request, TimeSpan.FromMilliseconds(50)),
            "body-hangs" => await SendOnceAsync(new AnswersWithBody(() => new StalledStream(), 100), request, TimeSpan.FromMilliseconds(50)),
            "chunked-body-hangs" => await SendOnceAsync(new AnswersWithBody(() => new StalledStream(), null), request, TimeSpan.FromMilliseconds(50)),
            "body-cut" => await SendOnceAsync(new AnswersWithBody(() => new MemoryStream(new byte[10]), 100), request),
            _ => await SendOnceAsync(handler, request),
        };
        var decision = FailureClassifier.Classify(result, request.Mode, request.Authenticated, canSignInAgain: false, rawTokenUntried: false);

        Assert.Null(result.Response);
        Assert.Equal(expected, decision.Action.ToString());
        Assert.Equal(failure.EndsWith("timeout", StringComparison.Ordinal) || failure.EndsWith("hangs", StringComparison.Ordinal), result.TimedOut);
    }

    [Theory]
    [InlineData("GET", "/orgs", nameof(RetryMode.Repeatable), true)]
    [InlineData("PUT", "/orgs/x/thing", nameof(RetryMode.Repeatable), true)]
    [InlineData("PATCH", "/orgs/x/workplaces/y", nameof(RetryMode.Repeatable), true)]
    [InlineData("DELETE", "/orgs/x/workplaces/y", nameof(RetryMode.Repeatable), true)]
    [InlineData("POST", "/orgs/x/workplaces/y:unarchive", nameof(RetryMode.Repeatable), true)]
    [InlineData("POST", "/orgs/x/workplaces", nameof(RetryMode.OnlyIfNotActed), true)]
    [InlineData("post", "/auth/sign-in", nameof(RetryMode.OnlyIfNotActed), false)]
    public void ARawRequest_IsRepeatableUnlessItIsAPostThatCreatesSomething(string method, string path, string mode, bool authenticated)
    {
        var request = RawClient.Describe(method, path, null);

        Assert.Equal(mode, request.Mode.ToString());
        Assert.Equal(authenticated, request.Authenticated);
    }

    /// <summary>One answer with <paramref name="status"/> and the server's <paramref name="code"/>, through the real transport, then the classifier.</summary>
    private static async Task<RetryDecision> ClassifyAnswerAsync(
        string method, string path, int status, string? code, string? retryAfter, bool canSignInAgain, bool rawTokenUntried)
    {
        var body = code is null ? "" : "{\"code\":\"" + code + "\",\"message\":\"m\"}";
        var request = RawClient.Describe(method, path, null);
        var result = await SendOnceAsync(ScriptedHandler.Always(status, body, retryAfter: retryAfter), request);
        return FailureClassifier.Classify(result, request.Mode, request.Authenticated, canSignInAgain, rawTokenUntried);
    }

    private static async Task<AttemptResult> SendOnceAsync(HttpMessageHandler handler, ApiRequest request, TimeSpan? timeout = null)
    {
        using var transport = new HttpTransport(new HttpClient(handler), new ApiAddress(new Uri("https://api.example/")));
        return await transport.SendOnceAsync(request, null, 1, timeout ?? TimeSpan.FromSeconds(30), RequestContext.None);
    }

    /// <summary>Answers 200 at once, with the body from <paramref name="body"/> and the Content-Length given (none: chunked).</summary>
    private sealed class AnswersWithBody(Func<Stream> body, long? contentLength) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(body());
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = contentLength;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content });
        }
    }

    /// <summary>A body that never sends a byte: every read waits until it is cancelled.</summary>
    private sealed class StalledStream : AsyncReadOnlyStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
