using System.Net;
using System.Net.Http.Headers;
using LifePos.Core.Http;

namespace LifePos.Tests.Http;

public sealed class RetryAfterAndRedactionTests
{
    [Fact]
    public void RetryAfter_ReadsSecondsOrAnHttpDate()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "3");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(20));
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.TryAddWithoutValidation("Retry-After", DateTimeOffset.UtcNow.AddHours(-1).ToString("r"));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(3), HttpTransport.RetryAfter(seconds.Headers, DateTimeOffset.UtcNow));
        Assert.InRange(HttpTransport.RetryAfter(date.Headers, DateTimeOffset.UtcNow)!.Value, TimeSpan.FromSeconds(17), TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.Zero, HttpTransport.RetryAfter(past.Headers, DateTimeOffset.UtcNow));
        Assert.Null(HttpTransport.RetryAfter(none.Headers, DateTimeOffset.UtcNow));
    }

    [Theory]
    [InlineData("""{"token":"abc","name":"x"}""", """{"token":"***","name":"x"}""")]
    [InlineData("""{"access_token": "abc", "Password":"p\"w"}""", """{"access_token": "***", "Password":"***"}""")]
    [InlineData("{\"phone\":\"+7999\",\"password\":\"cut-of", "{\"phone\":\"+7999\",\"password\":\"***\"")]
    [InlineData("Authorization: Bearer abc.def-1", "Authorization: Bearer ***")]
    [InlineData("/auth?token=abc&x=1", "/auth?token=***&x=1")]
    [InlineData("""{"next_page_token":"keep","page_token":"keep"}""", """{"next_page_token":"keep","page_token":"keep"}""")]
    [InlineData("/orgs/1/workplaces?page_token=keep", "/orgs/1/workplaces?page_token=keep")]
    public void Redaction_MasksTokensAndPasswordsButKeepsPageTokens(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }
}
