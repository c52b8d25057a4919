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
            var name = RowValidation.Given(Name)?.Trim();
            var target = TargetOf(name ?? (object)RowValidation.Describe(_rowNumber, null));
            var bulk = Bulk(ThrottleLimit, "Creating LIFE POS workplaces", Created);
            // -SkipExisting decides before the row is checked: a row for a workplace that exists needs nothing else.
            if (SkipExisting && name != null && (_existing ??= LoadExisting()).Find(name) is { } existing)
            {
                var asked = AskedFor();
                bulk.Submit(target, async _ =>
                {
                    var workplace = await existing.ConfigureAwait(false);
                    return new BulkOutcome(workplace, SkippedExisting, ExistingWorkplaceIndex.SkipWarning(workplace, asked));
                });
                return;
            }

            WorkplaceCreateRequest request;
            try
            {
                request = BuildRequest(name);
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, name) + ": " + exception.Message + ColumnsNote());
                return;
            }

            var description = name is null ? "A " + request.WorkplaceType + " workplace without a name" : "Workplace '" + name + "' (" + request.WorkplaceType + ")";
            if (!ShouldProcess(description, "Create"))
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

            var journal = new JournalEntry("create") { WorkplaceName = name, Changes = CreatedFields(request) };
            bulk.Submit(target, async context => new BulkOutcome(await create(context).ConfigureAwait(false), Created), journal);
        }

        private static FieldChangeList CreatedFields(WorkplaceCreateRequest request) =>
            WorkplacePatchBuilder.Build(null, new WorkplaceChanges
            {
                Name = request.Name,
                WorkplaceType = request.WorkplaceType,
                Meta = request.Meta,
                MetaDataGiven = request.MetaData != null,
                MetaData = request.MetaData,
                Extensions = request.Extensions,
            }).Changes;

        /// <summary>What the row asks for, as far as its values can be read, for -SkipExisting's warning about differences.</summary>
        private WorkplaceChanges AskedFor()
        {
            // A value that cannot be read is not compared.
            static T? Readable<T>(Func<T> read)
            {
                try
                {
                    return read();
                }
                catch (InvalidInputException)
                {
                    return default;
                }
            }

            object? metaData = null;
            return new WorkplaceChanges
            {
                Meta = RowValidation.Given(Meta),
                WorkplaceType = Readable<WorkplaceType?>(() => RowValidation.ParseWorkplaceType(WorkplaceType, nameof(WorkplaceType))),
                Extensions = Readable(() => WorkplaceValues.Extensions(Extension)),
                MetaDataGiven = Readable(() => WorkplaceValues.MetaData(MetaData, out metaData)),
                MetaData = metaData,
            };
        }

        /// <summary>When a row has no type column at all, the columns it has: usually a misnamed header.</summary>
        private string ColumnsNote()
        {
            if (RowValidation.Given(WorkplaceType) != null || !(CurrentInputObject is PSObject row) || row.BaseObject is Workplace)
            {
                return string.Empty;
            }

            var columns = new System.Collections.Generic.List<string>();
            foreach (var property in row.Properties)
            {
                columns.Add(property.Name);
            }

            return columns.Count == 0 ? string.Empty : " The row's columns are: " + string.Join(", ", columns) + ".";
        }

        private WorkplaceCreateRequest BuildRequest(string? name)
        {
            var type = RowValidation.ParseWorkplaceType(WorkplaceType, nameof(WorkplaceType));
            RowValidation.CheckLength(name, RowValidation.MaxNameLength, "the name");
            var meta = RowValidation.Given(Meta);
            RowValidation.CheckLength(meta, RowValidation.MaxMetaLength, "-Meta");
            return new WorkplaceCreateRequest
            {
                WorkplaceType = type,
                Name = name,
                Meta = meta,
                Extensions = WorkplaceValues.Extensions(Extension),
                MetaData = WorkplaceValues.MetaData(MetaData, out var metaData) ? metaData : null,
            };
        }

        /// <summary>The alive workplaces, listed once at the first row that needs them.</summary>
        private ExistingWorkplaceIndex LoadExisting() =>
            CallOrStop(() => new ExistingWorkplaceIndex(Client.ListWorkplaces(ActiveConnection.OrganizationId, new WorkplaceListQuery(), RequestContext)), "-SkipExisting");
    }
}
