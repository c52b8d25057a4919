using System;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;
using LifePos.PowerShell;

namespace LifePos.Commands
{
    /// <summary>
    /// Changes a workplace with one JSON Patch holding only what was given. -Extension merges by extension name
    /// (other extensions stay as they are); -RemoveExtension drops extensions.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "LifePosWorkplace", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Workplace))]
    public sealed class SetLifePosWorkplaceCommand : WorkplaceTargetCmdlet
    {
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

        /// <summary>Extensions to add or replace, keyed by name: a hashtable, an object, or JSON text.</summary>
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

        protected override void ProcessRecord()
        {
            _rowNumber++;
            var id = InputObject?.Id ?? Id;
            var target = TargetOf(InputObject ?? (object)id);
            var bulk = Bulk(ThrottleLimit, "Updating LIFE POS workplaces", "updated");
            // A piped workplace also binds its own Name, Meta, Extensions... by property name: values equal to its
            // current ones are not sent again.
            var current = InputObject ?? PipedWorkplace;
            WorkplacePatch patch;
            try
            {
                patch = WorkplacePatchBuilder.Build(current, GivenChanges());
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, current?.Name) + ": " + exception.Message);
                return;
            }

            if (patch.IsEmpty)
            {
                bulk.SubmitDone(target, new BulkOutcome(PassThru ? current : null, "unchanged"));
                return;
            }

            var label = current is null ? WorkplaceLabel.Of(id, null) : WorkplaceLabel.Of(current);
            if (!ShouldProcess(label, "Update " + string.Join(", ", patch.Operations.ConvertAll(operation => operation.ToString()))))
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            var passThru = PassThru.IsPresent;
            bulk.Submit(target, async token =>
            {
                var workplace = await client.UpdateWorkplaceAsync(organization, id, patch.Operations, RowContext(token)).ConfigureAwait(false);
                return new BulkOutcome(passThru ? workplace : null, "updated");
            });
        }

        private WorkplaceChanges GivenChanges()
        {
            var type = RowValidation.Given(WorkplaceType) is null ? (WorkplaceType?)null : RowValidation.ParseWorkplaceType(WorkplaceType, nameof(WorkplaceType));
            return new WorkplaceChanges
            {
                Name = RowValidation.Given(Name),
                WorkplaceType = type,
                Meta = RowValidation.Given(Meta),
                MetaDataGiven = WorkplaceValues.MetaData(MetaData, out var metaData),
                MetaData = metaData,
                Extensions = WorkplaceValues.Extensions(Extension),
                RemoveExtensions = RemoveExtension ?? Array.Empty<string>(),
            };
        }
    }
}
