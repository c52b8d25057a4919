using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Answers;

/// <summary>
/// How much of an item one request sees, as the presentation and extensions choices say: a GET without
/// <c>presentation=full</c> may get a compact item (no extensions, meta, meta_data, organization), and an answer may
/// show only the extensions the request names in X-LP-Client-Extensions. Under the defaults it shows everything and
/// items keep their pre-rendered bytes.
/// </summary>
internal sealed class ItemView
{
    public const string ExtensionsHeader = "X-LP-Client-Extensions";

    private static readonly string[] CompactLeavesOut = ["extensions", "meta", "meta_data", "organization"];
    private static readonly ItemView Everything = new(false, null);

    private readonly bool _compact;
    private readonly HashSet<string>? _declared;

    private ItemView(bool compact, HashSet<string>? declared)
    {
        _compact = compact;
        _declared = declared;
    }

    /// <summary>True when the item is shown as stored (the fast path).</summary>
    public bool ShowsAll => !_compact && _declared is null;

    /// <param name="listing">True for a list request (workplaces, employees, outlets), which <c>compact-lists</c> answers compact.</param>
    public static ItemView Of(HttpContext http, AnswerStyle style, bool listing)
    {
        var compact = HttpMethods.IsGet(http.Request.Method) && style.Presentation switch
        {
            PresentationDefault.CompactByDefault => http.Request.Query["presentation"].ToString() != "full",
            PresentationDefault.CompactLists => listing,
            _ => false,
        };
        var declared = style.Extensions == ExtensionAnswer.DeclaredOnly ? Declared(http) : null;
        return compact || declared is not null ? new ItemView(compact, declared) : Everything;
    }

    /// <summary>The extension names the request's X-LP-Client-Extensions header lists (comma-separated).</summary>
    public static HashSet<string> Declared(HttpContext http)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in http.Request.Headers[ExtensionsHeader])
            foreach (var name in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                names.Add(name);
        return names;
    }

    /// <summary>The item's JSON as this request sees it.</summary>
    public ReadOnlyMemory<byte> Apply(ReadOnlyMemory<byte> json)
    {
        if (ShowsAll) return json;
        var item = JsonNode.Parse(json.Span, null, Json.DocumentOptions)!.AsObject();
        if (_compact)
        {
            foreach (var field in CompactLeavesOut) item.Remove(field);
        }
        else if (item["extensions"] is JsonObject extensions)
        {
            var hidden = new List<string>();
            foreach (var (name, _) in extensions)
                if (!_declared!.Contains(name)) hidden.Add(name);
            foreach (var name in hidden) extensions.Remove(name);
        }
        return Json.Write(writer => item.WriteTo(writer));
    }
}
