using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Resources
{
    /// <summary><c>GET /orgs</c>: the organizations the token reaches.</summary>
    internal sealed class OrganizationsClient
    {
        private const string Path = "/orgs";

        private readonly ApiConnection _api;

        public OrganizationsClient(ApiConnection api)
        {
            _api = api;
        }

        public Task<List<Organization>> ListAsync(RequestContext context) =>
            new Pageable<Organization>(
                async (pageToken, cancellationToken) =>
                {
                    var request = new ApiRequest(HttpMethod.Get, Path + new ListQueryString().Add("page_token", pageToken), RetryMode.Repeatable);
                    var response = await _api.SendAsync(request, context.WithCancellation(cancellationToken)).ConfigureAwait(false);
                    var list = ResponseReader.Parse(request, response, LifePosJsonContext.Default.OrganizationListDto, "a list of organizations");
                    var items = new List<Organization>();
                    foreach (var item in list.Items ?? new List<OrganizationDto>())
                    {
                        items.Add(new Organization { Id = item.Guid, Name = item.Name });
                    }

                    return new Page<Organization>(items, list.NextPageToken, null, null);
                },
                Path,
                context.CancellationToken).ToListAsync();
    }
}
