namespace LifePos.Shell.Runs
{
    /// <summary>The kind of stream a queued message goes to.</summary>
    internal enum PipelineMessageKind
    {
        Verbose,
        Debug,
        Warning,
    }
}
