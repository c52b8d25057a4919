using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace LifePos.Emulator.Tests.Support;

/// <summary>An emulator started in-process on 127.0.0.1:0 and a real HttpClient that sends the documented headers.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(EmulatorServer server)
    {
        Server = server;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = server.BaseAddress };
        Http.DefaultRequestHeaders.Add("X-LP-Client-Identifier", "3f1d2c4b-1111-4222-8333-444455556666");
        Http.DefaultRequestHeaders.Add("X-LP-Client-Type", "Service");
        Http.DefaultRequestHeaders.Add("Accept-Language", "ru-RU");
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
    }

    public EmulatorServer Server { get; }
    public HttpClient Http { get; }
    public Guid Org => Server.OrganizationId;
    public string Workplaces => $"orgs/{Org}/workplaces";

    public static async Task<EmulatorFixture> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:0" };
        configure?.Invoke(options);
        return new EmulatorFixture(await EmulatorServer.StartAsync(options));
    }

    /// <summary>An emulator with an account of <paramref name="role"/> (role@example.com), signed in as it.</summary>
    public static async Task<EmulatorFixture> StartSignedInAsAsync(string role)
    {
        var emulator = await StartAsync(o => o.Accounts.Add($"{role.ToLowerInvariant()}@example.com:password1:{role}"));
        var token = (await emulator.PostAsync("auth/sign-in", new { full_username = $"{role.ToLowerInvariant()}@example.com", password = "password1" }))
            .Json.GetProperty("token").GetString();
        emulator.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public Task<EmulatorAnswer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<EmulatorAnswer> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<EmulatorAnswer> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body, "application/json-patch+json");

    public Task<EmulatorAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<EmulatorAnswer> SendAsync(HttpMethod method, string path, object? body = null, string mediaType = "application/json",
        Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8, mediaType);
        }
        adjust?.Invoke(request);
        using var response = await Http.SendAsync(request);
        return await EmulatorAnswer.ReadAsync(response);
    }

    public async Task<EmulatorAnswer> CreateAsync(string type = "Stationary", string? name = null, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["workplace_type"] = type, ["name"] = name };
        if (extra is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject()) body[property.Name] = property.Value;
        var answer = await PostAsync(Workplaces, body);
        answer.ShouldBe(HttpStatusCode.OK);
        return answer;
    }

    /// <summary>Follows next_page_token to the end; returns every page.</summary>
    public async Task<List<EmulatorAnswer>> AllPagesAsync(string firstQuery)
    {
        var pages = new List<EmulatorAnswer>();
        var url = $"{Workplaces}?{firstQuery}";
        while (true)
        {
            var page = await GetAsync(url);
            page.ShouldBe(HttpStatusCode.OK);
            pages.Add(page);
            var next = page.Json.GetProperty("next_page_token").GetString();
            if (string.IsNullOrEmpty(next)) return pages;
            url = $"{Workplaces}?page_token={Uri.EscapeDataString(next)}";
        }
    }

    /// <summary>The employee the token signs in as (GET /orgs/{org}/me).</summary>
    public async Task<JsonElement> MeAsync()
    {
        var me = await GetAsync($"orgs/{Org}/me");
        me.ShouldBe(HttpStatusCode.OK);
        return me.Json;
    }

    /// <summary>The one employee whose name, username, phone, inn, e-mail or meta contains <paramref name="query"/>.</summary>
    public async Task<JsonElement> EmployeeAsync(string query)
    {
        var list = await GetAsync($"orgs/{Org}/employees?query={Uri.EscapeDataString(query)}");
        list.ShouldBe(HttpStatusCode.OK);
        return Xunit.Assert.Single(list.Json.GetProperty("items").EnumerateArray());
    }

    /// <summary>An activation-code request body for an employee; without one, for the token's own employee.</summary>
    public async Task<object> CodeRequestAsync(bool sendSms = false, string? employee = null, object? outlet = null) => new
    {
        employee = new { guid = employee ?? (await MeAsync()).GetProperty("guid").GetString(), type_of = "Employee" },
        send_sms = sendSms,
        outlet,
    };

    /// <summary>POSTs a request that will hang; once the emulator has it, the client times out. Returns how the send ended.</summary>
    public async Task<Exception> SendAndGiveUpAsync(string path, object body)
    {
        using var request = await ReceivedRequest.SendAsync(Http, path, body);
        request.TimeOutAfter(TimeSpan.FromMilliseconds(100));
        return await Xunit.Assert.ThrowsAnyAsync<Exception>(() => request.Answer);
    }

    public async Task<JsonElement> StatsAsync() => (await GetAsync("_emulator/stats")).Json;

    /// <summary>POST /_emulator/clock: moves the emulator's time forward, and freezes or restarts it when asked.</summary>
    public async Task<JsonElement> ClockAsync(double advanceSeconds = 0, bool? frozen = null)
    {
        var answer = await PostAsync("_emulator/clock", new { advance_seconds = advanceSeconds, frozen });
        answer.ShouldBe(HttpStatusCode.OK);
        return answer.Json;
    }

    /// <summary>PUT /_emulator/answers: changes the given answer choices ("" restores the defaults).</summary>
    public async Task<JsonElement> AnswersAsync(string answers)
    {
        var answer = await SendAsync(HttpMethod.Put, "_emulator/answers", new { answers });
        answer.ShouldBe(HttpStatusCode.OK);
        return answer.Json;
    }

    public async Task ControlAsync(string path, object? body = null, HttpMethod? method = null)
    {
        var answer = await SendAsync(method ?? HttpMethod.Post, "_emulator/" + path, body);
        answer.ShouldBe(HttpStatusCode.OK);
    }
}
