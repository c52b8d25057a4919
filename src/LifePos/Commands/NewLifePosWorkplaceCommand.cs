using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.PowerShell;

namespace LifePos.Commands
{
    /// <summary>
    /// Creates workplaces; every parameter binds by property name, so <c>Import-Csv | New-LifePosWorkplace</c> works with
    /// PascalCase or snake_case headers. Rows run with up to -ThrottleLimit requests in flight, output in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LifePosWorkplace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Workplace))]
    public sealed class NewLifePosWorkplaceCommand : LifePosApiCmdlet
    {
        private const string Created = "created";
        private const string SkippedExisting = "skipped (existing)";

        private readonly Dictionary<string, Task<Workplace>> _createdInThisRun = new Dictionary<string, Task<Workplace>>(StringComparer.Ordinal);
        private Dictionary<string, Workplace>? _existingByName;
        private long _rowNumber;

        /// <summary>Unknown, Mobile, Stationary or Automat.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Type", "workplace_type")]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(WorkplaceTypeCompleter))]
        public string? WorkplaceType { get; set; }

        /// <summary>At most 128 characters.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Name { get; set; }

        /// <summary>Extensions keyed by name: a hashtable, an object, or JSON text (e.g. from a CSV cell).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("extensions")]
        [AllowEmptyString]
        [AllowNull]
        public object? Extension { get; set; }

        /// <summary>Free text, at most 128 characters; the server's -Query searches it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Meta { get; set; }

        /// <summary>Free data: a hashtable, an object, or JSON text.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("meta_data")]
        [AllowEmptyString]
        [AllowNull]
        public object? MetaData { get; set; }

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
            var name = RowValidation.Given(Name);
            var target = TargetOf(name ?? (object)RowValidation.Describe(_rowNumber, null));
            var bulk = Bulk(ThrottleLimit, "Creating LIFE POS workplaces", Created);
            WorkplaceCreateRequest request;
            try
            {
                request = BuildRequest(name);
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, name) + ": " + exception.Message);
                return;
            }

            if (SkipExisting && name != null && TrySkip(bulk, target, name))
            {
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
            // With -SkipExisting a later row of the same name waits for this one and passes its workplace on.
            var creation = SkipExisting && name != null ? new TaskCompletionSource<Workplace>() : null;
            if (creation != null)
            {
                _createdInThisRun[name!] = creation.Task;
            }

            bulk.Submit(target, async token =>
            {
                try
                {
                    var workplace = await client.CreateWorkplaceAsync(organization, request, RowContext(token)).ConfigureAwait(false);
                    creation?.TrySetResult(workplace);
                    return new BulkOutcome(workplace, Created);
                }
                catch (Exception exception)
                {
                    creation?.TrySetException(exception);
                    throw;
                }
            });
        }

        private WorkplaceCreateRequest BuildRequest(string? name)
        {
            var request = new WorkplaceCreateRequest
            {
                WorkplaceType = RowValidation.ParseWorkplaceType(WorkplaceType, nameof(WorkplaceType)),
                Name = name,
                Meta = RowValidation.Given(Meta),
            };
            RowValidation.CheckLength(name, RowValidation.MaxNameLength, "the name");
            RowValidation.CheckLength(request.Meta, RowValidation.MaxMetaLength, "-Meta");
            if (!PlainValueConverter.IsNotGiven(Extension))
            {
                request.Extensions = PlainValueConverter.ToExtensions(Extension, nameof(Extension));
            }

            if (!PlainValueConverter.IsNotGiven(MetaData))
            {
                request.MetaData = PlainValueConverter.FromUserValue(MetaData, nameof(MetaData), allowPlainText: true);
            }

            return request;
        }

        /// <summary>
        /// -SkipExisting: a name an alive workplace has (listed once, at the first row) or a name this run already
        /// creates is not created again; the existing workplace is passed on, in its row's place.
        /// </summary>
        private bool TrySkip(BulkRunner bulk, object target, string name)
        {
            if (_createdInThisRun.TryGetValue(name, out var earlier))
            {
                bulk.Submit(target, async _ =>
                {
                    var workplace = await earlier.ConfigureAwait(false);
                    return new BulkOutcome(workplace, SkippedExisting, SkipWarning(workplace));
                });
                return true;
            }

            _existingByName ??= LoadAliveNames();
            if (_existingByName.TryGetValue(name, out var existing))
            {
                bulk.SubmitDone(target, new BulkOutcome(existing, SkippedExisting, SkipWarning(existing)));
                return true;
            }

            return false;
        }

        private Dictionary<string, Workplace> LoadAliveNames()
        {
            var byName = new Dictionary<string, Workplace>(StringComparer.Ordinal);
            try
            {
                foreach (var workplace in Client.ListWorkplaces(ActiveConnection.OrganizationId, new WorkplaceListQuery(), RequestContext))
                {
                    if (!string.IsNullOrEmpty(workplace.Name) && !byName.ContainsKey(workplace.Name!))
                    {
                        byName.Add(workplace.Name!, workplace);
                    }
                }
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (LifePosApiException exception)
            {
                // Without the list, -SkipExisting cannot keep its promise: stop rather than create duplicates.
                ThrowTerminatingError(LifePosErrors.FromException(exception, "-SkipExisting"));
            }

            FlushMessages();
            return byName;
        }

        private static string SkipWarning(Workplace existing) =>
            "Workplace '" + existing.Name + "' already exists (#" + existing.Number + ", " + existing.Id.ToString("D") +
            "); it was not created again (-SkipExisting).";
    }
}
