using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace LifePos.Emulator.Tests.Support;

/// <summary>An emulator's answer as a test reads it: status, body, content type and headers.</summary>
internal sealed record EmulatorAnswer(HttpStatusCode Status, string Body, string? ContentType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string? Code => Json.GetProperty("code").GetString();
    public string Guid => Json.GetProperty("guid").GetString()!;

    public static async Task<EmulatorAnswer> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType, response.Headers);

    public void ShouldBe(HttpStatusCode status)
    {
        if (Status != status) throw new Xunit.Sdk.XunitException($"Expected {(int)status}, got {(int)Status}: {Body}");
    }

    public void ShouldBe(HttpStatusCode status, string mediaType)
    {
        ShouldBe(status);
        Xunit.Assert.Equal(mediaType, ContentType);
    }

    /// <summary>Asserts the default error shape: status, JSON content type, {"code","message"}.</summary>
    public void ShouldBeError(HttpStatusCode status, string code)
    {
        ShouldBe(status);
        Xunit.Assert.Equal("application/json", ContentType);
        Xunit.Assert.Equal(code, Code);
        Xunit.Assert.False(string.IsNullOrWhiteSpace(Json.GetProperty("message").GetString()));
    }
}
