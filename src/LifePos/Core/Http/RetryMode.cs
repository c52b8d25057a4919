namespace LifePos.Core.Http
{
    /// <summary>How a request may be repeated after a failure.</summary>
    internal enum RetryMode
    {
        /// <summary>Safe to repeat after any transient failure (GET, PATCH, DELETE, :unarchive, :deactivate).</summary>
        Repeatable,

        /// <summary>Repeated only when the server certainly did not act (429, 503, not sent); otherwise resolved or reported as maybe done.</summary>
        OnlyIfNotActed,
    }
}
