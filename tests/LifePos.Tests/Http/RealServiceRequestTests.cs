using System.Net;
using System.Net.Http;
using System.Text;
using LifePos.Core;
using LifePos.Core.Http;
using LifePos.Domain;
using Xunit;

namespace LifePos.Tests.Http;

/// <summary>
/// What every request asks of the real service: the full presentation on a GET, the extensions it understands and
/// writes, and no secret in an address.
/// </summary>
public sealed class RealServiceRequestTests
{
    [Theory]
    [InlineData("/orgs", "/orgs?presentation=full")]
    [InlineData("/orgs/x/workplaces?items_per_page=100", "/orgs/x/workplaces?items_per_page=100&presentation=full")]
    [InlineData("/orgs/x/me?include_permissions=false", "/orgs/x/me?include_permissions=false&presentation=full")]
    [InlineData("/orgs/x/workplaces?", "/orgs/x/workplaces?presentation=full")]
    [InlineData("/orgs/x/workplaces?presentation=compact", "/orgs/x/workplaces?presentation=compact")]
    [InlineData("/orgs/x/workplaces?query=a&Presentation=full", "/orgs/x/workplaces?query=a&Presentation=full")]
    [InlineData("/orgs/x/workplaces?query=presentation", "/orgs/x/workplaces?query=presentation&presentation=full")]
    public void AGet_AsksForTheFullPresentation_UnlessItsQueryChoseOne(string given, string sent)
    {
        Assert.Equal(sent, new ApiRequest(HttpMethod.Get, given, RetryMode.Repeatable).PathAndQuery);
        Assert.Equal(given, new ApiRequest(HttpMethod.Post, given, RetryMode.OnlyIfNotActed).PathAndQuery);
    }

    [Fact]
    public void TheExtensionsHeader_NamesTheKnownOnes_TheAddedOnes_AndWhatTheBodyWrites()
    {
        var extensions = new ClientExtensions(new[] { "loyalty_x", " smart_pos ", "bad,name" });
        var plain = extensions.For(null).Split(',');
        Assert.Equal(ClientExtensions.Known.Concat(new[] { "loyalty_x" }), plain);

        var create = Encoding.UTF8.GetBytes("{\"workplace_type\":\"Mobile\",\"extensions\":{\"brand_new\":{},\"nadex_soft_pos\":{}}}");
        Assert.Equal(plain.Concat(new[] { "brand_new" }), extensions.For(create).Split(','));

        var patch = Encoding.UTF8.GetBytes(
            "[{\"op\":\"add\",\"path\":\"/extensions/a~1b/version\",\"value\":\"1\"},{\"op\":\"remove\",\"path\":\"/extensions/gone\"}," +
            "{\"op\":\"replace\",\"path\":\"/extensions\",\"value\":{\"whole\":{}}},{\"op\":\"replace\",\"path\":\"/meta\",\"value\":\"x\"}]");
        Assert.Equal(new[] { "a/b", "gone", "whole" }, ClientExtensions.Written(patch));
        Assert.Empty(ClientExtensions.Written(Encoding.UTF8.GetBytes("not json")));
        Assert.Empty(ClientExtensions.Written(Encoding.UTF8.GetBytes("{\"activation_code\":\"1\"}")));
    }

    [Fact]
    public void AProxyAddress_GivesItsLoginToTheCredentials_AndShowsItMasked()
    {
        var proxy = new Uri("http://user%40corp:p%3Ass@proxy.example:3128/");
        var settings = OptionsValidator.Validate(new LifePosClientOptions { BaseUri = new Uri("https://api.example"), Proxy = proxy });
        Assert.Equal(new Uri("http://proxy.example:3128/"), settings.Proxy);
        var credential = Assert.IsType<NetworkCredential>(settings.ProxyCredential);
        Assert.Equal(("user@corp", "p:ss"), (credential.UserName, credential.Password));
        Assert.Equal("http://***@proxy.example:3128/", UriCredentials.Masked(proxy));

        var both = Assert.Throws<LifePosConfigurationException>(() => OptionsValidator.Validate(new LifePosClientOptions
        {
            BaseUri = new Uri("https://api.example"), Proxy = proxy, ProxyCredential = new NetworkCredential("u", "p"),
        }));
        Assert.DoesNotContain("p%3Ass", both.Message, StringComparison.Ordinal);
        Assert.Contains("give them once", both.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABaseAddressWithALogin_IsRefused_WithoutShowingIt()
    {
        var refused = Assert.Throws<LifePosConfigurationException>(() =>
            OptionsValidator.Validate(new LifePosClientOptions { BaseUri = new Uri("https://admin:Hunter22@api.example/") }));
        Assert.DoesNotContain("Hunter22", refused.Message, StringComparison.Ordinal);
        Assert.Contains("https://***@api.example/", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"activation_code\":\"94518117\"}", "{\"activation_code\":\"***\"}")]
    [InlineData("{\"workplace\":{},\"pin_code_hash\":\"0123456789abcdef0123456789abcdef\"}", "{\"workplace\":{},\"pin_code_hash\":\"***\"}")]
    [InlineData("{\"api_key\":\"k\",\"code\":\"NotFound\"}", "{\"api_key\":\"***\",\"code\":\"NotFound\"}")]
    [InlineData("{\"confirmation_code\":1234}", "{\"confirmation_code\":\"***\"}")]
    public void DebugBodies_AreRedactedByFieldName(string body, string logged) => Assert.Equal(logged, SecretRedactor.Redact(body));

    [Fact]
    public void ACompactListedWorkplace_LeavesMetaAndExtensionsAlone_InSync()
    {
        var compact = new Workplace { Id = Guid.NewGuid(), Number = 7, Name = "Compact", WorkplaceType = WorkplaceType.Mobile, FieldsUnknown = true };
        var row = new SyncRow
        {
            Id = compact.Id,
            RowNumber = 1,
            Changes = new WorkplaceChanges
            {
                Meta = "new", Extensions = new Dictionary<string, object?> { ["smart_pos"] = new Dictionary<string, object?>() }, Clear = new[] { "MetaData" },
            },
        };
        var step = new SyncPlanner(new[] { compact }, includeArchived: false).Plan(row);
        Assert.Equal(WorkplaceChangeAction.Unchanged, step.Action);
        Assert.True(step.Patch.IsEmpty);
    }
}
