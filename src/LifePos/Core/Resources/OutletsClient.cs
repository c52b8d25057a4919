using System;
using System.Net.Http;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Resources
{
    /// <summary>The outlets (points of sale) of an organization: <c>/orgs/{org}/outlets[/{id}]</c>.</summary>
    internal sealed class OutletsClient
    {
        private readonly ApiConnection _api;

        public OutletsClient(ApiConnection api)
        {
            _api = api;
        }

        public static string Path(Guid organizationId) => "/orgs/" + organizationId.ToString("D") + "/outlets";

        public Pageable<Outlet> List(Guid organizationId, DirectoryListQuery query, RequestContext context) =>
            new Pageable<Outlet>(
                ListPages.Fetcher(
                    _api, Path(organizationId), query ?? throw new ArgumentNullException(nameof(query)), LifePosJsonContext.Default.ListDtoOutletDto,
                    "a list of outlets", item => DirectoryMapper.ToOutlet(item, organizationId), context),
                ListPages.Described(Path(organizationId), query),
                context.CancellationToken);

        public async Task<Outlet> GetAsync(Guid organizationId, Guid outletId, RequestContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, Path(organizationId) + "/" + outletId.ToString("D"), RetryMode.Repeatable);
            var response = await _api.SendAsync(request, context).ConfigureAwait(false);
            return ResponseReader.Map(
                request, response, ResponseReader.Parse(request, response, LifePosJsonContext.Default.OutletDto, "an outlet"),
                wire => DirectoryMapper.ToOutlet(wire, organizationId), "an outlet");
        }
    }
}
