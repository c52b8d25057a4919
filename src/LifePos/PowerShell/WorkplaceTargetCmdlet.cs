using System;
using System.Management.Automation;
using LifePos.Core;

namespace LifePos.PowerShell
{
    /// <summary>
    /// What every cmdlet that acts on existing workplaces takes: a workplace by -Id (by property name, so
    /// <c>Get-LifePosWorkplace | Restore-LifePosWorkplace</c> and CSV rows with an id column work) or -InputObject,
    /// -PassThru and -ThrottleLimit.
    /// </summary>
    public abstract class WorkplaceTargetCmdlet : LifePosApiCmdlet
    {
        public const string IdSet = "Id";
        public const string InputObjectSet = "InputObject";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "WorkplaceId", "workplace_guid")]
        [GuidTransformation("workplace")]
        [ArgumentCompleter(typeof(WorkplaceIdCompleter))]
        public Guid Id { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Workplace? InputObject { get; set; }

        /// <summary>Emits the workplace as the server returned it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Requests in flight at once (1 = one after the other).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;
    }
}
