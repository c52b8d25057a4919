using System;
using System.Collections.Generic;
using System.Management.Automation;
using LifePos.Shell.Binding;
using LifePos.Shell.Completion;

namespace LifePos.Shell.Cmdlets
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

        /// <summary>One or more workplace ids (<c>-Id $a, $b</c>), or an id column of each pipeline row.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "WorkplaceId", "workplace_guid")]
        [GuidTransformation("workplace")]
        [ArgumentCompleter(typeof(WorkplaceIdCompleter))]
        public Guid[] Id { get; set; } = Array.Empty<Guid>();

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

        /// <summary>
        /// The workplaces this record names, each with what the pipeline handed in: the piped workplace object, or
        /// each id (with the piped workplace when the id is its own).
        /// </summary>
        internal IEnumerable<WorkplaceTarget> Targets()
        {
            if (InputObject != null)
            {
                yield return new WorkplaceTarget(InputObject.Id, InputObject, TargetOf(InputObject));
                yield break;
            }

            var piped = PipedWorkplace;
            foreach (var id in Id)
            {
                yield return new WorkplaceTarget(id, piped?.Id == id ? piped : null, Id.Length == 1 ? TargetOf(id) : id);
            }
        }
    }
}
