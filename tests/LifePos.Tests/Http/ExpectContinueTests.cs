using System.Collections.Concurrent;
using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

/// <summary>
/// .NET Framework's HttpClientHandler makes a POST or PATCH wait for "100 Continue" unless the request says
/// ExpectContinue = false (null keeps ServicePointManager's default, which is on): one more round trip per change.
/// </summary>
public sealed class ExpectContinueTests
{
    [Fact]
    public async Task EveryRequest_SaysExpectContinueFalse_OverRealHttp()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var handler = new RecordingHandler();
        using var client = emulator.CreateClient(o => o.Handler = handler);

        var created = await client.CreateWorkplaceAsync(
            emulator.OrganizationId, new WorkplaceCreateRequest { WorkplaceType = WorkplaceType.Mobile, Name = "Касса 100" }, RequestContext.None);
        await client.UpdateWorkplaceAsync(emulator.OrganizationId, created.Id, [JsonPatchOperation.Replace("/meta", "hall")], RequestContext.None);
        await client.GetWorkplaceAsync(emulator.OrganizationId, created.Id, RequestContext.None);

        Assert.Equal(["POST", "PATCH", "GET"], handler.Sent.Select(sent => sent.Method));
        Assert.All(handler.Sent, sent => Assert.False(sent.ExpectContinue ?? true, sent.Method + " left ExpectContinue to the handler's default"));
        Assert.Equal("hall", (await client.GetWorkplaceAsync(emulator.OrganizationId, created.Id, RequestContext.None)).Meta);
    }

    /// <summary>Real HTTP to the emulator; records each request's method and ExpectContinue as the handler gets them.</summary>
    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public ConcurrentQueue<(string Method, bool? ExpectContinue)> Sent { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Enqueue((request.Method.Method, request.Headers.ExpectContinue));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
