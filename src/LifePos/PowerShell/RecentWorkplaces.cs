using System;
using System.Collections.Generic;
using System.Linq;

namespace LifePos.PowerShell
{
    /// <summary>
    /// The workplaces this process saw last (ids, numbers and names only), so <c>-Id</c> can complete them.
    /// Small and bounded: the oldest entries are dropped.
    /// </summary>
    internal static class RecentWorkplaces
    {
        private const int Capacity = 500;
        private static readonly object Gate = new object();
        private static readonly Dictionary<Guid, Entry> Entries = new Dictionary<Guid, Entry>();
        private static long _sequence;

        public static void Remember(Workplace workplace)
        {
            lock (Gate)
            {
                Entries[workplace.Id] = new Entry(workplace.Id, workplace.Number, workplace.Name, workplace.WorkplaceType, workplace.IsArchived, ++_sequence);
                // Trimming once per Capacity inserts keeps a long listing at amortised O(log n) per item.
                if (Entries.Count >= 2 * Capacity)
                {
                    foreach (var stale in Entries.Values.OrderBy(entry => entry.Sequence).Take(Entries.Count - Capacity).ToList())
                    {
                        Entries.Remove(stale.Id);
                    }
                }
            }
        }

        /// <summary>Newest first.</summary>
        public static IReadOnlyList<Entry> Snapshot()
        {
            lock (Gate)
            {
                return Entries.Values.OrderByDescending(entry => entry.Sequence).Take(Capacity).ToList();
            }
        }

        internal sealed class Entry
        {
            public Entry(Guid id, int number, string? name, WorkplaceType type, bool isArchived, long sequence)
            {
                Id = id;
                Number = number;
                Name = name;
                Type = type;
                IsArchived = isArchived;
                Sequence = sequence;
            }

            public Guid Id { get; }

            public int Number { get; }

            public string? Name { get; }

            public WorkplaceType Type { get; }

            public bool IsArchived { get; }

            public long Sequence { get; }
        }
    }
}
