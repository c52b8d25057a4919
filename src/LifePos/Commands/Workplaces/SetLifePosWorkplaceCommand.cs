using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Completion;

namespace LifePos.Commands
{
    /// <summary>
    /// Changes workplaces with one JSON Patch each, holding only what differs from the workplace as the service has it
    /// now (read by id, or by one listing when more than a page's worth of rows come): a row that already matches sends
    /// nothing. -Extension merges by extension name; -RemoveExtension and -Clear empty fields.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LifePosWorkplace", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workplace))]
    public sealed class SetLifePosWorkplaceCommand : WorkplaceTargetCmdlet
    {
        private long _rowNumber;
        private WorkplaceReads? _reads;

        // These five mirror WorkplaceRowCmdlet's (WorkplaceRowReader reads both) but are declared here: Set's -Name has no
        // position (-Id has 0), and inherited parameters would be listed after -RemoveExtension and -Clear in Set's syntax.

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
            var bulk = Bulk(ThrottleLimit, "Updating LIFE POS workplaces", SetWork.Updated);
            _reads ??= new WorkplaceReads(Client, ActiveConnection.OrganizationId, RequestContext, Preferences.IsPlanWanted(ConfirmImpact.Medium), ThrottleLimit == 1);
            if (RejectedId(bulk, Id))
            {
                return;
            }

            WorkplaceChanges given;
            try
            {
                var reader = new WorkplaceRowReader(Name, WorkplaceType, Extension, Meta, MetaData, RemoveExtension, Clear);
                given = SetWork.Given(reader, InputObject ?? PipedWorkplace);
            }
            catch (InvalidInputException exception)
            {
                var target = TargetOf(InputObject ?? (object)Id);
                var message = RowValidation.Describe(_rowNumber, InputObject?.Name ?? Name) + ": " + exception.Message;
                _reads.Submit(() => bulk.SubmitInvalid(target, message), reads: false);
                return;
            }

            var work = new SetWork(Client, ActiveConnection.OrganizationId, given, PassThru, Messages, _reads);
            var plan = Preferences.IsPlanWanted(ConfirmImpact.Medium);
            foreach (var workplace in Targets())
            {
                // -WhatIf and -Confirm read it now to show old → new; else the worker does (a piped object may be stale).
                Workplace? current = null;
                if (plan && !TryRead(workplace, out current))
                {
                    continue;
                }

                var patch = work.Patch(current);
                if (current != null && patch is { IsEmpty: true })
                {
                    WriteVerbose(workplace.Label + " is unchanged: it already has the values given.");
                    bulk.SubmitDone(workplace.ErrorTarget, work.AlreadySet(current));
                }
                else if (Approves(workplace.Label, work.Describe(patch)))
                {
                    var journal = work.Journal(workplace, current, patch);
                    var id = workplace.Id;
                    var target = workplace.ErrorTarget;
                    _reads.Submit(() => bulk.Submit(target, context => work.RunAsync(id, current, patch, journal, context), journal), reads: current is null);
                }
                else
                {
                    bulk.Declined();
                }
            }
        }

        protected override void EndProcessing()
        {
            _reads?.Finish();
            base.EndProcessing();
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
    }
}
