using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace LifePos.Tests.Support;

/// <summary>An HTTP handler that answers from a script, for pure tests of the transport and classifier (no sockets).</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _answer;

    public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) => _answer = answer;

    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public static ScriptedHandler Always(int status, string body = "", string contentType = "application/json", string? retryAfter = null) =>
        new(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            if (retryAfter != null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            }

            return response;
        });

    public static ScriptedHandler Throws(Exception error) => new(_ => throw error);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(_answer(request));
    }
}
