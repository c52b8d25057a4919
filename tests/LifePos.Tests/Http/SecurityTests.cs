using System.Security;
using LifePos.Core;
using LifePos.Tests.Support;

namespace LifePos.Tests.Http;

public sealed class SecurityTests
{
    [Theory]
    [InlineData("http://api.life-pos.ru")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("ftp://127.0.0.1/")]
    public void PlainHttp_IsRefusedForAnythingButLoopback(string address)
    {
        var error = Assert.Throws<LifePosConfigurationException>(() =>
            LifePosClient.Create(new LifePosClientOptions { BaseUri = new Uri(address), Token = LiveEmulator.Secure("t") }));

        Assert.Contains("https", error.Message);
    }

    [Theory]
    [InlineData("https://api.life-pos.ru")]
    [InlineData("https://api-dev.life-pos.ru/")]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void Https_AndLoopbackHttp_AreAccepted(string address)
    {
        using var client = LifePosClient.Create(new LifePosClientOptions { BaseUri = new Uri(address) });

        Assert.Equal(new Uri(address), client.Options.BaseUri);
    }

    [Fact]
    public void Environments_MapToTheDocumentedHosts()
    {
        Assert.Equal(new Uri("https://api.life-pos.ru"), LifePosClient.GetBaseUri(LifePosEnvironment.Production));
        Assert.Equal(new Uri("https://api-dev.life-pos.ru"), LifePosClient.GetBaseUri(LifePosEnvironment.Test));
        Assert.Throws<LifePosConfigurationException>(() => LifePosClient.GetBaseUri(LifePosEnvironment.Custom));
    }

    [Fact]
    public async Task EveryRequest_CarriesTheClientHeadersAndARedactedAuthorization()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var identifier = Guid.NewGuid();
        using var client = emulator.CreateClient(o =>
        {
            o.ClientIdentifier = identifier;
            o.Language = "en-US";
        });
        var observer = new RecordingObserver();

        await client.GetOrganizationsAsync(new RequestContext(default, observer));

        var request = observer.Debug.First();
        Assert.Contains("X-LP-Client-Identifier: " + identifier, request);
        Assert.Contains("X-LP-Client-Type: Service", request);
        Assert.Contains("X-LP-Client-Name: LifePos", request);
        Assert.Contains("Accept-Language: en-US", request);
        Assert.Contains("Authorization: Bearer ***", request);
        Assert.DoesNotContain(emulator.Token, request);
    }

    [Fact]
    public async Task NoMessageLogOrToString_EverContainsATokenOrPassword()
    {
        const string password = "Pa55-secret-word";
        await using var emulator = await LiveEmulator.StartAsync(o =>
        {
            o.Seed = 3;
            o.Accounts.Add("+79991234567:" + password);
        });
        var observer = new RecordingObserver();
        var context = new RequestContext(default, observer);
        var texts = new List<string>();
        var secrets = new List<string> { emulator.Token, password };
        var org = emulator.OrganizationId;

        async Task Capture(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (Exception error)
            {
                texts.Add(error.ToString());
                texts.Add(error.Message);
            }
        }

        using (var client = emulator.CreateClient())
        {
            var connection = new LifePosConnection(client, LifePosEnvironment.Custom, org, "Org", null, "Token");
            texts.Add(connection.ToString());
            var workplace = client.ListWorkplaces(org, new WorkplaceListQuery(), context).First();
            await Capture(() => client.GetWorkplaceAsync(org, Guid.NewGuid(), context));
            await emulator.ForceNextAsync("get", "html");
            await Capture(() => client.GetWorkplaceAsync(org, workplace.Id, context));
            await emulator.ForceNextAsync("get", "500", "503", "drop-after");
            await Capture(() => client.GetWorkplaceAsync(org, workplace.Id, context));
            var code = await client.GenerateActivationCodeAsync(org, workplace.Id, await emulator.EmployeeAsync(), null, false, context);
            var activation = await client.ActivateWorkplaceAsync(code, context);
            secrets.Add(LiveEmulator.Reveal(activation.Token!));
            texts.Add(activation.ToString());
            await Capture(() => client.SendRawAsync("POST", "/v6/auth/activate-workplace", """{"activation_code":"00000000"}""", context));
            await emulator.RevokeTokensAsync();
            await Capture(() => client.GetOrganizationsAsync(context));
        }

        using (var client = emulator.CreateClient(o =>
        {
            o.Token = null;
            o.SignIn = new CredentialSignIn("+79991234567", LiveEmulator.Secure(password));
        }))
        {
            var token = await client.SignInAsync(context);
            secrets.Add(LiveEmulator.Reveal(token));
            texts.Add(new LifePosConnection(client, LifePosEnvironment.Custom, org, null, "+79991234567", "Credential").ToString());
            await emulator.RevokeTokensAsync();
            await client.GetOrganizationsAsync(context);
            await Capture(() => client.CreateWorkplaceAsync(org, new WorkplaceCreateRequest { Name = new string('x', 200) }, context));
        }

        using (var wrong = emulator.CreateClient(o =>
        {
            o.Token = null;
            o.SignIn = new CredentialSignIn("+79991234567", LiveEmulator.Secure(emulator.Token));
        }))
        {
            await Capture(() => wrong.SignInAsync(context));
        }

        texts.Add(observer.AllText());
        var everything = string.Join("\n", texts);
        Assert.Contains("HTTP request POST", everything);
        Assert.Contains("LIFE POS answered 404", everything);
        Assert.Contains("refused the token", everything);
        Assert.Contains("refused the sign-in", everything);
        Assert.Equal(4, secrets.Count);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything);
        }
    }

    [Fact]
    public void Options_DoNotKeepTheCallersTokenAndTheActivationTokenStaysReadOnly()
    {
        var token = new SecureString();
        foreach (var character in "abc")
        {
            token.AppendChar(character);
        }

        using var client = LifePosClient.Create(new LifePosClientOptions { BaseUri = new Uri("https://api.life-pos.ru"), Token = token });
        token.Dispose();

        Assert.True(client.HasToken);
        Assert.Null(client.Options.Token);
    }
}
