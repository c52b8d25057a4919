using System;
using System.Collections.Generic;
using System.Security;
using System.Text.Json;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;
using LifePos.Core.Resources;

namespace LifePos.Core
{
    /// <summary>
    /// The LIFE POS API v6 client: a façade over one <see cref="ApiConnection"/> (token, retries, transport) and one
    /// small client per resource. Thread-safe; every call takes a <see cref="RequestContext"/> as its last parameter.
    /// </summary>
    public sealed class LifePosClient : IDisposable
    {
        public const string ProductionUri = "https://api.life-pos.ru";
        public const string TestUri = "https://api-dev.life-pos.ru";

        private readonly ApiConnection _api;
        private readonly OrganizationsClient _organizations;
        private readonly WorkplacesClient _workplaces;
        private readonly ActivationClient _activation;
        private readonly EmployeesClient _employees;
        private readonly DirectoryClient<OutletDto, Outlet> _outlets;
        private readonly RawClient _raw;

        private LifePosClient(ApiConnection api)
        {
            _api = api;
            _organizations = new OrganizationsClient(api);
            _workplaces = new WorkplacesClient(api);
            _activation = new ActivationClient(api);
            _employees = new EmployeesClient(api);
            _outlets = new DirectoryClient<OutletDto, Outlet>(
                api, "outlets", "outlet", LifePosJsonContext.Default.OutletDto, DirectoryMapper.ToOutlet, outlet => outlet.Id, "an outlet");
            _raw = new RawClient(api);
        }

        /// <summary>A copy of the settings the client was created with (without the token); changing it changes nothing.</summary>
        public LifePosClientOptions Options => _api.Settings.Clone();

        /// <summary>Retries made by this client so far (all contexts).</summary>
        public long RetryCount => _api.RetryCount;

        /// <summary>True when the client holds a token (given, or from signing in).</summary>
        public bool HasToken => _api.Tokens.HasToken;

        /// <summary>True once the client was disposed: every call then fails with a configuration error.</summary>
        public bool IsClosed => _api.IsClosed;

        /// <summary>
        /// A new command begins on this client. After an outage stopped the last run, its first request checks at
        /// once whether LIFE POS answers again (rather than failing until -OutageTimeout has passed once more).
        /// </summary>
        public void BeginCommand() => _api.NewCommand();

        public static Uri GetBaseUri(LifePosEnvironment environment) => environment switch
        {
            LifePosEnvironment.Production => new Uri(ProductionUri),
            LifePosEnvironment.Test => new Uri(TestUri),
            _ => throw new LifePosConfigurationException("A custom environment needs an explicit base address (-BaseUri)."),
        };

        /// <summary>Validates the options (https unless loopback, limits) and creates the client.</summary>
        public static LifePosClient Create(LifePosClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var settings = OptionsValidator.Validate(options);
            AuthClient? auth = null;
            var signIn = settings.SignIn;
            var tokens = new TokenSession(options.Token, signIn is null ? null : context => auth!.SignInAsync(signIn, context));
            var api = new ApiConnection(settings, tokens, settings.Clock ?? SystemClock.Instance);
            auth = new AuthClient(api);
            return new LifePosClient(api);
        }

        /// <summary>Signs in with <see cref="LifePosClientOptions.SignIn"/>, keeps the new token, and returns a copy of it.</summary>
        public Task<SecureString> SignInAsync(RequestContext context) => _api.Tokens.SignInAsync(context);

        public async Task<IReadOnlyList<Organization>> GetOrganizationsAsync(RequestContext context) =>
            await _organizations.ListAsync(context).ConfigureAwait(false);

        public Pageable<Workplace> ListWorkplaces(Guid organizationId, WorkplaceListQuery query, RequestContext context) =>
            _workplaces.List(organizationId, query, context);

        public Task<Workplace> GetWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            _workplaces.GetAsync(organizationId, workplaceId, context);

        public Task<Workplace> CreateWorkplaceAsync(Guid organizationId, WorkplaceCreateRequest body, RequestContext context) =>
            _workplaces.CreateAsync(organizationId, body, context);

        public Task<Workplace> UpdateWorkplaceAsync(
            Guid organizationId, Guid workplaceId, IReadOnlyList<JsonPatchOperation> patch, RequestContext context) =>
            _workplaces.UpdateAsync(organizationId, workplaceId, patch, context);

        /// <summary>Archives the workplace; null when the answer carries no workplace (an empty 200, a 204 or <c>{}</c>).</summary>
        public Task<Workplace?> ArchiveWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            _workplaces.ArchiveAsync(organizationId, workplaceId, context);

        /// <summary>Takes the workplace out of the archive; null when the answer carries no workplace.</summary>
        public Task<Workplace?> UnarchiveWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            _workplaces.UnarchiveAsync(organizationId, workplaceId, context);

        /// <summary>Deactivates the workplace; null when the answer carries no workplace.</summary>
        public Task<Workplace?> DeactivateWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            _workplaces.DeactivateAsync(organizationId, workplaceId, context);

        public Pageable<Employee> ListEmployees(Guid organizationId, DirectoryListQuery query, RequestContext context) =>
            _employees.List(organizationId, query, context);

        public Task<Employee> GetEmployeeAsync(Guid organizationId, Guid employeeId, RequestContext context) =>
            _employees.GetAsync(organizationId, employeeId, context);

        /// <summary>The employee the token or login belongs to (<c>/me</c>), with its role.</summary>
        public Task<Employee> GetCurrentEmployeeAsync(Guid organizationId, RequestContext context) => _employees.MeAsync(organizationId, context);

        public Pageable<Outlet> ListOutlets(Guid organizationId, DirectoryListQuery query, RequestContext context) =>
            _outlets.List(organizationId, query, context);

        public Task<Outlet> GetOutletAsync(Guid organizationId, Guid outletId, RequestContext context) =>
            _outlets.GetAsync(organizationId, outletId, context);

        public Task<string> GenerateActivationCodeAsync(
            Guid organizationId, Guid workplaceId, Guid employeeId, Guid? outletId, bool sendSms, RequestContext context) =>
            _activation.GenerateCodeAsync(organizationId, workplaceId, employeeId, outletId, sendSms, context);

        public Task<WorkplaceActivation> ActivateWorkplaceAsync(string activationCode, RequestContext context) =>
            _activation.ActivateAsync(activationCode, context);

        /// <summary>
        /// Sends any request to the service (path relative to the base address, e.g. <c>/orgs</c>); returns the
        /// answer's JSON, or null for an empty body. GET, PUT, PATCH, DELETE, <c>:unarchive</c> and
        /// <c>:deactivate</c> are retried on every transient failure; other POSTs only when the server certainly did not act.
        /// </summary>
        public Task<JsonElement?> SendRawAsync(string method, string pathAndQuery, string? jsonBody, RequestContext context) =>
            _raw.SendAsync(method, pathAndQuery, jsonBody, context);

        /// <summary>GETs a list path and yields the <c>items</c> of every page, following <c>next_page_token</c>.</summary>
        public IEnumerable<JsonElement> SendRawAllPages(string pathAndQuery, RequestContext context) => _raw.AllPages(pathAndQuery, context);

        public void Dispose() => _api.Dispose();
    }
}
