using System.Text;
using LifePos.Core.Http;

namespace LifePos.Tests.Http;

public sealed class ErrorBodyTests
{
    private static ErrorBody Parse(string? contentType, string body) => ErrorBody.Parse(contentType, Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("application/json", """{"code":"NotFound","message":"Workplace 6f9 was not found."}""", "NotFound", "Workplace 6f9 was not found.")]
    [InlineData("application/json", """{"error":"invalid_grant","error_description":"Login failed"}""", "invalid_grant", "Login failed")]
    [InlineData("application/json", """{"error":{"code":"TryLater","message":"Busy"}}""", "TryLater", "Busy")]
    [InlineData("application/json", """{"error_code":42,"description":"Numbers as codes"}""", "42", "Numbers as codes")]
    [InlineData("application/json", """{"type":"NoPermissions","detail":"Managers cannot"}""", "NoPermissions", "Managers cannot")]
    [InlineData("application/json", """[{"code":"BadRequest","message":"first of many"}]""", "BadRequest", "first of many")]
    [InlineData("application/json", """{"message":"only a message"}""", null, "only a message")]
    [InlineData("application/json", """{"error":"Something went badly wrong here"}""", null, "Something went badly wrong here")]
    public void ErrorBody_ReadsCodeAndMessageFromJsonOfAnyCommonShape(string contentType, string body, string? code, string message)
    {
        var parsed = Parse(contentType, body);

        Assert.Equal(code, parsed.Code);
        Assert.Equal(message, parsed.Message);
    }

    [Fact]
    public void ErrorBody_ReadsProblemJson()
    {
        var parsed = Parse(
            "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"Workplace x is gone"}""");

        Assert.Equal("problem+json", parsed.Kind);
        Assert.Null(parsed.Code);
        Assert.Equal("Workplace x is gone", parsed.Message);
    }

    [Fact]
    public void ErrorBody_SummarisesAProxyHtmlPageByItsTitle()
    {
        var page = "<!DOCTYPE html><html><head><title>502 Bad\n Gateway &amp; friends</title></head><body>" + new string('x', 100_000) + "</body></html>";

        var parsed = Parse("text/html", page);

        Assert.Equal("html", parsed.Kind);
        Assert.Null(parsed.Code);
        Assert.Contains("'502 Bad Gateway & friends'", parsed.Message);
        Assert.DoesNotContain("<", parsed.Message);
        Assert.True(parsed.Message!.Length < 200);
    }

    [Fact]
    public void ErrorBody_KeepsPlainTextShortOnOneLine()
    {
        var parsed = Parse("text/plain", "Service\r\n  temporarily   unavailable " + new string('!', 2000));

        Assert.Equal("text", parsed.Kind);
        Assert.StartsWith("Service temporarily unavailable !", parsed.Message);
        Assert.True(parsed.Message!.Length <= 501);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("application/json", "   \r\n")]
    public void ErrorBody_EmptyBodySaysNothing(string? contentType, string body)
    {
        var parsed = Parse(contentType, body);

        Assert.Equal("empty", parsed.Kind);
        Assert.Null(parsed.Code);
        Assert.Null(parsed.Message);
    }

    [Fact]
    public void ErrorBody_SalvagesWhatItCanFromTruncatedJson()
    {
        var withMessage = Parse("application/json", """{"code":"NotUnique","message":"Name taken","details":{"fi""");
        var cutInMessage = Parse("application/json", """{"code":"NotFound","message":"Workp""");

        Assert.Equal("truncated json", withMessage.Kind);
        Assert.Equal("NotUnique", withMessage.Code);
        Assert.Equal("Name taken", withMessage.Message);
        Assert.Equal("NotFound", cutInMessage.Code);
        Assert.Equal("a cut-off JSON body", cutInMessage.Message);
    }

    [Fact]
    public void ErrorBody_NeverRepeatsTokensOrPasswordsFromTheBody()
    {
        var json = Parse("application/json", """{"code":"BadRequest","message":"Bad {\"password\":\"hunter22\",\"token\":\"tok-123\"}"}""");
        var text = Parse("text/plain", "rejected Authorization: Bearer tok-456 for ?token=tok-789&page_token=keep");

        Assert.DoesNotContain("hunter22", json.Message);
        Assert.DoesNotContain("tok-123", json.Message);
        Assert.DoesNotContain("tok-456", text.Message);
        Assert.DoesNotContain("tok-789", text.Message);
        Assert.Contains("page_token=keep", text.Message);
    }

    [Fact]
    public void ErrorBody_NeverThrowsOnGarbage()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(0, 64)];
            random.NextBytes(bytes);
            if (bytes.Length > 0)
            {
                bytes[0] = (byte)"{[<\"x"[round % 5];
            }

            _ = ErrorBody.Parse(round % 2 == 0 ? "application/json" : null, bytes);
        }
    }
}
