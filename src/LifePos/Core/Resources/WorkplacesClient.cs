using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;

namespace LifePos.Core.Resources
{
    /// <summary>The workplace endpoints: <c>/orgs/{org}/workplaces[/{id}[:action]]</c>.</summary>
    internal sealed class WorkplacesClient
    {
        private readonly ApiConnection _api;
        private readonly CreatedWorkplaceFinder _created;

        public WorkplacesClient(ApiConnection api)
        {
            _api = api;
            _created = new CreatedWorkplaceFinder(this);
        }

        public static string Path(Guid organizationId) => "/orgs/" + organizationId.ToString("D") + "/workplaces";

        public static string Path(Guid organizationId, Guid workplaceId) => Path(organizationId) + "/" + workplaceId.ToString("D");

        public Pageable<Workplace> List(Guid organizationId, WorkplaceListQuery query, RequestContext context)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var path = Path(organizationId);
            return new Pageable<Workplace>(
                ListPages.Fetcher(
                    _api, path, query, LifePosJsonContext.Default.WorkplaceDto, "workplace",
                    item => WorkplaceMapper.ToWorkplace(item, organizationId), context),
                ListPages.Described(path, query),
                workplace => Pageable<Workplace>.IdKey(workplace.Id),
                context.CancellationToken);
        }

        public async Task<Workplace> GetAsync(Guid organizationId, Guid workplaceId, RequestContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, Path(organizationId, workplaceId), RetryMode.Repeatable);
            return Read(request, await _api.SendAsync(request, context).ConfigureAwait(false), organizationId);
        }

        public async Task<Workplace> CreateAsync(Guid organizationId, WorkplaceCreateRequest body, RequestContext context)
        {
            if (body is null)
            {
                throw new ArgumentNullException(nameof(body));
            }

            var request = new ApiRequest(HttpMethod.Post, Path(organizationId), RetryMode.OnlyIfNotActed)
            {
                Body = RequestBodies.Create(body),
                ContentType = JsonMedia.Json,
                MayHaveHappened = "The workplace may have been created",
                CheckFirst = "look for it with Get-LifePosWorkplace before creating it again",
            };
            if (string.IsNullOrEmpty(body.Name))
            {
                request.MayHaveHappened = "The workplace may have been created (it has no name to look it up by)";
            }
            else
            {
                request.ResolveAmbiguous = _created.Resolver(organizationId, body.Name!);
            }

            var response = await _api.SendAsync(request, context).ConfigureAwait(false);
            var workplace = response.Resolved as Workplace ?? Read(request, response, organizationId);
            _created.Remember(workplace.Id);
            return workplace;
        }

        public async Task<Workplace> UpdateAsync(Guid organizationId, Guid workplaceId, IReadOnlyList<JsonPatchOperation> patch, RequestContext context)
        {
            if (patch is null || patch.Count == 0)
            {
                throw new ArgumentException("An update needs at least one patch operation.", nameof(patch));
            }

            var request = new ApiRequest(new HttpMethod("PATCH"), Path(organizationId, workplaceId), RetryMode.Repeatable)
            {
                Body = RequestBodies.Patch(patch),
                ContentType = JsonMedia.JsonPatch,
            };
            return Read(request, await _api.SendAsync(request, context).ConfigureAwait(false), organizationId);
        }

        /// <summary>Archives the workplace; null when the answer carries none (see <see cref="ActionAsync"/>).</summary>
        public Task<Workplace?> ArchiveAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            ActionAsync(organizationId, new ApiRequest(HttpMethod.Delete, Path(organizationId, workplaceId), RetryMode.Repeatable), context);

        public Task<Workplace?> UnarchiveAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            ActionAsync(organizationId, new ApiRequest(HttpMethod.Post, Path(organizationId, workplaceId) + ":unarchive", RetryMode.Repeatable), context);

        public Task<Workplace?> DeactivateAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            ActionAsync(organizationId, new ApiRequest(HttpMethod.Post, Path(organizationId, workplaceId) + ":deactivate", RetryMode.Repeatable), context);

        private static Workplace Read(ApiRequest request, ApiResponse response, Guid organizationId) =>
            ResponseReader.Map(
                request, response, ResponseReader.Parse(request, response, LifePosJsonContext.Default.WorkplaceDto, "a workplace"),
                wire => WorkplaceMapper.ToWorkplace(wire, organizationId), "a workplace");

        /// <summary>
        /// Archive, unarchive and deactivate: their answers are not published, so the workplace, an empty 200, a 204
        /// or <c>{}</c> all mean done; null when the answer carries no workplace.
        /// </summary>
        private async Task<Workplace?> ActionAsync(Guid organizationId, ApiRequest request, RequestContext context)
        {
            var response = await _api.SendAsync(request, context).ConfigureAwait(false);
            return ResponseReader.IsNothing(response) ? null : Read(request, response, organizationId);
        }
    }
}
