using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LifePos.Emulator;

internal enum Selection : byte { AliveOnly, ArchivedOnly, All }

internal enum OrderField : byte { Number, CreatedAt, UpdatedAt, Name, WorkplaceType, ActivatedAt }

/// <summary>The keyset position of one item in one order: its primary value and its (unique) number.</summary>
internal readonly record struct SortKey(int Number, string? Text, long? Ticks);

internal sealed record ListQuery(Selection Selection, OrderField Field, bool Descending, int PageSize, string? Query);

internal sealed record ListPage(Workplace[] Items, bool HasMore, int Total, long Snapshot);

/// <summary>
/// One organization's workplaces. Every access happens under <see cref="Lock"/>. Workplaces are kept sorted by number
/// (the default order, so a keyset lookup is a binary search); each other order is sorted once, on first use, and kept
/// sorted on every change. <see cref="Version"/> counts changes: a page token remembers the version paging began at, and
/// later pages show exactly the items that existed, in the selection, at that version.
/// </summary>
internal sealed class Organization
{
    public const int MaxNumber = 99999;
    private static readonly int FieldCount = Enum.GetValues<OrderField>().Length;

    private readonly List<Workplace> _byNumber = new();
    private readonly Dictionary<Guid, Workplace> _byGuid = new();
    // Other orders, built on first use and then kept sorted on every change (a binary search and one array shift).
    private readonly List<Workplace>?[] _sorted = new List<Workplace>?[FieldCount];

    public Organization(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public Guid Id { get; }
    public string Name { get; }
    public object Lock { get; } = new();
    public long Version { get; private set; }
    public int Alive { get; private set; }
    public int Archived { get; private set; }
    public int Count => _byNumber.Count;

    public Workplace? Find(Guid guid) => _byGuid.TryGetValue(guid, out var workplace) ? workplace : null;

    /// <summary>The next free number, or 0 when all 99999 are taken.</summary>
    public int NextNumber()
    {
        if (_byNumber.Count == 0) return 1;
        var last = _byNumber[^1].Number;
        if (last < MaxNumber) return last + 1;
        for (var i = 0; i < _byNumber.Count; i++)
            if (_byNumber[i].Number != i + 1) return i + 1;
        return 0;
    }

    public Workplace Add(WorkplaceData data)
    {
        Version++;
        var workplace = new Workplace(data, Version, [new ArchiveChange(Version, data.DeletedAt is not null)]);
        Insert(workplace);
        return workplace;
    }

    /// <summary>Stores a new version of a workplace (same guid and number).</summary>
    public Workplace Replace(Workplace current, WorkplaceData data)
    {
        Version++;
        var archivedChanged = current.IsArchived != (data.DeletedAt is not null);
        var updated = archivedChanged ? current.WithArchived(data, Version) : current.With(data);
        _byGuid[updated.Guid] = updated;
        _byNumber[IndexOfNumber(updated.Number)] = updated;
        for (var slot = 0; slot < FieldCount; slot++)
        {
            if (_sorted[slot] is not { } list) continue;
            var field = (OrderField)slot;
            var oldKey = KeyOf(field, current);
            var index = LowerBound(list, field, oldKey);
            if (oldKey == KeyOf(field, updated))
            {
                list[index] = updated;
                continue;
            }
            list.RemoveAt(index);
            list.Insert(LowerBound(list, field, KeyOf(field, updated)), updated);
        }
        if (archivedChanged)
        {
            if (updated.IsArchived) { Alive--; Archived++; }
            else { Alive++; Archived--; }
        }
        return updated;
    }

    public void Clear()
    {
        Version++;
        _byNumber.Clear();
        _byGuid.Clear();
        Array.Clear(_sorted);
        Alive = Archived = 0;
    }

    public Workplace[] Snapshot() => _byNumber.ToArray();

    public ListPage List(ListQuery query, long? snapshot, int? knownTotal, SortKey? after)
    {
        var snap = snapshot ?? Version;
        IReadOnlyList<Workplace> sorted = query.Field == OrderField.Number ? _byNumber : Sorted(query.Field);
        int index;
        if (after is not { } key) index = query.Descending ? sorted.Count - 1 : 0;
        else if (query.Descending) index = LowerBound(sorted, query.Field, key) - 1;
        else index = UpperBound(sorted, query.Field, key);

        var step = query.Descending ? -1 : 1;
        var items = new List<Workplace>(Math.Min(query.PageSize, 128));
        var hasMore = false;
        for (; index >= 0 && index < sorted.Count; index += step)
        {
            var workplace = sorted[index];
            if (!Matches(workplace, query, snap)) continue;
            if (items.Count == query.PageSize)
            {
                hasMore = true;
                break;
            }
            items.Add(workplace);
        }

        int total;
        if (knownTotal is { } known) total = known;
        else if (query.Query is null && snap == Version)
            total = query.Selection switch { Selection.AliveOnly => Alive, Selection.ArchivedOnly => Archived, _ => Count };
        else
        {
            total = 0;
            foreach (var workplace in _byNumber)
                if (Matches(workplace, query, snap)) total++;
        }
        return new ListPage(items.ToArray(), hasMore, total, snap);
    }

    public static SortKey KeyOf(OrderField field, Workplace workplace)
    {
        var d = workplace.Data;
        return field switch
        {
            OrderField.CreatedAt => new SortKey(d.Number, null, d.CreatedAt.UtcTicks),
            OrderField.UpdatedAt => new SortKey(d.Number, null, d.UpdatedAt.UtcTicks),
            OrderField.ActivatedAt => new SortKey(d.Number, null, d.ActivatedAt?.UtcTicks),
            OrderField.Name => new SortKey(d.Number, d.Name, null),
            OrderField.WorkplaceType => new SortKey(d.Number, d.WorkplaceType, null),
            _ => new SortKey(d.Number, null, null),
        };
    }

    private bool Matches(Workplace workplace, ListQuery query, long snap)
    {
        if (workplace.CreatedSequence > snap) return false;
        if (query.Selection != Selection.All)
        {
            var archived = snap >= Version ? workplace.IsArchived : workplace.WasArchivedAt(snap);
            if (archived != (query.Selection == Selection.ArchivedOnly)) return false;
        }
        return query.Query is null || workplace.SearchText.Contains(query.Query, StringComparison.Ordinal);
    }

    private static int Compare(OrderField field, Workplace workplace, SortKey key) => CompareKeys(field, KeyOf(field, workplace), key);

    // Optimized from the first call: the first sort of 100,000 workplaces would otherwise run it unoptimized.
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
        return primary != 0 ? primary : a.Number.CompareTo(b.Number);
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
    private static int UpperBound(IReadOnlyList<Workplace> sorted, OrderField field, SortKey key)
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
    private static int LowerBound(IReadOnlyList<Workplace> sorted, OrderField field, SortKey key)
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

    private List<Workplace> Sorted(OrderField field)
    {
        var slot = (int)field;
        if (_sorted[slot] is { } cached) return cached;
        var items = _byNumber.ToArray();
        var keys = Array.ConvertAll(items, w => KeyOf(field, w));
        Array.Sort(keys, items, Comparer<SortKey>.Create((a, b) => CompareKeys(field, a, b)));
        var list = new List<Workplace>(items);
        _sorted[slot] = list;
        return list;
    }

    private void Insert(Workplace workplace)
    {
        _byGuid.Add(workplace.Guid, workplace);
        if (_byNumber.Count == 0 || _byNumber[^1].Number < workplace.Number) _byNumber.Add(workplace);
        else
        {
            var index = ~IndexOfNumber(workplace.Number);
            if (index < 0) throw new InvalidOperationException($"Number {workplace.Number} is taken.");
            _byNumber.Insert(index, workplace);
        }
        for (var slot = 0; slot < FieldCount; slot++)
        {
            if (_sorted[slot] is { } list) list.Insert(UpperBound(list, (OrderField)slot, KeyOf((OrderField)slot, workplace)), workplace);
        }
        if (workplace.IsArchived) Archived++;
        else Alive++;
    }

    /// <summary>Binary search by number: the index, or the bitwise complement of the insertion point.</summary>
    private int IndexOfNumber(int number)
    {
        int low = 0, high = _byNumber.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var value = _byNumber[mid].Number;
            if (value == number) return mid;
            if (value < number) low = mid + 1;
            else high = mid - 1;
        }
        return ~low;
    }
}
