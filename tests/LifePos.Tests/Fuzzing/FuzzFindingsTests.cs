using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Tests.Support;

namespace LifePos.Tests.Fuzzing;

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

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'D', (byte)'8', (byte)'0', (byte)'0' })]
    public async Task ASignInTokenThatIsNoText_IsAnInvalidResponse(byte[] token)
    {
        using var client = ClientAnswering(200, [.. "{\"token\":\"ab"u8, .. token, .. "\"}"u8], signIn: true);

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.SignInAsync(RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("POST /auth/sign-in", error.Message);
    }

    [Fact]
    public async Task ASignInTokenLongerThanASecureStringHolds_IsAnInvalidResponse()
    {
        using var client = ClientAnswering(200, Encoding.UTF8.GetBytes("{\"token\":\"" + new string('t', 70_000) + "\"}"), signIn: true);

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.SignInAsync(RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("a sign-in answer with a token", error.Message);
    }

    [Fact]
    public async Task AnActivationTokenThatIsNoText_IsAnInvalidResponse()
    {
        using var client = ClientAnswering(200, Encoding.UTF8.GetBytes("{\"workplace\":{\"guid\":\"" + Wp + "\"},\"token\":\"\\uDC00\"}"));

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.ActivateWorkplaceAsync("12345678", RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("POST /v6/auth/activate-workplace", error.Message);
    }

    [Fact]
    public async Task AnActivationCodeThatIsNoText_IsAnInvalidResponse()
    {
        using var client = ClientAnswering(200, [.. "{\"activation_code\":\"12"u8, 0xFF, .. "34\"}"u8]);

        var error = await Assert.ThrowsAsync<LifePosApiException>(() =>
            client.GenerateActivationCodeAsync(Org, Wp, ValidAnswers.Employee, null, false, RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains(":generate-activation-code", error.Message);
    }

    [Fact]
    public async Task AnActivationAnswerWithANullWorkplace_IsAnInvalidResponse()
    {
        using var client = ClientAnswering(200, """{"workplace":null,"organization":null}"""u8.ToArray());

        var error = await Assert.ThrowsAsync<LifePosApiException>(() => client.ActivateWorkplaceAsync("12345678", RequestContext.None));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("an activation answer naming the workplace", error.Message);
    }

    [Theory]
    [InlineData("\\uD800")]
    [InlineData("\\uDC00x")]
    public void ARawListWhoseNextPageTokenIsNoText_IsAnInvalidResponse(string token)
    {
        using var client = ClientAnswering(200, Encoding.UTF8.GetBytes("{\"items\":[1],\"next_page_token\":\"" + token + "\"}"));

        var error = Assert.Throws<LifePosApiException>(() => client.SendRawAllPages("/orgs/" + Org + "/employees", RequestContext.None).ToList());

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("instead of a list page with a readable next_page_token", error.Message);
        Assert.Contains("GET /orgs/" + Org + "/employees", error.Message);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task ARefusedSignIn_NamesTheRequest(int status)
    {
        using var client = ClientAnswering(status, """{"code":"WrongUsernameOrPassword","message":"No."}"""u8.ToArray(), signIn: true);

        var error = await Assert.ThrowsAsync<LifePosAuthenticationException>(() => client.SignInAsync(RequestContext.None));

        Assert.Contains("refused the sign-in for 'owner@fuzz.example'", error.Message);
        Assert.EndsWith("(POST /auth/sign-in)", error.Message);
    }

    /// <summary>A client whose every request is answered with <paramref name="body"/> (no sockets: the fuzzer has those).</summary>
    private static LifePosClient ClientAnswering(int status, byte[] body, string contentType = "application/json", bool signIn = false) =>
        LifePosClient.Create(new LifePosClientOptions
        {
            BaseUri = new Uri("http://127.0.0.1:9/"),
            Token = signIn ? null : LiveEmulator.Secure("fuzz-token"),
            SignIn = signIn ? new CredentialSignIn("owner@fuzz.example", LiveEmulator.Secure("password1")) : null,
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
