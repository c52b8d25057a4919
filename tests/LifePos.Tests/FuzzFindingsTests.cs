using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Tests.Fuzzing;
using Xunit;

namespace LifePos.Tests;

/// <summary>
/// What <see cref="FuzzedAnswersTests"/> found, one answer each, so a regression shows by name: every one of these
/// crashed the client with a non-LifePos exception, or refused without naming the request, before it was fixed.
/// </summary>
public sealed class FuzzFindingsTests
{
    private static readonly Guid Org = ValidAnswers.Organization;
    private static readonly Guid Wp = ValidAnswers.Workplace;

    [Fact]
    public void ErrorBody_CutJsonWithAnEscapeJsonDoesNotKnow_KeepsTheTextAsWritten()
    {
        var parsed = ErrorBody.Parse("application/json", Encoding.UTF8.GetBytes("""{"code":"a\qb","message":"\u12"""));

        Assert.Equal("truncated json", parsed.Kind);
        Assert.Null(parsed.Code);
        Assert.Equal(@"a\qb", parsed.Message);
    }

    [Fact]
    public void ErrorBody_CutJsonWithJsonEscapes_ReadsThemAsJson()
    {
        var parsed = ErrorBody.Parse("application/json", Encoding.UTF8.GetBytes("""{"code":"NotFound","message":"Нет \"кассы\" \u2116 5\/6","tra"""));

        Assert.Equal("NotFound", parsed.Code);
        Assert.Equal("Нет \"кассы\" № 5/6", parsed.Message);
    }

    [Fact]
    public void ErrorBody_StringsWithALoneSurrogate_AreNoText()
    {
        var parsed = ErrorBody.Parse("application/json", Encoding.UTF8.GetBytes("""{"code":"\uD800","message":"\uDC00","errors":{"\uD800":1}}"""));

        Assert.Equal("json", parsed.Kind);
        Assert.Null(parsed.Code);
        Assert.Equal("""{"\uD800":1}""", parsed.Message);
    }

    [Theory]
    [InlineData("-99999999999")]
    [InlineData("-62135596801")]
    [InlineData("-90000000000000")]
    public async Task AUnixDateBeforeYearOne_IsAnInvalidResponse(string date)
    {
        using var client = ClientAnswering(200, Workplace("\"updated_at\":" + date));

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.GetWorkplaceAsync(Org, Wp, RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("GET /orgs/" + Org + "/workplaces/" + Wp, error.Message);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
    }

    /// <summary>A client whose every request is answered with <paramref name="body"/> (no sockets: the fuzzer has those).</summary>
    private static LifePosClient ClientAnswering(int status, byte[] body, string contentType = "application/json", bool signIn = false) =>
        LifePosClient.Create(new LifePosClientOptions
        {
            BaseUri = new Uri("http://127.0.0.1:9/"),
            Token = signIn ? null : TestEmulator.Secure("fuzz-token"),
            SignIn = signIn ? new CredentialSignIn("owner@fuzz.example", TestEmulator.Secure("password1")) : null,
            MaxRetries = 1,
            Handler = new ScriptedHandler(_ =>
            {
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
            }),
        });

    private static byte[] Workplace(string date) => Encoding.UTF8.GetBytes(
        "{\"guid\":\"" + Wp + "\",\"type_of\":\"Workplace\",\"number\":1,\"name\":\"x\",\"workplace_type\":\"Mobile\",\"created_at\":\"2026-11-29T18:00:00Z\"," + date + "}");
}
