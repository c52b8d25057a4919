using System;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;

namespace LifePos.Core.Resources
{
    /// <summary>
    /// A read-only directory of an organization, <c>/orgs/{org}/{resource}[/{id}]</c>: its pages and one item by id.
    /// Employees and outlets are two of them; a new directory is one more instance with its wire type and mapping.
    /// </summary>
    internal class DirectoryClient<TWire, T>
        where TWire : class
    {
        private readonly string _resource;
        private readonly string _noun;
        private readonly JsonTypeInfo<TWire> _itemType;
        private readonly Func<TWire, Guid, T> _map;
        private readonly Func<T, Guid> _idOf;
        private readonly string _one;

        /// <param name="resource">The path segment, e.g. "outlets".</param>
        /// <param name="noun">What one item is in a list's messages: "outlet".</param>
        /// <param name="one">What one item is, for messages: "an outlet".</param>
        public DirectoryClient(
            ApiConnection api, string resource, string noun, JsonTypeInfo<TWire> itemType, Func<TWire, Guid, T> map, Func<T, Guid> idOf, string one)
        {
            _idOf = idOf;
            Api = api;
            _resource = resource;
            _noun = noun;
            _itemType = itemType;
            _map = map;
            _one = one;
        }

        protected ApiConnection Api { get; }

        public string Path(Guid organizationId) => "/orgs/" + organizationId.ToString("D") + "/" + _resource;

        public Pageable<T> List(Guid organizationId, DirectoryListQuery query, RequestContext context) =>
            new Pageable<T>(
                ListPages.Fetcher(
                    Api, Path(organizationId), query ?? throw new ArgumentNullException(nameof(query)), _itemType,
                    _noun, item => _map(item, organizationId), context),
                ListPages.Described(Path(organizationId), query),
                item => Pageable<T>.IdKey(_idOf(item)),
                context.CancellationToken);

        public Task<T> GetAsync(Guid organizationId, Guid id, RequestContext context) =>
            ReadAsync(organizationId, Path(organizationId) + "/" + id.ToString("D"), context);

        protected async Task<T> ReadAsync(Guid organizationId, string path, RequestContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, path, RetryMode.Repeatable);
            var response = await Api.SendAsync(request, context).ConfigureAwait(false);
            return ResponseReader.Map(
                request, response, ResponseReader.Parse(request, response, _itemType, _one), wire => _map(wire, organizationId), _one);
        }
    }
}
