using System;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Resources
{
    /// <summary>The employees of an organization, and the signed-in one: <c>/orgs/{org}/employees[/{id}]</c>, <c>/orgs/{org}/me</c>.</summary>
    internal sealed class EmployeesClient : DirectoryClient<EmployeeDto, Employee>
    {
        public EmployeesClient(ApiConnection api)
            : base(api, "employees", "employee", LifePosJsonContext.Default.EmployeeDto, DirectoryMapper.ToEmployee, employee => employee.Id, "an employee")
        {
        }

        /// <summary>The employee the token or login belongs to, with its role.</summary>
        public Task<Employee> MeAsync(Guid organizationId, RequestContext context) =>
            ReadAsync(organizationId, "/orgs/" + organizationId.ToString("D") + "/me?include_permissions=false", context);
    }
}
