using System.Collections.Generic;

namespace LifePos.Emulator.Endpoints;

/// <summary>What one kind of list differs in: its kind in page tokens, the envelope's type_of and the orders it accepts.</summary>
internal sealed record ListResource(ListKind Kind, string TypeOf, IReadOnlyDictionary<string, OrderField> Orders)
{
    /// <summary>A list ordered by created_at, updated_at, name and <paramref name="more"/>.</summary>
    public static ListResource Of(ListKind kind, string typeOf, params (string Name, OrderField Field)[] more)
    {
        var orders = new Dictionary<string, OrderField>
        {
            ["created_at"] = OrderField.CreatedAt,
            ["updated_at"] = OrderField.UpdatedAt,
            ["name"] = OrderField.Name,
        };
        foreach (var (name, field) in more) orders.Add(name, field);
        return new ListResource(kind, typeOf, orders);
    }
}
