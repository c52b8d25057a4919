using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Completion;

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
        private long _rowNumber;

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
            if (RejectedId(bulk, Id))
            {
                return;
            }

            WorkplaceChanges given;
            try
            {
                given = Given();
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(TargetOf(InputObject ?? (object)Id), RowValidation.Describe(_rowNumber, InputObject?.Name ?? Name) + ": " + exception.Message);
                return;
            }

            var work = new SetWork(Client, ActiveConnection.OrganizationId, given, PassThru, Messages);
            foreach (var workplace in Targets())
            {
                // A piped workplace binds its own Name, Meta, Extensions... by property name: what equals it is not sent.
                // Without one, -WhatIf and -Confirm read the workplace first so the plan shows old → new.
                var current = workplace.Current;
                if (current is null && Preferences.IsPlanWanted(ConfirmImpact.Medium) && !TryRead(workplace, out current))
                {
                    continue;
                }

                var patch = work.Patch(current);
                if (current != null && patch is { IsEmpty: true })
                {
                    WriteVerbose(workplace.Label + " is unchanged: it already has the values given.");
                    bulk.SubmitDone(workplace.ErrorTarget, work.AlreadySet(current));
                }
                else if (ShouldProcess(workplace.Label, work.Describe(patch)))
                {
                    var journal = work.Journal(workplace, current, patch);
                    bulk.Submit(workplace.ErrorTarget, context => work.RunAsync(workplace.Id, current, patch, journal, context), journal);
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

        /// <summary>What the row gives, checked before anything is read or sent.</summary>
        private WorkplaceChanges Given()
        {
            var given = new WorkplaceRowReader(Name, WorkplaceType, Extension, Meta, MetaData, RemoveExtension, Clear).Read(exactName: true);
            // A piped workplace binds its own Name, Meta... by property name: with -Clear those are not values given.
            given = (InputObject ?? PipedWorkplace) is { } piped ? given.WithoutValuesClearedFrom(piped) : given;
            WorkplacePatchBuilder.Validate(given);
            if (given.IsEmpty && InputObject is null && PipedWorkplace is null)
            {
                // Refuses with "nothing to change" and the parameters that change something.
                WorkplacePatchBuilder.Build(null, given);
            }

            return given;
        }
    }
}
