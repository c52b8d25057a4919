namespace LifePos.Shell.Runs
{
    /// <summary>What one row of a bulk run came to: the object to emit, how to count it, and an optional warning.</summary>
    internal sealed class BulkOutcome
    {
        public BulkOutcome(object? output, string label, string? warning = null)
        {
            Output = output;
            Label = label;
            Warning = warning;
        }

        public object? Output { get; }

        /// <summary>The workplace the row changed, for the journal, when the output is not it (or there is none).</summary>
        public Workplace? Subject { get; set; }

        /// <summary>True when the row turned out to need no change: the journal records nothing for it.</summary>
        public bool Unchanged { get; set; }

        /// <summary>How the summary counts it, e.g. <c>created</c> or <c>skipped (existing)</c>.</summary>
        public string Label { get; }

        public string? Warning { get; }
    }
}
