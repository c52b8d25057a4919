using System;
using System.Management.Automation;
using LifePos.Domain;
using LifePos.Shell.Binding;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>
    /// What a Sync-LifePosWorkplace row adds to a workplace row: its keys (Id, Number) and its archived state
    /// (IsArchived, or a non-empty ArchivedAt), each bound by property name from a CSV or JSON backup.
    /// </summary>
    public abstract class SyncRowCmdlet : WorkplaceRowCmdlet
    {
        /// <summary>The workplace's id, when the row has one (an exported row does).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "WorkplaceId", "workplace_guid")]
        [AllowNull]
        [GuidTransformation("workplace", EmptyIsNull = true)]
        public Guid? Id { get; set; }

        /// <summary>The workplace's number, the key when there is no Id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Number { get; set; }

        /// <summary>True, False (or 1, 0); an exported row has it. Only -Exact archives or restores by it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("is_archived")]
        [AllowEmptyString]
        [AllowNull]
        public object? IsArchived { get; set; }

        /// <summary>When the workplace was archived; a non-empty cell marks the row archived when IsArchived is not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("archived_at", "deleted_at")]
        [AllowEmptyString]
        [AllowNull]
        public object? ArchivedAt { get; set; }

        /// <summary>Whether the row marks its workplace archived; null when neither cell says.</summary>
        internal bool? Archived()
        {
            var value = IsArchived is PSObject wrapped ? wrapped.BaseObject : IsArchived;
            switch (value)
            {
                case bool flag:
                    return flag;
                case string text when RowValidation.Given(text) is { } given:
                    var trimmed = given.Trim();
                    if (bool.TryParse(trimmed, out var parsed))
                    {
                        return parsed;
                    }

                    return trimmed == "1" ? true : trimmed == "0" ? false : throw new InvalidInputException("IsArchived '" + given + "' is not True or False.");
                case int number:
                    return number != 0;
            }

            var at = ArchivedAt is PSObject at2 ? at2.BaseObject : ArchivedAt;
            return at is null || (at is string cell && RowValidation.Given(cell) is null) ? (bool?)null : true;
        }
    }
}
