using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;

namespace LifePos.Core.Resources
{
    /// <summary>How every list is read: the first page with its query, later pages by their token, each page mapped to items.</summary>
    internal static class ListPages
    {
        /// <param name="path">The list's path, e.g. <c>/orgs/{org}/employees</c>.</param>
        /// <param name="query">Its filters; the first page sends them, later pages only the token (which carries them).</param>
        /// <param name="itemType">How one item is read; each is read on its own, so an item that cannot be read fails alone.</param>
        /// <param name="noun">What one item is, for messages: "employee" (a page is "a list of employees").</param>
        public static Func<string?, CancellationToken, Task<Page<TItem>>> Fetcher<TDto, TItem>(
            ApiConnection api, string path, ListQuery? query, JsonTypeInfo<TDto> itemType, string noun, Func<TDto, TItem> map, RequestContext context)
            where TDto : class
        {
            var firstPage = path + (query?.ToQueryString() ?? string.Empty);
            var includeTotal = query?.IncludeItemsTotal ?? false;
            return async (pageToken, cancellationToken) =>
            {
                var pathAndQuery = pageToken is null
                    ? firstPage
                    : path + new ListQueryString().Add("page_token", pageToken).AddFlag("include_items_total", includeTotal);
                var request = new ApiRequest(HttpMethod.Get, pathAndQuery, RetryMode.Repeatable);
                var response = await api.SendAsync(request, context.WithCancellation(cancellationToken)).ConfigureAwait(false);
                var list = ResponseReader.Parse(request, response, LifePosJsonContext.Default.ListDtoJsonElement, "a list of " + noun + "s");
                var items = new List<TItem>(list.Items?.Count ?? 0);
                List<UnreadableItem>? unreadable = null;
                foreach (var element in list.Items ?? new List<JsonElement>())
                {
                    if (element.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    try
                    {
                        items.Add(map(JsonSerializer.Deserialize(element, itemType) ?? throw new JsonException("The item is null.")));
                    }
                    catch (Exception error) when (ResponseReader.IsUnreadable(error))
                    {
                        (unreadable ??= new List<UnreadableItem>()).Add(UnreadableItem.Of(element, noun, request.Method.Method, request.LoggedPath, error));
                    }
                }

                return new Page<TItem>(items, list.NextPageToken, list.PagesTotal, list.ItemsTotal, unreadable);
            };
        }

        /// <summary>The first page's path, secrets masked, for a repeated-token message.</summary>
        public static string Described(string path, ListQuery? query) => SecretRedactor.Redact(path + (query?.ToQueryString() ?? string.Empty));
    }
}
