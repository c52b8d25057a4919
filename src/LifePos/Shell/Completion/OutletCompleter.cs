namespace LifePos.Shell.Completion
{
    /// <summary>
    /// Completes <c>-Outlet</c>: outlets seen recently, or the first page of the default connection's, whose name or id
    /// starts with what was typed.
    /// </summary>
    public sealed class OutletCompleter : DirectoryItemCompleter<Outlet>
    {
        public OutletCompleter()
            : base(
                CompletionSource.Outlets,
                (word, outlet) => word.MatchesName(outlet.Name) || word.MatchesId(outlet.Id),
                outlet => outlet.Name,
                outlet => outlet.Id,
                outlet => outlet.Name + " — " + outlet.Address)
        {
        }
    }
}
