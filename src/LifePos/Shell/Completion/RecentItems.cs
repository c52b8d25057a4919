using System;
using System.Collections.Generic;
using System.Linq;

namespace LifePos.Shell.Completion
{
    /// <summary>
    /// The items of one kind this process saw last (workplaces, employees, outlets), so parameters can complete them.
    /// Small and bounded: the oldest entries are dropped. Thread-safe.
    /// </summary>
    internal sealed class RecentItems<T>
        where T : class
    {
        private const int Capacity = 500;
        private readonly object _gate = new object();
        private readonly Dictionary<Guid, (T Item, long Sequence)> _entries = new Dictionary<Guid, (T, long)>();
        private readonly Func<T, Guid> _id;
        private long _sequence;

        public RecentItems(Func<T, Guid> id)
        {
            _id = id;
        }

        public static RecentItems<Workplace> Workplaces { get; } = new RecentItems<Workplace>(workplace => workplace.Id);

        public static RecentItems<Employee> Employees { get; } = new RecentItems<Employee>(employee => employee.Id);

        public static RecentItems<Outlet> Outlets { get; } = new RecentItems<Outlet>(outlet => outlet.Id);

        public bool IsEmpty
        {
            get { lock (_gate) { return _entries.Count == 0; } }
        }

        public void Remember(T item)
        {
            lock (_gate)
            {
                _entries[_id(item)] = (item, ++_sequence);
                // Trimming once per Capacity inserts keeps a long listing at amortised O(log n) per item.
                if (_entries.Count >= 2 * Capacity)
                {
                    foreach (var stale in _entries.OrderBy(entry => entry.Value.Sequence).Take(_entries.Count - Capacity).Select(entry => entry.Key).ToList())
                    {
                        _entries.Remove(stale);
                    }
                }
            }
        }

        /// <summary>Newest first.</summary>
        public IReadOnlyList<T> Snapshot()
        {
            lock (_gate)
            {
                return _entries.Values.OrderByDescending(entry => entry.Sequence).Take(Capacity).Select(entry => entry.Item).ToList();
            }
        }
    }
}
