using System.Net;
using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Core.Resources;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

/// <summary>
/// On .NET Framework a failed send is an HttpRequestException over a <see cref="WebException"/> with a status, often
/// with no SocketException inside: a DNS failure is NameResolutionFailure. Each status means what the matching socket
/// error means on .NET: never sent (retried, a create too, with no lookup), dropped (a create is looked up first), or a
/// refused certificate (not retried).
/// </summary>
public sealed class FrameworkNetworkFailureTests
{
    public static TheoryData<WebExceptionStatus, string, string, string> Statuses => new()
    {
        // status, a GET does, a create does, reason
        { WebExceptionStatus.NameResolutionFailure, nameof(RetryAction.Retry), nameof(RetryAction.Retry), "connection failed" },
        { WebExceptionStatus.ProxyNameResolutionFailure, nameof(RetryAction.Retry), nameof(RetryAction.Retry), "connection failed" },
        { WebExceptionStatus.ConnectFailure, nameof(RetryAction.Retry), nameof(RetryAction.Retry), "connection failed" },
        { WebExceptionStatus.TrustFailure, nameof(RetryAction.Fail), nameof(RetryAction.Fail), "certificate refused" },
        { WebExceptionStatus.ConnectionClosed, nameof(RetryAction.Retry), nameof(RetryAction.Resolve), "connection dropped" },
        { WebExceptionStatus.ReceiveFailure, nameof(RetryAction.Retry), nameof(RetryAction.Resolve), "connection dropped" },
        { WebExceptionStatus.SendFailure, nameof(RetryAction.Retry), nameof(RetryAction.Resolve), "connection dropped" },
        { WebExceptionStatus.KeepAliveFailure, nameof(RetryAction.Retry), nameof(RetryAction.Resolve), "connection dropped" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task AWebExceptionStatus_IsClassifiedLikeTheSocketErrorItStandsFor(WebExceptionStatus status, string get, string create, string reason)
    {
        foreach (var (method, path, expected) in new[] { ("GET", "/orgs", get), ("POST", "/orgs/x/workplaces", create) })
        {
            var request = RawClient.Describe(method, path, null);
            using var transport = new HttpTransport(
                new HttpClient(ScriptedHandler.Throws(FrameworkFailure(status))), new ApiAddress(new Uri("https://api.example/")));

            var result = await transport.SendOnceAsync(request, null, 1, TimeSpan.FromSeconds(30), RequestContext.None);
            var decision = FailureClassifier.Classify(result, request.Mode, request.Authenticated, canSignInAgain: false, rawTokenUntried: false);

            Assert.Equal(expected, decision.Action.ToString());
            Assert.Equal(reason, decision.Reason);
        }
    }

    [Fact]
    public async Task ACreateWhoseNameLookupFailed_IsSentAgainWithoutLookingTheWorkplaceUp()
    {
        await using var emulator = await LiveEmulator.StartAsync(o => o.Seed = 0);
        using var client = emulator.CreateClient(o => o.Handler = new FirstPostFails(FrameworkFailure(WebExceptionStatus.NameResolutionFailure)));
        var observer = new RecordingObserver();

        var created = await client.CreateWorkplaceAsync(
            emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "Касса DNS" }, new RequestContext(observer: observer));

        Assert.Equal("Касса DNS", created.Name);
        Assert.Equal("connection failed", Assert.Single(observer.Retries).Reason);
        Assert.Equal(1, await emulator.RequestsAsync("create"));
        Assert.Equal(0, await emulator.RequestsAsync("list"));
        Assert.Equal(1, await emulator.AliveAsync());
    }

    /// <summary>What .NET Framework's HttpClientHandler throws: the WebException of HttpWebRequest, wrapped.</summary>
    private static HttpRequestException FrameworkFailure(WebExceptionStatus status) =>
        new("An error occurred while sending the request.", new WebException("The request failed: " + status + ".", status));

    /// <summary>Real HTTP to the emulator, except that the first POST fails before it leaves, as given.</summary>
    private sealed class FirstPostFails(Exception failure) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _posts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.Method == HttpMethod.Post && Interlocked.Increment(ref _posts) == 1
                ? Task.FromException<HttpResponseMessage>(failure)
                : base.SendAsync(request, cancellationToken);
    }
}
