using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using LifePos.Core.Http;
using LifePos.Core.Json;
using LifePos.Core.Paging;

namespace LifePos.Core.Resources
{
    /// <summary>Any other endpoint (Invoke-LifePosRequest), with the same headers, token, retries and errors.</summary>
    internal sealed class RawClient
    {
        // What tells a list page without items from any other object; TryGetProperty compares names without decoding them.
        private static readonly string[] PageFields = { "next_page_token", "page_number", "pages_total", "items_total" };

        private readonly ApiConnection _api;

        public RawClient(ApiConnection api)
        {
            _api = api;
        }

        public async Task<JsonElement?> SendAsync(string method, string pathAndQuery, string? jsonBody, RequestContext context)
        {
            var request = Describe(method, pathAndQuery, jsonBody);
            return ResponseReader.ParseAny(request, await _api.SendAsync(request, context).ConfigureAwait(false));
        }

        /// <summary>The <c>items</c> of every page of a list; an answer that is not a list comes out whole, once.</summary>
        public Pageable<JsonElement> AllPages(string pathAndQuery, RequestContext context)
        {
            var first = Describe("GET", pathAndQuery, null).PathAndQuery;
            var separator = first.IndexOf('?') >= 0 ? "&" : "?";
            return new Pageable<JsonElement>(
                async (pageToken, cancellationToken) =>
                {
                    var path = pageToken is null ? first : first + separator + "page_token=" + Uri.EscapeDataString(pageToken);
                    var request = new ApiRequest(HttpMethod.Get, path, RetryMode.Repeatable);
                    var response = await _api.SendAsync(request, context.WithCancellation(cancellationToken)).ConfigureAwait(false);
                    return ToPage(request, response, ResponseReader.ParseAny(request, response));
                },
                SecretRedactor.Redact(first),
                JsonText.IdOf,
                context.CancellationToken);
        }

        /// <summary>
        /// GET, PUT, PATCH, DELETE, <c>:unarchive</c> and <c>:deactivate</c> are repeated after any transient failure;
        /// other POSTs only when the server certainly did not act. <c>/auth/</c> paths go without the token.
        /// </summary>
        internal static ApiRequest Describe(string method, string pathAndQuery, string? jsonBody)
        {
            if (string.IsNullOrWhiteSpace(method))
            {
                throw new ArgumentException("The HTTP method must not be empty.", nameof(method));
            }

            if (string.IsNullOrWhiteSpace(pathAndQuery) || pathAndQuery.Contains("://") || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    "The path must be relative to the connection's address, e.g. /orgs or /orgs/{org}/workplaces; the token is never sent to other hosts.",
                    nameof(pathAndQuery));
            }

            var path = pathAndQuery.Trim();
            if (path[0] != '/')
            {
                path = "/" + path;
            }

            var verb = method.Trim().ToUpperInvariant();
            var signInOrActivation = path.IndexOf("/auth/", StringComparison.OrdinalIgnoreCase) >= 0;
            var repeatable = verb != "POST" || path.EndsWith(":unarchive", StringComparison.Ordinal) || path.EndsWith(":deactivate", StringComparison.Ordinal);
            return new ApiRequest(new HttpMethod(verb), path, repeatable ? RetryMode.Repeatable : RetryMode.OnlyIfNotActed)
            {
                Body = jsonBody is null ? null : Encoding.UTF8.GetBytes(jsonBody),
                ContentType = verb == "PATCH" ? JsonMedia.JsonPatch : JsonMedia.Json,
                Authenticated = !signInOrActivation,
                ResponseHasSecrets = signInOrActivation || path.EndsWith(":generate-activation-code", StringComparison.Ordinal),
            };
        }

        private static Page<JsonElement> ToPage(ApiRequest request, ApiResponse response, JsonElement? root)
        {
            if (root is not { } page)
            {
                return new Page<JsonElement>(Array.Empty<JsonElement>(), null, null, null);
            }

            if (page.ValueKind != JsonValueKind.Object)
            {
                return new Page<JsonElement>(new[] { page }, null, null, null);
            }

            if (!page.TryGetProperty("items", out var items))
            {
                // A server may leave items out of an empty page; a page still says it is one by its token, its counts or
                // its type_of ("WorkplaceList"). Any other object is the answer itself, written as one item.
                if (!LooksLikeAPage(page))
                {
                    return new Page<JsonElement>(new[] { page }, null, null, null);
                }
            }
            else if (items.ValueKind != JsonValueKind.Array && items.ValueKind != JsonValueKind.Null)
            {
                return new Page<JsonElement>(new[] { page }, null, null, null);
            }

            var list = new List<JsonElement>();
            if (items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    list.Add(item);
                }
            }

            string? next = null;
            if (page.TryGetProperty("next_page_token", out var token) && token.ValueKind == JsonValueKind.String)
            {
                try
                {
                    next = token.GetString();
                }
                catch (InvalidOperationException error)
                {
                    // Bytes that are not UTF-8, or an escaped lone surrogate: no token the next request could send.
                    throw FailureMessages.InvalidResponse(request, response, "a list page with a readable next_page_token", error);
                }
            }

            return new Page<JsonElement>(list, next, null, null);
        }

        private static bool LooksLikeAPage(JsonElement page)
        {
            foreach (var field in PageFields)
            {
                if (page.TryGetProperty(field, out _))
                {
                    return true;
                }
            }

            return page.TryGetProperty("type_of", out var typeOf) && JsonText.Of(typeOf) is { } type && type.EndsWith("List", StringComparison.Ordinal);
        }
    }
}
