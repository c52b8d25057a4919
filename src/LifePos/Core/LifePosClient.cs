using System;
using System.Collections.Generic;
using System.Security;
using System.Text.Json;
using System.Threading.Tasks;

namespace LifePos.Core
{
    /// <summary>
    /// The LIFE POS API v6 client: one reused HttpClient per connection, retries, paging and error mapping.
    /// Thread-safe; every call takes a <see cref="RequestContext"/> as its last parameter.
    /// </summary>
    public sealed partial class LifePosClient : IDisposable
    {
        public const string ProductionUri = "https://api.life-pos.ru";
        public const string TestUri = "https://api-dev.life-pos.ru";

        /// <summary>The settings the client was created with (a copy).</summary>
        public LifePosClientOptions Options { get; private set; } = null!;

        /// <summary>Retries made by this client so far (all contexts).</summary>
        public long RetryCount => throw new NotImplementedException();

        /// <summary>True when the client holds a token (given, or from signing in).</summary>
        public bool HasToken => throw new NotImplementedException();

        public static Uri GetBaseUri(LifePosEnvironment environment) => environment switch
        {
            LifePosEnvironment.Production => new Uri(ProductionUri),
            LifePosEnvironment.Test => new Uri(TestUri),
            _ => throw new LifePosConfigurationException("A custom environment needs an explicit base address."),
        };

        /// <summary>Validates the options (https unless loopback, limits) and creates the client.</summary>
        public static LifePosClient Create(LifePosClientOptions options) => throw new NotImplementedException();

        /// <summary>Signs in with <see cref="LifePosClientOptions.SignIn"/>, keeps the new token, and returns a copy of it.</summary>
        public Task<SecureString> SignInAsync(RequestContext context) => throw new NotImplementedException();

        public Task<IReadOnlyList<Organization>> GetOrganizationsAsync(RequestContext context) => throw new NotImplementedException();

        public WorkplacePager ListWorkplaces(Guid organizationId, WorkplaceListQuery query, RequestContext context) =>
            throw new NotImplementedException();

        public Task<Workplace> GetWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            throw new NotImplementedException();

        public Task<Workplace> CreateWorkplaceAsync(Guid organizationId, WorkplaceCreateRequest body, RequestContext context) =>
            throw new NotImplementedException();

        public Task<Workplace> UpdateWorkplaceAsync(
            Guid organizationId, Guid workplaceId, IReadOnlyList<JsonPatchOperation> patch, RequestContext context) =>
            throw new NotImplementedException();

        /// <summary>Archives the workplace; null when the server answers with an empty body.</summary>
        public Task<Workplace?> ArchiveWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            throw new NotImplementedException();

        public Task<Workplace> UnarchiveWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            throw new NotImplementedException();

        public Task<Workplace> DeactivateWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            throw new NotImplementedException();

        public Task<string> GenerateActivationCodeAsync(
            Guid organizationId, Guid workplaceId, Guid employeeId, Guid? outletId, bool sendSms, RequestContext context) =>
            throw new NotImplementedException();

        public Task<WorkplaceActivation> ActivateWorkplaceAsync(string activationCode, RequestContext context) =>
            throw new NotImplementedException();

        /// <summary>
        /// Sends any request to the service (path relative to the base address, e.g. <c>/orgs</c>); returns the
        /// answer's JSON, or null for an empty body.
        /// </summary>
        public Task<JsonElement?> SendRawAsync(string method, string pathAndQuery, string? jsonBody, RequestContext context) =>
            throw new NotImplementedException();

        /// <summary>GETs a list path and yields the <c>items</c> of every page, following <c>next_page_token</c>.</summary>
        public IEnumerable<JsonElement> SendRawAllPages(string pathAndQuery, RequestContext context) =>
            throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }
}
