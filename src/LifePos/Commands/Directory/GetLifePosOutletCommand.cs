using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Core.Paging;

namespace LifePos.Commands
{
    /// <summary>Lists the organization's outlets (points of sale), streamed page by page, or gets outlets by id. Secrets (API keys) are masked.</summary>
    [Cmdlet(VerbsCommon.Get, "LifePosOutlet", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Outlet))]
    public sealed class GetLifePosOutletCommand : DirectoryGetCmdlet<Outlet>
    {
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "OutletId", "outlet_guid")]
        [GuidTransformation("outlet")]
        public Guid[] Id { get; set; } = Array.Empty<Guid>();

        internal override Guid[] Ids => Id;

        internal override string Noun => "outlets";

        internal override Pageable<Outlet> List(LifePosClient client, Guid organizationId, DirectoryListQuery query) =>
            client.ListOutlets(organizationId, query, RequestContext);

        internal override Task<Outlet> GetAsync(LifePosClient client, Guid organizationId, Guid id, RequestContext context) =>
            client.GetOutletAsync(organizationId, id, context);

        internal override string? NameOf(Outlet item) => item.Name;

        internal override void Write(Outlet item) => WriteOutlet(item);
    }
}
