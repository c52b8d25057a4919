using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LifePos.Emulator.State.Lists;

/// <summary>
/// One organization's items of one kind (workplaces, employees, outlets); every access happens under the
/// organization's lock. Items are kept sorted by key (the default order, so a keyset lookup is a binary search); each
/// other order is sorted once, on first use, and kept sorted on every change. <see cref="Version"/> counts changes: a
/// page token remembers the version paging began at, and later pages show exactly the items that existed, in the
/// selection, at that version.
/// </summary>
internal sealed class ItemStore<TItem, TData>
    where TItem : ListItem<TData>
    where TData : class, IListData
{
    private static readonly int FieldCount = Enum.GetValues<OrderField>().Length;

    private readonly Func<TData, ItemHistory, TItem> _create;
    private readonly List<TItem> _byKey = new();
    private readonly Dictionary<Guid, TItem> _byGuid = new();
    // Other orders, built on first use and then kept sorted on every change (a binary search and one array shift).
    private readonly List<TItem>?[] _sorted = new List<TItem>?[FieldCount];

    public ItemStore(Func<TData, ItemHistory, TItem> create) => _create = create;

    public long Version { get; private set; }
    public int Alive { get; private set; }
    public int Archived { get; private set; }
    public int Count => _byKey.Count;

    /// <summary>The items by key, ascending.</summary>
    public IReadOnlyList<TItem> ByKey => _byKey;

    public TItem? Find(Guid guid) => _byGuid.TryGetValue(guid, out var item) ? item : null;

    /// <summary>One more than the highest key (1 when empty).</summary>
    public int NextKey() => _byKey.Count == 0 ? 1 : _byKey[^1].Key + 1;

    public TItem Add(TData data)
    {
        Version++;
        var item = _create(data, ItemHistory.Created(Version, data.DeletedAt is not null));
        Insert(item);
        return item;
    }

    /// <summary>Stores a new version of an item (same guid and key).</summary>
    public TItem Replace(TItem current, TData data)
    {
        Version++;
        var archived = data.DeletedAt is not null;
        var archivedChanged = current.IsArchived != archived;
        var updated = _create(data, archivedChanged ? current.History.WithArchived(Version, archived) : current.History);
        _byGuid[updated.Guid] = updated;
        _byKey[IndexOfKey(updated.Key)] = updated;
        for (var slot = 0; slot < FieldCount; slot++)
        {
            if (_sorted[slot] is not { } list) continue;
            var field = (OrderField)slot;
            var oldKey = current.KeyOf(field);
            var index = LowerBound(list, field, oldKey);
            if (oldKey == updated.KeyOf(field))
            {
                list[index] = updated;
                continue;
            }
            list.RemoveAt(index);
            list.Insert(LowerBound(list, field, updated.KeyOf(field)), updated);
        }
        if (archivedChanged)
        {
            if (archived) { Alive--; Archived++; }
            else { Alive++; Archived--; }
        }
        return updated;
    }

    /// <summary>Replaces every item by <paramref name="items"/> (start-up and reset).</summary>
    public void Restore(IEnumerable<TData> items)
    {
        Version++;
        _byKey.Clear();
        _byGuid.Clear();
        Array.Clear(_sorted);
        Alive = Archived = 0;
        foreach (var data in items) Add(data);
    }

    public TData[] SnapshotData() => _byKey.ConvertAll(i => i.Data).ToArray();

    public TItem[] Snapshot() => _byKey.ToArray();

    public ListPage<TItem> List(ListParameters query, long? snapshot, int? knownTotal, SortKey? after)
    {
        var snap = snapshot ?? Version;
        IReadOnlyList<TItem> sorted = query.Field == OrderField.Key ? _byKey : Sorted(query.Field);
        int index;
        if (after is not { } key) index = query.Descending ? sorted.Count - 1 : 0;
        else if (query.Descending) index = LowerBound(sorted, query.Field, key) - 1;
        else index = UpperBound(sorted, query.Field, key);

        var step = query.Descending ? -1 : 1;
        var items = new List<TItem>(Math.Min(query.PageSize, 128));
        var hasMore = false;
        for (; index >= 0 && index < sorted.Count; index += step)
        {
            var item = sorted[index];
            if (!Matches(item, query, snap)) continue;
            if (items.Count == query.PageSize)
            {
                hasMore = true;
                break;
            }
            items.Add(item);
        }

        int total;
        if (knownTotal is { } known) total = known;
        else if (query.Query is null && query.Dates.IsEmpty && snap == Version)
            total = query.Selection switch { Selection.AliveOnly => Alive, Selection.ArchivedOnly => Archived, _ => Count };
        else
        {
            total = 0;
            foreach (var item in _byKey)
                if (Matches(item, query, snap)) total++;
        }
        return new ListPage<TItem>(items.ToArray(), hasMore, total, snap);
    }

    private bool Matches(TItem item, ListParameters query, long snap)
    {
        if (item.History.CreatedSequence > snap) return false;
        if (query.Selection != Selection.All)
        {
            var archived = snap >= Version ? item.IsArchived : item.History.WasArchivedAt(snap);
            if (archived != (query.Selection == Selection.ArchivedOnly)) return false;
        }
        if (!query.Dates.IsEmpty && !query.Dates.Contains(item.Data)) return false;
        return query.Query is null || item.SearchText.Contains(query.Query, StringComparison.Ordinal);
    }

    private static int Compare(OrderField field, TItem item, SortKey key) => CompareKeys(field, item.KeyOf(field), key);

    // Optimized from the first call: the first sort of 100,000 items would otherwise run it unoptimized.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CompareKeys(OrderField field, SortKey a, SortKey b)
    {
        var primary = field switch
        {
            OrderField.CreatedAt or OrderField.UpdatedAt or OrderField.ActivatedAt => CompareNullable(a.Ticks, b.Ticks),
            OrderField.Name => CompareText(a.Text, b.Text),
            OrderField.WorkplaceType => string.CompareOrdinal(a.Text, b.Text),
            _ => 0,
        };
        return primary != 0 ? primary : a.Key.CompareTo(b.Key);
    }

    private static int CompareNullable(long? a, long? b) =>
        a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.Value.CompareTo(b.Value);

    private static int CompareText(string? a, string? b)
    {
        if (a is null) return b is null ? 0 : -1;
        if (b is null) return 1;
        var result = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return result != 0 ? result : string.CompareOrdinal(a, b);
    }

    /// <summary>First index whose item sorts after the key.</summary>
    private static int UpperBound(IReadOnlyList<TItem> sorted, OrderField field, SortKey key)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Compare(field, sorted[mid], key) <= 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>First index whose item sorts at or after the key.</summary>
    private static int LowerBound(IReadOnlyList<TItem> sorted, OrderField field, SortKey key)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (Compare(field, sorted[mid], key) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private List<TItem> Sorted(OrderField field)
    {
        var slot = (int)field;
        if (_sorted[slot] is { } cached) return cached;
        var items = _byKey.ToArray();
        var keys = Array.ConvertAll(items, i => i.KeyOf(field));
        Array.Sort(keys, items, Comparer<SortKey>.Create((a, b) => CompareKeys(field, a, b)));
        var list = new List<TItem>(items);
        _sorted[slot] = list;
        return list;
    }

    private void Insert(TItem item)
    {
        _byGuid.Add(item.Guid, item);
        if (_byKey.Count == 0 || _byKey[^1].Key < item.Key) _byKey.Add(item);
        else
        {
            var index = ~IndexOfKey(item.Key);
            if (index < 0) throw new InvalidOperationException($"Key {item.Key} is taken.");
            _byKey.Insert(index, item);
        }
        for (var slot = 0; slot < FieldCount; slot++)
        {
            if (_sorted[slot] is { } list) list.Insert(UpperBound(list, (OrderField)slot, item.KeyOf((OrderField)slot)), item);
        }
        if (item.IsArchived) Archived++;
        else Alive++;
    }

    /// <summary>Binary search by key: the index, or the bitwise complement of the insertion point.</summary>
    private int IndexOfKey(int key)
    {
        int low = 0, high = _byKey.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var value = _byKey[mid].Key;
            if (value == key) return mid;
            if (value < key) low = mid + 1;
            else high = mid - 1;
        }
        return ~low;
    }
}
