using System.Management.Automation;
using LifePos.Shell.Completion;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>
    /// The fields of a workplace row that New- and Sync-LifePosWorkplace take alike, each bound by property name (so
    /// PascalCase and snake_case CSV headers both work) and each allowing an empty cell, which means "not given".
    /// <see cref="Binding.WorkplaceRowReader"/> reads them (and Set-LifePosWorkplace's own declarations of the same five).
    /// </summary>
    public abstract class WorkplaceRowCmdlet : LifePosApiCmdlet
    {
        /// <summary>At most 128 characters.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [AllowNull]
        public string? Name { get; set; }

        /// <summary>Unknown, Mobile, Stationary or Automat (or 0 to 3); a row that creates a workplace needs one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Type", "workplace_type")]
        [AllowEmptyString]
        [AllowNull]
        [ArgumentCompleter(typeof(WorkplaceTypeCompleter))]
        public string? WorkplaceType { get; set; }

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
    }
}
