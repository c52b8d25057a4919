using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Core.Paging;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>
    /// Makes the service match the input: each row (CSV, objects, or exported workplaces) is matched to a workplace by
    /// Id, else Number, else name, and created, updated or (with -IncludeArchived) restored as needed; -ArchiveUnlisted
    /// archives the alive workplaces no row names. -WhatIf prints the plan, field by field, and sends no write.
    /// </summary>
    [Cmdlet(VerbsData.Sync, "LifePosWorkplace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WorkplaceChange))]
    public sealed class SyncLifePosWorkplaceCommand : SyncRowCmdlet
    {
        private SyncPlanner? _planner;
        private long _rowNumber;
        private bool _declined;

        /// <summary>Rows may name archived workplaces: they are restored (and updated).</summary>
        [Parameter]
        public SwitchParameter IncludeArchived { get; set; }

        /// <summary>Archives the alive workplaces that no row names. Asks first unless -Force or -Confirm:$false.</summary>
        [Parameter]
        public SwitchParameter ArchiveUnlisted { get; set; }

        /// <summary>Each row is the whole truth: empty cells clear, extensions not in it go, IsArchived archives or restores.</summary>
        [Parameter]
        public SwitchParameter Exact { get; set; }

        /// <summary>No question before -ArchiveUnlisted archives, or before -Exact starts.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void ProcessRecord()
        {
            _rowNumber++;
            var target = TargetOf(RowValidation.Describe(_rowNumber, Name));
            var bulk = Runner();
            if (RejectedId(bulk, Id is { } id ? new[] { id } : Array.Empty<Guid>()))
            {
                return;
            }

            var step = Plan();
            var work = new SyncWork(Client, ActiveConnection.OrganizationId, target, JournalRun?.Id);
            if (step.Action == WorkplaceChangeAction.Failed)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, Name) + ": " + step.Error);
            }
            else if (step.Action == WorkplaceChangeAction.Unchanged)
            {
                bulk.SubmitDone(target, work.Outcome(step.Action, step.Current, step.Patch));
            }
            else if (!_declined && Approves(work.Label(step), work.Describe(step)))
            {
                bulk.Submit(target, context => work.RunAsync(step, context), work.Journal(step));
            }
            else
            {
                bulk.Declined();
            }
        }

        /// <summary>-Exact clears fields and archives: it asks first (ConfirmImpact High) unless -Force, -Confirm:$false or -WhatIf.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _declined = Exact && !Force && !Preferences.IsConfirmTurnedOff() && !Preferences.IsPlanWanted(ConfirmImpact.Medium) &&
                        Preferences.IsPlanWanted(ConfirmImpact.High) && !AnswersYes(SyncWork.ExactQuestion, "Sync-LifePosWorkplace -Exact",
                            "-Exact asks before it starts (it clears the fields a row leaves empty and archives what a row marks archived)",
                            "Add -Force to run it without being asked, or -WhatIf to see what it would change.");
        }

        protected override void EndProcessing()
        {
            if (ArchiveUnlisted && !_declined)
            {
                ArchiveTheUnlisted();
            }

            base.EndProcessing();
        }

        private void ArchiveTheUnlisted()
        {
            if (_rowNumber == 0)
            {
                ThrowTerminatingError(LifePosErrors.Own(
                    "Sync-LifePosWorkplace -ArchiveUnlisted got no rows, so it would archive every workplace; it refuses to.",
                    "LifePos.EmptyInput", ErrorCategory.InvalidData, null, "Check the input file (and its delimiter: Import-Csv -Delimiter ';'), then run it again."));
            }

            var unlisted = _planner!.Unlisted;
            if (unlisted.Count == 0 ||
                // Asked once, whatever $ConfirmPreference says, unless each archive is shown or confirmed anyway (-WhatIf,
                // -Confirm, or a preference at or below Sync's own Medium impact).
                (!Force && !Preferences.IsConfirmTurnedOff() && !Preferences.IsPlanWanted(ConfirmImpact.Medium) &&
                 !AnswersYes(SyncWork.ArchiveQuestion(unlisted), "Sync-LifePosWorkplace -ArchiveUnlisted",
                     "-ArchiveUnlisted asks before it archives the " + unlisted.Count + " workplaces no row names",
                     "Add -Force to archive them without being asked, or -WhatIf to list them.")))
            {
                return;
            }

            var bulk = Runner();
            foreach (var workplace in unlisted)
            {
                var work = new SyncWork(Client, ActiveConnection.OrganizationId, workplace, JournalRun?.Id);
                var step = new SyncStep(WorkplaceChangeAction.Archived, workplace, new WorkplacePatch());
                if (Approves(WorkplaceLabel.Of(workplace), work.Describe(step)))
                {
                    bulk.Submit(workplace, context => work.RunAsync(step, context), work.Journal(step), countsAsRow: false);
                }
            }
        }

        private BulkRunner Runner()
        {
            var bulk = Bulk(ThrottleLimit, "Synchronizing LIFE POS workplaces", "created", "updated", "restored?", "unchanged", "archived?");
            bulk.FailedOutput ??= SyncWork.FailedChange;
            return bulk;
        }

        /// <summary>
        /// Every workplace (alive and archived), listed once at the first row. A workplace that cannot be read gets its
        /// error here, and the rows that name it fail alone; the rest go on.
        /// </summary>
        private SyncPlanner Load()
        {
            var unreadable = new List<UnreadableItem>();
            var listing = Client.ListWorkplaces(ActiveConnection.OrganizationId, new WorkplaceListQuery { Selection = WorkplaceSelection.All }, RequestContext);
            listing.ItemUnreadable = unreadable.Add;
            var planner = CallOrStop(() => new SyncPlanner(listing.ToList(), IncludeArchived, Exact, unreadable), "Sync-LifePosWorkplace");
            foreach (var item in unreadable)
            {
                WriteError(LifePosErrors.FromException(item.Error, item.Target));
            }

            return planner;
        }

        /// <summary>This row's step; a row whose values cannot be read is a failed step.</summary>
        private SyncStep Plan()
        {
            try
            {
                var row = WorkplaceRowReader.Of(this);
                return (_planner ??= Load()).Plan(new SyncRow { Id = Id, Number = SyncRow.NumberOf(Number), Name = row.Name, RowNumber = _rowNumber, Changes = row.Read(), Archived = Archived() });
            }
            catch (InvalidInputException exception)
            {
                return SyncStep.Failure(null, exception.Message);
            }
        }
    }
}
