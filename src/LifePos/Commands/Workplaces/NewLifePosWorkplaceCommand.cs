using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>
    /// Creates workplaces; every parameter binds by property name, so <c>Import-Csv | New-LifePosWorkplace</c> works with
    /// PascalCase or snake_case headers. Rows run with up to -ThrottleLimit requests in flight, output in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LifePosWorkplace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Workplace))]
    public sealed class NewLifePosWorkplaceCommand : WorkplaceRowCmdlet
    {
        private const string Created = "created";
        private const string SkippedExisting = "skipped (existing)";

        private ExistingWorkplaceIndex? _existing;
        private long _rowNumber;

        /// <summary>Rows whose name an alive workplace already has are not created; that workplace is passed on instead.</summary>
        [Parameter]
        public SwitchParameter SkipExisting { get; set; }

        /// <summary>Requests in flight at once (1 = one after the other).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void ProcessRecord()
        {
            _rowNumber++;
            var row = WorkplaceRowReader.Of(this);
            var name = row.Name;
            var target = TargetOf(name ?? (object)RowValidation.Describe(_rowNumber, null));
            var bulk = Bulk(ThrottleLimit, "Creating LIFE POS workplaces", Created);
            // -SkipExisting decides before the row is checked: a row for a workplace that exists needs nothing else.
            if (SkipExisting && name != null && (_existing ??= LoadExisting()).Find(name) is { } existing)
            {
                var asked = row.ReadWhatCanBeRead();
                bulk.Submit(target, async _ =>
                {
                    var workplace = await existing.ConfigureAwait(false);
                    return new BulkOutcome(workplace, SkippedExisting, ExistingWorkplaceIndex.SkipWarning(workplace, asked));
                });
                return;
            }

            // -SkipExisting finds a workplace by its name: without one, a second run would create the row again.
            if (SkipExisting && name is null)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, null) + ": has no name, and -SkipExisting finds existing workplaces by name, " +
                    "so a second run would create it again. Give the row a name, or create it without -SkipExisting.");
                return;
            }

            WorkplaceChanges given;
            try
            {
                given = row.ReadNew();
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, name) + ": " + exception.Message + row.ColumnsNote(CurrentInputObject));
                return;
            }

            var request = given.ToCreateRequest();
            var description = name is null ? "A " + request.WorkplaceType + " workplace without a name" : "Workplace '" + name + "' (" + request.WorkplaceType + ")";
            if (!Approves(description, "Create"))
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            Func<RequestContext, Task<Workplace>> create = context => client.CreateWorkplaceAsync(organization, request, context);
            if (SkipExisting && name != null)
            {
                create = _existing!.Track(name, create);
            }

            var journal = new JournalRecord("create") { WorkplaceName = name, Changes = WorkplacePatchBuilder.Build(null, given).Changes };
            bulk.Submit(target, async context => new BulkOutcome(await create(context).ConfigureAwait(false), Created), journal);
        }

        /// <summary>The alive workplaces, listed once at the first row that needs them.</summary>
        private ExistingWorkplaceIndex LoadExisting() =>
            CallOrStop(() => new ExistingWorkplaceIndex(Client.ListWorkplaces(ActiveConnection.OrganizationId, new WorkplaceListQuery(), RequestContext)), "-SkipExisting");
    }
}
