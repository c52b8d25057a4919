using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Paging;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>
    /// Lists the organization's employees, streamed page by page, or gets employees by id. -Phone finds an employee by
    /// phone whatever its formatting. The PIN code hash is never part of the output.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LifePosEmployee", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Employee))]
    public sealed class GetLifePosEmployeeCommand : DirectoryGetCmdlet<Employee>
    {
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "EmployeeId", "employee_guid")]
        [GuidTransformation("employee")]
        public Guid[] Id { get; set; } = Array.Empty<Guid>();

        /// <summary>Phone numbers in any format: '+7 900 123-45-67', '89001234567' and '9001234567' are the same.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Phone { get; set; }

        internal override Guid[] Ids => Id;

        internal override string Noun => "employees";

        internal override Func<Employee, bool>? ExtraFilter => Phone is { } phones ? employee => phones.Any(phone => PhoneNumber.Same(phone, employee.Phone)) : null;

        internal override Pageable<Employee> List(LifePosClient client, Guid organizationId, DirectoryListQuery query) =>
            client.ListEmployees(organizationId, query, RequestContext);

        internal override Task<Employee> GetAsync(LifePosClient client, Guid organizationId, Guid id, RequestContext context) =>
            client.GetEmployeeAsync(organizationId, id, context);

        internal override string? NameOf(Employee item) => item.Name;

        internal override void Write(Employee item) => WriteEmployee(item);
    }
}
