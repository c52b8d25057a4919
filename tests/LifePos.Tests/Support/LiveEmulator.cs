using System.Net;
using System.Net.Http.Json;
using System.Security;
using System.Text.Json;
using LifePos.Core;
using LifePos.Emulator;

namespace LifePos.Tests.Support;

/// <summary>An in-process emulator on 127.0.0.1 with helpers for its control endpoints.</summary>
internal sealed class LiveEmulator : IAsyncDisposable
{
    private readonly HttpClient _control;

    private LiveEmulator(EmulatorServer server)
    {
        Server = server;
        _control = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public EmulatorServer Server { get; }

    public Uri BaseUri => Server.BaseAddress;

    public Guid OrganizationId => Server.OrganizationId;

    public string Token => Server.Token;

    public static async Task<LiveEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:0" };
        configure?.Invoke(options);
        return new LiveEmulator(await EmulatorServer.StartAsync(options));
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The text of a secret, for tests that check it never shows.</summary>
    public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

    /// <summary>A client with the emulator's token and quick retries, so fault tests stay fast.</summary>
    public LifePosClient CreateClient(Action<LifePosClientOptions>? configure = null)
    {
        var options = new LifePosClientOptions
        {
            BaseUri = BaseUri,
            Token = Secure(Token),
            MaxRetries = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return LifePosClient.Create(options);
    }

    /// <summary>Forces the listed faults, in order, onto the next requests to one endpoint (e.g. "create").</summary>
    public Task ForceNextAsync(string endpoint, params string[] faults) =>
        PutFaultsAsync(new Dictionary<string, object> { ["next"] = faults, ["next_endpoint"] = endpoint });

    public async Task PutFaultsAsync(object body)
    {
        using var response = await _control.PutAsJsonAsync("_emulator/faults", body);
        response.EnsureSuccessStatusCode();
    }

    public async Task RevokeTokensAsync()
    {
        using var response = await _control.PostAsync("_emulator/revoke-tokens", null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> StatsAsync()
    {
        using var response = await _control.GetAsync("_emulator/stats");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Requests the emulator received for one endpoint ("list", "create", ...), faulted ones included.</summary>
    public async Task<int> RequestsAsync(string endpoint)
    {
        var stats = await StatsAsync();
        return stats.GetProperty("requests").TryGetProperty(endpoint, out var counts) ? counts.GetProperty("total").GetInt32() : 0;
    }

    /// <summary>An employee of the default organization: one with a phone (seeded with --employees), or the token's own.</summary>
    public async Task<Guid> EmployeeAsync(bool withPhone = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, withPhone ? $"orgs/{OrganizationId}/employees?items_per_page=100" : $"orgs/{OrganizationId}/me");
        request.Headers.Add("X-LP-Client-Identifier", Guid.NewGuid().ToString());
        request.Headers.Add("X-LP-Client-Type", "Service");
        request.Headers.Add("Accept-Language", "ru-RU");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var response = await _control.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        if (!withPhone)
        {
            return root.GetProperty("guid").GetGuid();
        }

        return root.GetProperty("items").EnumerateArray()
            .First(item => item.GetProperty("phone").ValueKind == JsonValueKind.String)
            .GetProperty("guid").GetGuid();
    }

    /// <summary>An outlet of the default organization (seeded with --outlets).</summary>
    public async Task<Guid> OutletAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"orgs/{OrganizationId}/outlets");
        request.Headers.Add("X-LP-Client-Identifier", Guid.NewGuid().ToString());
        request.Headers.Add("X-LP-Client-Type", "Service");
        request.Headers.Add("Accept-Language", "ru-RU");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var response = await _control.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("items")[0].GetProperty("guid").GetGuid();
    }

    public async Task<int> AliveAsync() => (await StatsAsync()).GetProperty("workplaces").GetProperty("alive").GetInt32();

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await Server.DisposeAsync();
    }
}
