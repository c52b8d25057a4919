using System;
using System.Text.Json;

namespace LifePos.Emulator.State.Items;

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
        Answers.Json.WriteDate(writer, "created_at", data.CreatedAt, style);
        Answers.Json.WriteDate(writer, "updated_at", data.UpdatedAt, style);
        Answers.Json.WriteDate(writer, "deleted_at", data.DeletedAt, style);
        writer.WriteEndObject();
    }
}
