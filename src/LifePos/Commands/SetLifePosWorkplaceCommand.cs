using System;
using System.Collections.Generic;
using System.Management.Automation;
using LifePos.Core;
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
            var current = InputObject ?? PipedWorkplace;
            List<JsonPatchOperation> patch;
            try
            {
                patch = BuildPatch(current);
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, current?.Name) + ": " + exception.Message);
                return;
            }

            if (patch.Count == 0)
            {
                // A piped workplace that already looks as asked: nothing to send.
                bulk.SubmitDone(target, new BulkOutcome(PassThru ? current : null, "unchanged"));
                return;
            }

            var label = current is null ? "Workplace " + id.ToString("D") : "Workplace '" + current + "' (" + id.ToString("D") + ")";
            if (!ShouldProcess(label, "Update " + string.Join(", ", patch.ConvertAll(operation => operation.ToString()))))
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            var passThru = PassThru.IsPresent;
            bulk.Submit(target, async token =>
            {
                var workplace = await client.UpdateWorkplaceAsync(organization, id, patch, RowContext(token)).ConfigureAwait(false);
                return new BulkOutcome(passThru ? workplace : null, "updated");
            });
        }

        /// <summary>
        /// The patch for what was given. A piped workplace also binds its own Name, Meta, Extensions... by property
        /// name; values equal to the workplace's current ones are not sent again.
        /// </summary>
        private List<JsonPatchOperation> BuildPatch(Workplace? current)
        {
            var patch = new List<JsonPatchOperation>();
            var name = RowValidation.Given(Name);
            if (name != null && !(current != null && string.Equals(current.Name, name, StringComparison.Ordinal)))
            {
                RowValidation.CheckLength(name, RowValidation.MaxNameLength, "the name");
                patch.Add(JsonPatchOperation.Replace("/name", name));
            }

            if (RowValidation.Given(WorkplaceType) != null)
            {
                var type = RowValidation.ParseWorkplaceType(WorkplaceType, nameof(WorkplaceType));
                if (current is null || current.WorkplaceType != type)
                {
                    patch.Add(JsonPatchOperation.Replace("/workplace_type", type.ToString()));
                }
            }

            var meta = RowValidation.Given(Meta);
            if (meta != null && !(current != null && string.Equals(current.Meta, meta, StringComparison.Ordinal)))
            {
                RowValidation.CheckLength(meta, RowValidation.MaxMetaLength, "-Meta");
                patch.Add(JsonPatchOperation.Replace("/meta", meta));
            }

            if (!PlainValueConverter.IsNotGiven(MetaData) && !IsCurrentValue(MetaData, current?.MetaData))
            {
                patch.Add(JsonPatchOperation.Replace("/meta_data", PlainValueConverter.FromUserValue(MetaData, nameof(MetaData), allowPlainText: true)));
            }

            if (!PlainValueConverter.IsNotGiven(Extension) && !IsCurrentValue(Extension, current?.Extensions))
            {
                // "add" on an object member sets it whether or not it exists: the other extensions stay untouched.
                foreach (var extension in PlainValueConverter.ToExtensions(Extension, nameof(Extension)))
                {
                    patch.Add(JsonPatchOperation.Add("/extensions/" + JsonPatchOperation.EscapeSegment(extension.Key), extension.Value));
                }
            }

            foreach (var extensionName in RemoveExtension ?? Array.Empty<string>())
            {
                if (InputObject != null && !InputObject.Extensions.ContainsKey(extensionName))
                {
                    continue;
                }

                patch.Add(JsonPatchOperation.Remove("/extensions/" + JsonPatchOperation.EscapeSegment(extensionName)));
            }

            if (patch.Count == 0 && current is null)
            {
                throw new InvalidInputException("nothing to change. Give -Name, -WorkplaceType, -Meta, -MetaData, -Extension or -RemoveExtension.");
            }

            return patch;
        }

        private static bool IsCurrentValue(object? given, object? current) =>
            current != null && ReferenceEquals(PlainValueConverter.Unwrap(given), current);
    }
}
