using System;
using System.Text.Json;

namespace LifePos.Emulator;

/// <summary>The stored fields every listed resource has.</summary>
internal interface IListData
{
    Guid Guid { get; }

    /// <summary>Unique within the list; breaks ties in every order.</summary>
    int Key { get; }

    /// <summary>What name_asc and name_desc sort by (case-insensitively, nulls first).</summary>
    string? Name { get; }

    DateTimeOffset CreatedAt { get; }
    DateTimeOffset UpdatedAt { get; }
    DateTimeOffset? DeletedAt { get; }
}

/// <summary>When the archived state changed, by change sequence; paging reads the state as of its snapshot.</summary>
internal readonly record struct ArchiveChange(long Sequence, bool Archived);

/// <summary>Where an item came in (the change sequence) and each change of its archived state since.</summary>
internal sealed class ItemHistory
{
    private ItemHistory(long createdSequence, ArchiveChange[] changes)
    {
        CreatedSequence = createdSequence;
        Changes = changes;
    }

    public long CreatedSequence { get; }
    public ArchiveChange[] Changes { get; }

    public static ItemHistory Created(long sequence, bool archived) => new(sequence, [new ArchiveChange(sequence, archived)]);

    public ItemHistory WithArchived(long sequence, bool archived)
    {
        var changes = new ArchiveChange[Changes.Length + 1];
        Changes.CopyTo(changes, 0);
        changes[^1] = new ArchiveChange(sequence, archived);
        return new ItemHistory(CreatedSequence, changes);
    }

    public bool WasArchivedAt(long sequence)
    {
        var archived = false;
        foreach (var change in Changes)
        {
            if (change.Sequence > sequence) break;
            archived = change.Archived;
        }
        return archived;
    }
}

/// <summary>
/// An item whose JSON is rendered once in the default answer style, so a list page copies bytes instead of
/// serializing; other styles (dates, numbers, enums) render it again.
/// </summary>
internal abstract class RenderedItem
{
    protected RenderedItem(byte[] json) => Json = json;

    /// <summary>The JSON in the default answer style.</summary>
    public byte[] Json { get; }

    public abstract void WriteTo(Utf8JsonWriter writer, AnswerStyle style);

    /// <summary>The JSON in the given style: the pre-rendered bytes when they look the same.</summary>
    public ReadOnlyMemory<byte> Render(AnswerStyle style) => style.ItemsPreRendered ? Json : Emulator.Json.Write(w => WriteTo(w, style));

    public void WriteTo(Utf8JsonWriter writer, AnswerStyle style, bool preRendered)
    {
        if (preRendered) writer.WriteRawValue(Json, skipInputValidation: true);
        else WriteTo(writer, style);
    }
}

/// <summary>One immutable version of a listed item: its data, history, pre-rendered JSON and search text.</summary>
internal abstract class ListItem<TData> : RenderedItem where TData : class, IListData
{
    protected ListItem(TData data, ItemHistory history, byte[] json, string searchText) : base(json)
    {
        Data = data;
        History = history;
        SearchText = searchText;
    }

    public TData Data { get; }
    public ItemHistory History { get; }

    /// <summary>Lower-case text that <c>query</c> searches as a substring.</summary>
    public string SearchText { get; }

    public Guid Guid => Data.Guid;
    public int Key => Data.Key;
    public bool IsArchived => Data.DeletedAt is not null;

    public SortKey KeyOf(OrderField field) => field switch
    {
        OrderField.Key => new SortKey(Key, null, null),
        OrderField.CreatedAt => new SortKey(Key, null, Data.CreatedAt.UtcTicks),
        OrderField.UpdatedAt => new SortKey(Key, null, Data.UpdatedAt.UtcTicks),
        OrderField.Name => new SortKey(Key, Data.Name, null),
        _ => OwnKey(field),
    };

    /// <summary>The sort key of an order only this kind of item has (a workplace's type and activation).</summary>
    protected virtual SortKey OwnKey(OrderField field) =>
        throw new ArgumentOutOfRangeException(nameof(field), field, $"{GetType().Name} lists have no such order.");

    /// <summary>Every item starts with guid and type_of.</summary>
    protected static void WriteStart(Utf8JsonWriter writer, TData data, string typeOf)
    {
        writer.WriteStartObject();
        writer.WriteString("guid", data.Guid);
        writer.WriteString("type_of", typeOf);
    }

    /// <summary>Every item ends with created_at, updated_at and deleted_at.</summary>
    protected static void WriteEnd(Utf8JsonWriter writer, TData data, AnswerStyle style)
    {
        Emulator.Json.WriteDate(writer, "created_at", data.CreatedAt, style);
        Emulator.Json.WriteDate(writer, "updated_at", data.UpdatedAt, style);
        Emulator.Json.WriteDate(writer, "deleted_at", data.DeletedAt, style);
        writer.WriteEndObject();
    }
}
