using System.Net;
using System.Security;
using LifePos.Core;
using LifePos.Domain;
using Xunit;

namespace LifePos.Tests.Domain;

/// <summary>
/// Connect-LifePos's merge, row by row: a parameter, else its LIFEPOS_* variable (only with -FromEnvironment, written
/// here as "NAME=value;NAME=value"; null means no -FromEnvironment), else the default.
/// </summary>
public sealed class ConnectionSettingsTests
{
    private const string Emulator = "http://127.0.0.1:5080/";
    private const string OtherEmulator = "http://127.0.0.1:6000/";
    private const string FirstOrganization = "11111111-1111-4111-8111-111111111111";
    private const string SecondOrganization = "22222222-2222-4222-8222-222222222222";

    [Theory]
    [InlineData(null, null, null, LifePosEnvironment.Production, null)]
    [InlineData(null, "Test", null, LifePosEnvironment.Test, null)]
    [InlineData(null, "test", null, LifePosEnvironment.Test, null)]
    [InlineData(null, "PRODUCTION", null, LifePosEnvironment.Production, null)]
    [InlineData(null, "Production", null, LifePosEnvironment.Production, null)]
    [InlineData(Emulator, null, null, LifePosEnvironment.Custom, Emulator)]
    [InlineData(null, null, "LIFEPOS_TOKEN=t", LifePosEnvironment.Production, null)]
    [InlineData(null, null, "LIFEPOS_TOKEN=t;LIFEPOS_ENVIRONMENT=Test", LifePosEnvironment.Test, null)]
    [InlineData(null, "Production", "LIFEPOS_TOKEN=t;LIFEPOS_ENVIRONMENT=Test", LifePosEnvironment.Production, null)]
    [InlineData(null, null, "LIFEPOS_TOKEN=t;LIFEPOS_BASE_URI=" + OtherEmulator, LifePosEnvironment.Custom, OtherEmulator)]
    [InlineData(Emulator, null, "LIFEPOS_TOKEN=t;LIFEPOS_BASE_URI=" + OtherEmulator, LifePosEnvironment.Custom, Emulator)]
    [InlineData(null, "Test", "LIFEPOS_TOKEN=t;LIFEPOS_BASE_URI=" + OtherEmulator, LifePosEnvironment.Custom, OtherEmulator)]
    [InlineData(Emulator, "Test", "LIFEPOS_TOKEN=t;LIFEPOS_ENVIRONMENT=Production", LifePosEnvironment.Custom, Emulator)]
    public void Merge_AnAddressMakesTheEnvironmentCustom_ElseTheParameterThenTheVariableThenProduction(
        string? baseUri, string? environment, string? variables, LifePosEnvironment expected, string? expectedAddress)
    {
        var settings = ConnectionSettings.Merge(
            baseUri is null ? null : new Uri(baseUri), environment, Secure("t"), null, null, Guid.Empty, Variables(variables));

        Assert.Equal(expected, settings.Environment);
        Assert.Equal(expectedAddress is null ? LifePosClient.GetBaseUri(expected) : new Uri(expectedAddress), settings.BaseUri);
    }

    [Theory]
    [InlineData("param-token", null, null, "param-token", null, null)]
    [InlineData(null, "anna", null, null, "anna", "param-password")]
    [InlineData(null, null, "LIFEPOS_TOKEN=env-token", "env-token", null, null)]
    [InlineData(null, null, "LIFEPOS_LOGIN= boris ;LIFEPOS_PASSWORD=env-password", null, "boris", "env-password")]
    [InlineData(null, null, "LIFEPOS_TOKEN=env-token;LIFEPOS_LOGIN=boris;LIFEPOS_PASSWORD=env-password", "env-token", null, null)]
    public void Merge_SignsInWithTheTokenOrTheLoginGivenByParameterOrVariable(
        string? token, string? login, string? variables, string? expectedToken, string? expectedLogin, string? expectedPassword)
    {
        var settings = ConnectionSettings.Merge(
            null, null, token is null ? null : Secure(token), login, login is null ? null : Secure("param-password"), Guid.Empty, Variables(variables));

        Assert.Equal(expectedToken, Plain(settings.Token));
        Assert.Equal(expectedLogin, settings.Login);
        Assert.Equal(expectedPassword, Plain(settings.Password));
        Assert.Equal(expectedLogin, settings.SignIn?.Login);
        Assert.Equal(expectedPassword, Plain(settings.SignIn?.Password));
    }

    [Theory]
    [InlineData("tok-123\n", null, "tok-123")]
    [InlineData(" \ttok-123\r\n", null, "tok-123")]
    [InlineData(null, "LIFEPOS_TOKEN=tok-123\r\n", "tok-123")]
    public void Merge_TrimsWhitespaceAroundAToken_AsGetContentRawLeavesIt(string? token, string? variables, string expected)
    {
        var settings = ConnectionSettings.Merge(null, null, token is null ? null : Secure(token), null, null, Guid.Empty, Variables(variables));

        Assert.Equal(expected, Plain(settings.Token));
    }

    [Fact]
    public void Merge_TrimsALogin()
    {
        var settings = ConnectionSettings.Merge(null, null, null, " anna\n", Secure("p"), Guid.Empty, null);

        Assert.Equal("anna", settings.Login);
    }

    [Theory]
    [InlineData("Q9Z Q9Z", null, "-Token")]
    [InlineData("Q9Z\nQ9Z", null, "-Token")]
    [InlineData(" \n", null, "-Token")]
    [InlineData(null, "LIFEPOS_TOKEN=Q9Z Q9Z", "LIFEPOS_TOKEN")]
    public void Merge_RefusesATokenWithWhitespaceInside_NamingTheSourceNotTheValue(string? token, string? variables, string source)
    {
        var error = Assert.Throws<InvalidInputException>(
            () => ConnectionSettings.Merge(null, null, token is null ? null : Secure(token), null, null, Guid.Empty, Variables(variables)));

        Assert.Contains(source, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Q9Z", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(FirstOrganization, null, FirstOrganization)]
    [InlineData(null, "LIFEPOS_TOKEN=t;LIFEPOS_ORGANIZATION_ID=" + SecondOrganization, SecondOrganization)]
    [InlineData(FirstOrganization, "LIFEPOS_TOKEN=t;LIFEPOS_ORGANIZATION_ID=" + SecondOrganization, FirstOrganization)]
    [InlineData(null, "LIFEPOS_TOKEN=t", null)]
    public void Merge_TakesTheOrganizationFromTheParameterThenTheVariable_ElseLeavesTheChoiceOpen(string? organization, string? variables, string? expected)
    {
        var settings = ConnectionSettings.Merge(
            null, null, Secure("t"), null, null, organization is null ? Guid.Empty : Guid.Parse(organization), Variables(variables));

        Assert.Equal(expected is null ? Guid.Empty : Guid.Parse(expected), settings.OrganizationId);
    }

    private static EnvironmentSettings? Variables(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var values = text.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        return EnvironmentSettings.Read(name => values.TryGetValue(name, out var value) ? value : null);
    }

    private static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    private static string? Plain(SecureString? secure) => secure is null ? null : new NetworkCredential(string.Empty, secure).Password;
}
