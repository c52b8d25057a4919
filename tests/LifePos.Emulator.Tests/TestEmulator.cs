using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace LifePos.Emulator.Tests;

/// <summary>An emulator started in-process on 127.0.0.1:0 and a real HttpClient that sends the documented headers.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(EmulatorServer server)
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

    public static async Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Urls = "http://127.0.0.1:0" };
        configure?.Invoke(options);
        return new TestEmulator(await EmulatorServer.StartAsync(options));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Answer> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<Answer> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body, "application/json-patch+json");

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body = null, string mediaType = "application/json",
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
        return await Answer.ReadAsync(response);
    }

    public async Task<Answer> CreateAsync(string type = "Stationary", string? name = null, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["workplace_type"] = type, ["name"] = name };
        if (extra is not null)
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject()) body[property.Name] = property.Value;
        var answer = await PostAsync(Workplaces, body);
        answer.ShouldBe(HttpStatusCode.OK);
        return answer;
    }

    /// <summary>Follows next_page_token to the end; returns every page.</summary>
    public async Task<List<Answer>> AllPagesAsync(string firstQuery)
    {
        var pages = new List<Answer>();
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

internal sealed record Answer(HttpStatusCode Status, string Body, string? ContentType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string? Code => Json.GetProperty("code").GetString();
    public string Guid => Json.GetProperty("guid").GetString()!;

    public static async Task<Answer> ReadAsync(HttpResponseMessage response) =>
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
