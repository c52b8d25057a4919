using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LifePos.Emulator.Endpoints;

/// <summary>
/// The list machinery every list shares: query parameters, page tokens, the store's keyset page and the envelope.
/// </summary>
internal sealed class ListEndpoint
{
    private readonly EmulatorState _state;

    public ListEndpoint(EmulatorState state) => _state = state;

    public ApiResult List<TItem, TData>(IncomingRequest request, ListResource resource, ItemStore<TItem, TData> store)
        where TItem : ListItem<TData>
        where TData : class, IListData
    {
        var organization = request.Organization!;
        var parameters = request.Http.Request.Query;
        var now = _state.Clock.GetUtcNow();
        var pageSize = 20;
        if (parameters.TryGetValue("items_per_page", out var perPage) && !StringValues.IsNullOrEmpty(perPage)
            && (!int.TryParse(perPage, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
            throw ApiException.Invalid($"items_per_page must be an integer from 1 to 100; got '{perPage}'.");
        var includeTotal = IncludeTotal(parameters);
        if (parameters.TryGetValue("presentation", out var presentation) && !StringValues.IsNullOrEmpty(presentation)
            && presentation.ToString() is not ("compact" or "full"))
            throw ApiException.Invalid("presentation must be compact or full.");

        ListParameters query;
        PageCursor? cursor = null;
        var pageToken = parameters["page_token"].ToString();
        if (pageToken.Length > 0)
        {
            if (!_state.PageTokens.TryDecode(pageToken, now, out cursor) || cursor!.Organization != organization.Id || cursor.Kind != resource.Kind)
                throw ApiException.Invalid("page_token is not valid: it is forged, altered, from another organization or list, or stale (older than an hour or from before a reset). Start again without it.");
            query = cursor.Query;
            includeTotal |= cursor.IncludeTotal;
        }
        else
        {
            var (field, descending) = Order(parameters["order_by"], resource);
            query = new ListParameters(SelectionOf(parameters["selection"]), field, descending, pageSize, Query(parameters["query"]), DateRange.Parse(parameters));
        }

        ListPage<TItem> page;
        lock (organization.Lock)
        {
            page = store.List(query, cursor?.Snapshot, cursor?.Total, cursor?.After);
        }

        var pageNumber = cursor?.PageNumber ?? 1;
        var nextToken = "";
        if (page.HasMore && page.Items.Length > 0)
        {
            nextToken = _state.PageTokens.Encode(new PageCursor(organization.Id, resource.Kind, query, includeTotal, pageNumber + 1, page.Snapshot,
                page.Total, page.Items[^1].KeyOf(query.Field), now.ToUnixTimeSeconds()));
        }
        var pagesTotal = Math.Max(Math.Max(1, (page.Total + query.PageSize - 1) / query.PageSize), pageNumber);

        // Utf8JsonWriter reserves room for worst-case escaping (3 bytes a character) and asks for 4 KB more whenever
        // it runs short; without this slack the buffer doubles at the end of a page, onto the large object heap.
        var size = 4096 + 3 * nextToken.Length;
        foreach (var item in page.Items) size += item.Json.Length + 1;
        var style = request.Style;
        var preRendered = style.ItemsPreRendered;
        var view = request.View;
        return Envelope(style, size, page.Items.Length, writer =>
        {
            foreach (var item in page.Items)
            {
                if (view.ShowsAll) item.WriteTo(writer, style, preRendered);
                else writer.WriteRawValue(view.Apply(item.Render(style)).Span, skipInputValidation: true);
            }
        }, new PageInfo(nextToken, pageNumber, pagesTotal, query.PageSize, includeTotal ? page.Total : null, resource.TypeOf));
    }

    /// <summary>
    /// A list envelope: the items, then next_page_token, the page counters and type_of, shaped by the answer style's
    /// items, end-token, page-fields and numbers choices.
    /// </summary>
    public static ApiResult Envelope(AnswerStyle style, int sizeHint, int count, Action<Utf8JsonWriter> writeItems, PageInfo page)
    {
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer, Json.WriterOptions))
        {
            writer.WriteStartObject();
            if (count > 0 || style.Items == EmptyItems.Array)
            {
                writer.WriteStartArray("items");
                writeItems(writer);
                writer.WriteEndArray();
            }
            else if (style.Items == EmptyItems.NullOnEmpty) writer.WriteNull("items");
            if (page.NextToken.Length > 0 || style.EndToken == EndToken.Empty) writer.WriteString("next_page_token", page.NextToken);
            else if (style.EndToken == EndToken.Null) writer.WriteNull("next_page_token");
            if (style.PageFields == PageFields.Present)
            {
                Json.WriteCount(writer, "page_number", page.PageNumber, style);
                Json.WriteCount(writer, "pages_total", page.PagesTotal, style);
                Json.WriteCount(writer, "items_per_page", page.PerPage, style);
                if (page.Total is { } total) Json.WriteCount(writer, "items_total", total, style);
                else writer.WriteNull("items_total");
            }
            writer.WriteString("type_of", page.TypeOf);
            writer.WriteEndObject();
        }
        return ApiResult.Ok(buffer.WrittenMemory);
    }

    public static bool IncludeTotal(IQueryCollection parameters)
    {
        var text = parameters["include_items_total"].ToString();
        if (text.Length == 0) return false;
        if (!bool.TryParse(text, out var include)) throw ApiException.Invalid("include_items_total must be true or false.");
        return include;
    }

    private static Selection SelectionOf(StringValues value) => value.ToString() switch
    {
        "" or "alive_only" => Selection.AliveOnly,
        "archived_only" => Selection.ArchivedOnly,
        "all" => Selection.All,
        var other => throw ApiException.Invalid($"selection must be alive_only, archived_only or all; got '{other}'."),
    };

    private static string? Query(StringValues value)
    {
        var text = value.ToString();
        if (text.Length > 64) throw ApiException.Invalid($"query must be at most 64 characters; got {text.Length}.");
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
    }

    private static (OrderField Field, bool Descending) Order(StringValues value, ListResource resource)
    {
        var text = value.ToString();
        if (text.Length == 0) return (OrderField.Key, false);
        var descending = text.EndsWith("_desc", StringComparison.Ordinal);
        if (!descending && !text.EndsWith("_asc", StringComparison.Ordinal))
            throw ApiException.Invalid($"order_by must be <field>_asc or <field>_desc; got '{text}'.");
        if (!resource.Orders.TryGetValue(text[..text.LastIndexOf('_')], out var field))
            throw ApiException.Invalid($"order_by field must be {string.Join(", ", resource.Orders.Keys)}; got '{text}'.");
        return (field, descending);
    }
}
