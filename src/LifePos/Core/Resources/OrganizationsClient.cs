using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;

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

        public Task<System.Collections.Generic.List<Organization>> ListAsync(RequestContext context) =>
            new Pageable<Organization>(
                ListPages.Fetcher(
                    _api, Path, null, LifePosJsonContext.Default.OrganizationDto, "organization",
                    item => new Organization { Id = item.Guid, Name = item.Name }, context),
                Path,
                organization => Pageable<Organization>.IdKey(organization.Id),
                context.CancellationToken).ToListAsync();
    }
}
