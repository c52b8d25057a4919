using System;
using System.Net.Http;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Resources
{
    /// <summary>The employees of an organization, and the signed-in one: <c>/orgs/{org}/employees[/{id}]</c>, <c>/orgs/{org}/me</c>.</summary>
    internal sealed class EmployeesClient
    {
        private readonly ApiConnection _api;

        public EmployeesClient(ApiConnection api)
        {
            _api = api;
        }

        public static string Path(Guid organizationId) => "/orgs/" + organizationId.ToString("D") + "/employees";

        public Pageable<Employee> List(Guid organizationId, DirectoryListQuery query, RequestContext context) =>
            new Pageable<Employee>(
                ListPages.Fetcher(
                    _api, Path(organizationId), query ?? throw new ArgumentNullException(nameof(query)), LifePosJsonContext.Default.ListDtoEmployeeDto,
                    "a list of employees", item => DirectoryMapper.ToEmployee(item, organizationId), context),
                ListPages.Described(Path(organizationId), query),
                context.CancellationToken);

        public Task<Employee> GetAsync(Guid organizationId, Guid employeeId, RequestContext context) =>
            ReadAsync(organizationId, Path(organizationId) + "/" + employeeId.ToString("D"), context);

        /// <summary>The employee the token or login belongs to, with its role.</summary>
        public Task<Employee> MeAsync(Guid organizationId, RequestContext context) =>
            ReadAsync(organizationId, "/orgs/" + organizationId.ToString("D") + "/me?include_permissions=false", context);

        private async Task<Employee> ReadAsync(Guid organizationId, string path, RequestContext context)
        {
            var request = new ApiRequest(HttpMethod.Get, path, RetryMode.Repeatable);
            var response = await _api.SendAsync(request, context).ConfigureAwait(false);
            return ResponseReader.Map(
                request, response, ResponseReader.Parse(request, response, LifePosJsonContext.Default.EmployeeDto, "an employee"),
                wire => DirectoryMapper.ToEmployee(wire, organizationId), "an employee");
        }
    }
}
