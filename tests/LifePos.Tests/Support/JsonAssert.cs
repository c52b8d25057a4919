using System.Text.Json;

namespace LifePos.Tests.Support;

/// <summary>Compares JSON by meaning: same members (any order), same array order, numbers by exact value.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        using var left = JsonDocument.Parse(expected);
        using var right = JsonDocument.Parse(actual);
        Assert.True(Same(left.RootElement, right.RootElement), $"JSON differs.\nExpected: {expected}\nActual:   {actual}");
    }

    private static bool Same(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var leftMembers = left.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var rightMembers = right.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                return leftMembers.Count == rightMembers.Count &&
                       leftMembers.All(pair => rightMembers.TryGetValue(pair.Key, out var other) && Same(pair.Value, other));
            case JsonValueKind.Array:
                return left.GetArrayLength() == right.GetArrayLength() &&
                       left.EnumerateArray().Zip(right.EnumerateArray()).All(pair => Same(pair.First, pair.Second));
            case JsonValueKind.Number:
                return left.TryGetDecimal(out var a) && right.TryGetDecimal(out var b)
                    ? a == b
                    : left.GetDouble().Equals(right.GetDouble());
            case JsonValueKind.String:
                return left.GetString() == right.GetString();
            default:
                return true;
        }
    }
}
