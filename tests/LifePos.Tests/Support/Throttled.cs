using LifePos.Shell.Runs;

namespace LifePos.Tests.Support;

internal static class Throttled
{
    /// <summary>Feeds every input through the throttle the way BulkRunner does, and returns what came out, in order.</summary>
    public static List<Completed<T>> Run<T>(OrderedThrottle<T> throttle, IEnumerable<object> inputs, Func<object, CancellationToken, Task<T>> work)
    {
        var output = new List<Completed<T>>();
        foreach (var input in inputs)
        {
            IReadOnlyList<Completed<T>> ready;
            while ((ready = throttle.WaitForRoom()).Count > 0)
            {
                output.AddRange(ready);
            }

            throttle.Start(input, token => work(input, token));
        }

        IReadOnlyList<Completed<T>> rest;
        while ((rest = throttle.WaitForNext()).Count > 0)
        {
            output.AddRange(rest);
        }

        return output;
    }
}
