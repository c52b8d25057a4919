using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using LifePos.Core.Http;

namespace LifePos.Core.Resources
{
    /// <summary>
    /// Create dedupe: after a create whose answer was lost, finds the workplace that create made (alive, exactly the
    /// name, created since the request started) so it is not created twice. Workplaces this client created itself
    /// are never taken for it, so a namesake from the same run is not mistaken for the lost one.
    /// </summary>
    internal sealed class CreatedWorkplaceFinder
    {
        // Clock difference tolerated between this machine and the service.
        private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);
        private const int RememberedCreates = 100_000;
        private const int MaxQueryLength = 64;

        private readonly WorkplacesClient _workplaces;
        private readonly ConcurrentDictionary<Guid, byte> _created = new ConcurrentDictionary<Guid, byte>();
        private readonly ConcurrentQueue<Guid> _createdOrder = new ConcurrentQueue<Guid>();

        public CreatedWorkplaceFinder(WorkplacesClient workplaces)
        {
            _workplaces = workplaces;
        }

        /// <summary>A resolver for one create, started now.</summary>
        public Func<RequestContext, Task<ApiResponse?>> Resolver(Guid organizationId, string name)
        {
            var cutoff = DateTimeOffset.UtcNow - ClockSkew;
            return async context =>
            {
                var query = new WorkplaceListQuery
                {
                    Query = name.Length > MaxQueryLength ? name.Substring(0, MaxQueryLength) : name,
                    OrderBy = WorkplaceOrder.CreatedAtDesc,
                };
                Workplace? found = null;
                await _workplaces.List(organizationId, query, context).ForEachAsync(item =>
                {
                    if (!item.IsArchived && string.Equals(item.Name, name, StringComparison.Ordinal) && item.CreatedAt >= cutoff &&
                        !_created.ContainsKey(item.Id))
                    {
                        found = item;
                        return false;
                    }

                    // Newest first: once one is older than the create, the rest are older too.
                    return item.CreatedAt >= cutoff;
                }).ConfigureAwait(false);
                return found is null ? null : ApiResponse.FromResolved(found, 1);
            };
        }

        public void Remember(Guid id)
        {
            if (_created.TryAdd(id, 0))
            {
                _createdOrder.Enqueue(id);
                while (_createdOrder.Count > RememberedCreates && _createdOrder.TryDequeue(out var oldest))
                {
                    _created.TryRemove(oldest, out _);
                }
            }
        }
    }
}
