using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Completion;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>
    /// Changes workplaces with one JSON Patch each, holding only what differs from the workplace as it is: a row that
    /// already matches sends nothing. -Extension merges by extension name; -RemoveExtension and -Clear empty fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LifePosWorkplace", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workplace))]
    public sealed class SetLifePosWorkplaceCommand : WorkplaceTargetCmdlet
    {
        private const string Updated = "updated";
        private const string Unchanged = "unchanged";
        private long _rowNumber;

        /// <summary>The new name, at most 128 characters.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Type", "workplace_type")]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(WorkplaceTypeCompleter))]
        public string? WorkplaceType { get; set; }

        /// <summary>Extensions to add or replace, keyed by name: a hashtable, an object, or JSON text; null removes one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("extensions")]
        [AllowEmptyString]
        [AllowNull]
        public object? Extension { get; set; }

        /// <summary>Names of extensions to remove.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveExtension { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Meta { get; set; }

        /// <summary>Replaces the meta data: a hashtable, an object, or JSON text.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("meta_data")]
        [AllowEmptyString]
        [AllowNull]
        public object? MetaData { get; set; }

        /// <summary>Fields to empty: Name, Meta, MetaData, Extensions (a CSV column may list them, "Meta;MetaData").</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        [AllowNull]
        [ArgumentCompleter(typeof(ClearableFieldCompleter))]
        public string[]? Clear { get; set; }

        protected override void ProcessRecord()
        {
            _rowNumber++;
            var bulk = Bulk(ThrottleLimit, "Updating LIFE POS workplaces", Updated);
            if (RejectedId(bulk, Id))
            {
                return;
            }

            WorkplaceChanges given;
            try
            {
                given = GivenChanges();
                WorkplacePatchBuilder.Validate(given);
                if (given.IsEmpty && InputObject is null && PipedWorkplace is null)
                {
                    WorkplacePatchBuilder.Build(null, given);
                }
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(TargetOf(InputObject ?? (object)Id), RowValidation.Describe(_rowNumber, InputObject?.Name ?? Name) + ": " + exception.Message);
                return;
            }

            foreach (var workplace in Targets())
            {
                // A piped workplace binds its own Name, Meta, Extensions... by property name: what equals it is not sent.
                // Without one, -WhatIf and -Confirm read the workplace first so the plan shows old → new.
                var current = workplace.Current;
                if (current is null && IsPlanWanted(ConfirmImpact.Medium))
                {
                    if (!TryRead(workplace, out current))
                    {
                        continue;
                    }
                }

                if (current is null)
                {
                    UpdateAsRead(bulk, workplace, given);
                    continue;
                }

                var patch = WorkplacePatchBuilder.Build(current, given);
                if (patch.IsEmpty)
                {
                    WriteVerbose(workplace.Label + " is unchanged: it already has the values given.");
                    bulk.SubmitDone(workplace.ErrorTarget, new BulkOutcome(PassThru ? current : null, Unchanged));
                }
                else if (ShouldProcess(workplace.Label, "Update " + ChangeText.Describe(patch.Changes)))
                {
                    Submit(bulk, workplace, _ => Task.FromResult((current, patch)));
                }
                else
                {
                    bulk.Declined();
                }
            }
        }

        /// <summary>For the plan: the workplace as it is; a failure is this target's error, and the others go on.</summary>
        private bool TryRead(WorkplaceTarget workplace, out Workplace? current)
        {
            try
            {
                current = Wait(Client.GetWorkplaceAsync(ActiveConnection.OrganizationId, workplace.Id, RequestContext));
                return true;
            }
            catch (LifePosApiException exception)
            {
                FlushMessages();
                WriteFailure(exception, workplace.ErrorTarget);
                current = null;
                return false;
            }
        }

        /// <summary>Only the id is known: read the workplace in the worker, then send what differs (or nothing).</summary>
        private void UpdateAsRead(BulkRunner bulk, WorkplaceTarget workplace, WorkplaceChanges given)
        {
            if (!ShouldProcess(workplace.Label, "Update what differs of " + ChangeText.Values(WorkplacePatchBuilder.Build(null, given).Changes)))
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            Submit(bulk, workplace, async context =>
            {
                var current = await client.GetWorkplaceAsync(organization, workplace.Id, context).ConfigureAwait(false);
                return (current, WorkplacePatchBuilder.Build(current, given));
            });
        }

        private void Submit(BulkRunner bulk, WorkplaceTarget workplace, Func<RequestContext, Task<(Workplace Current, WorkplacePatch Patch)>> plan)
        {
            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            var passThru = PassThru.IsPresent;
            var journal = new JournalEntry("update") { WorkplaceId = workplace.Id, WorkplaceName = workplace.Current?.Name };
            bulk.Submit(workplace.ErrorTarget, async context =>
            {
                var (current, patch) = await plan(context).ConfigureAwait(false);
                if (patch.IsEmpty)
                {
                    Messages.Enqueue(PipelineMessageKind.Verbose, WorkplaceLabel.Of(current) + " is unchanged: it already has the values given.");
                    return new BulkOutcome(passThru ? current : null, Unchanged) { Unchanged = true };
                }

                journal.Changes = patch.Changes;
                var updated = await client.UpdateWorkplaceAsync(organization, workplace.Id, patch.Operations, context).ConfigureAwait(false);
                return new BulkOutcome(passThru ? updated : null, Updated) { Subject = updated };
            }, journal);
        }

        private WorkplaceChanges GivenChanges()
        {
            var given = new WorkplaceRowReader(Name, WorkplaceType, Extension, Meta, MetaData, RemoveExtension, Clear).Read(exactName: true);
            // A piped workplace binds its own Name, Meta... by property name: with -Clear those are not values given.
            return (InputObject ?? PipedWorkplace) is { } piped ? given.WithoutValuesClearedFrom(piped) : given;
        }
    }
}
