using System.Collections.Generic;
using System.Text.Json;

namespace LifePos.Emulator.Rules;

/// <summary>
/// Under <c>extensions=declared-only</c>, a create or JSON Patch that writes an extension the request does not name in
/// X-LP-Client-Extensions is refused (422 RequestIsNotValid), as public clients guard against by naming what they write.
/// </summary>
internal static class DeclaredExtensions
{
    private const string Path = "/extensions";

    /// <summary>Refuses a create whose extensions object has a name the request does not declare.</summary>
    public static void CheckCreate(IncomingRequest request, JsonElement extensions)
    {
        if (request.Style.Extensions != ExtensionAnswer.DeclaredOnly || extensions.ValueKind != JsonValueKind.Object) return;
        var declared = ItemView.Declared(request.Http);
        foreach (var property in extensions.EnumerateObject()) Require(declared, property.Name);
    }

    /// <summary>Refuses a patch with an operation on an extension the request does not declare.</summary>
    public static void CheckPatch(IncomingRequest request, JsonElement patch)
    {
        if (request.Style.Extensions != ExtensionAnswer.DeclaredOnly || patch.ValueKind != JsonValueKind.Array) return;
        var declared = ItemView.Declared(request.Http);
        foreach (var name in Written(patch)) Require(declared, name);
    }

    private static IEnumerable<string> Written(JsonElement patch)
    {
        foreach (var operation in patch.EnumerateArray())
        {
            if (operation.ValueKind != JsonValueKind.Object || !operation.TryGetProperty("path", out var pathValue) || pathValue.ValueKind != JsonValueKind.String)
                continue;
            var path = pathValue.GetString()!;
            if (path == Path && operation.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in value.EnumerateObject()) yield return property.Name;
            }
            else if (path.StartsWith(Path + "/", System.StringComparison.Ordinal))
            {
                var segment = path[(Path.Length + 1)..];
                var slash = segment.IndexOf('/');
                yield return (slash < 0 ? segment : segment[..slash]).Replace("~1", "/").Replace("~0", "~");
            }
        }
    }

    private static void Require(HashSet<string> declared, string name)
    {
        if (!declared.Contains(name))
            throw ApiException.Invalid($"Extension {name} is written but not named in the X-LP-Client-Extensions header; name every extension the request writes.");
    }
}
