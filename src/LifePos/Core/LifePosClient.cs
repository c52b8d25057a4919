using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core.Json;

namespace LifePos.Core
{
    /// <summary>
    /// The LIFE POS API v6 client: one reused HttpClient per connection, retries, paging and error mapping.
    /// Thread-safe; every call takes a <see cref="RequestContext"/> as its last parameter.
    /// </summary>
    public sealed partial class LifePosClient : IDisposable
    {
        public const string ProductionUri = "https://api.life-pos.ru";
        public const string TestUri = "https://api-dev.life-pos.ru";

        private const string JsonMediaType = "application/json";
        private const string JsonPatchMediaType = "application/json-patch+json";

        // Clock difference tolerated when deciding whether a workplace found by name is the one a lost create made.
        private static readonly TimeSpan CreateLookupClockSkew = TimeSpan.FromMinutes(10);
        // How many workplaces this client remembers having created, so a lost create's lookup never mistakes one of them
        // (a namesake from the same run) for the workplace it is looking for.
        private const int RememberedCreates = 100_000;

        private static readonly Regex PhoneLike = new Regex(@"^\+?[0-9\s\-()]{10,18}$", RegexOptions.CultureInvariant);

        private readonly ConcurrentDictionary<Guid, byte> _created = new ConcurrentDictionary<Guid, byte>();
        private readonly ConcurrentQueue<Guid> _createdOrder = new ConcurrentQueue<Guid>();

        private LifePosClient()
        {
        }

        private LifePosClientOptions _settings = null!;

        /// <summary>A copy of the settings the client was created with (without the token); changing it changes nothing.</summary>
        public LifePosClientOptions Options => _settings.Clone();

        /// <summary>Retries made by this client so far (all contexts).</summary>
        public long RetryCount => Interlocked.Read(ref _retryCount);

        /// <summary>True when the client holds a token (given, or from signing in).</summary>
        public bool HasToken => Volatile.Read(ref _token) != null;

        public static Uri GetBaseUri(LifePosEnvironment environment) => environment switch
        {
            LifePosEnvironment.Production => new Uri(ProductionUri),
            LifePosEnvironment.Test => new Uri(TestUri),
            _ => throw new LifePosConfigurationException("A custom environment needs an explicit base address (-BaseUri)."),
        };

        /// <summary>Validates the options (https unless loopback, limits) and creates the client.</summary>
        public static LifePosClient Create(LifePosClientOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var settings = options.Clone();
            ValidateBaseUri(settings.BaseUri);
            if (settings.MaxRetries < 1)
            {
                throw new LifePosConfigurationException("MaxRetries counts every try including the first; it must be 1 or more.");
            }

            if (settings.MaxRetryDelay < TimeSpan.Zero || settings.RetryBaseDelay < TimeSpan.Zero)
            {
                throw new LifePosConfigurationException("Retry delays must not be negative.");
            }

            if (settings.Timeout <= TimeSpan.Zero)
            {
                throw new LifePosConfigurationException("The timeout must be longer than zero.");
            }

            if (string.IsNullOrWhiteSpace(settings.Language))
            {
                throw new LifePosConfigurationException("The language must be set, e.g. ru-RU or en-US.");
            }

            if (settings.ClientIdentifier == Guid.Empty)
            {
                settings.ClientIdentifier = Guid.NewGuid();
            }

            var client = new LifePosClient();
            if (settings.Token != null)
            {
                if (settings.Token.Length == 0)
                {
                    throw new LifePosConfigurationException("The token is empty.");
                }

                client.SetToken(settings.Token.Copy());
                settings.Token = null;
            }

            client._settings = settings;
            client._http = CreateHttpClient(settings);
            var headers = new StringBuilder();
            foreach (var header in client._http.DefaultRequestHeaders)
            {
                headers.Append(header.Key).Append(": ").AppendLine(string.Join(", ", header.Value));
            }

            client._defaultHeadersText = headers.ToString();
            return client;
        }

        /// <summary>Signs in with <see cref="LifePosClientOptions.SignIn"/>, keeps the new token, and returns a copy of it.</summary>
        public async Task<SecureString> SignInAsync(RequestContext context)
        {
            if (_settings.SignIn is null)
            {
                throw new LifePosConfigurationException("Signing in needs a login and password (-Credential).");
            }

            await _signInGate.WaitAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                await SignInCoreAsync(context).ConfigureAwait(false);
            }
            finally
            {
                _signInGate.Release();
            }

            var copy = Volatile.Read(ref _token)!.Copy();
            copy.MakeReadOnly();
            return copy;
        }

        public async Task<IReadOnlyList<Organization>> GetOrganizationsAsync(RequestContext context)
        {
            var organizations = new List<Organization>();
            string? pageToken = null;
            do
            {
                var path = "/orgs" + (pageToken is null ? string.Empty : "?page_token=" + Uri.EscapeDataString(pageToken));
                var call = new ApiCall(HttpMethod.Get, path, RetryMode.Repeatable);
                var response = await SendAsync(call, context).ConfigureAwait(false);
                var list = Parse(call, response, LifePosJsonContext.Default.OrganizationListDto, "a list of organizations");
                foreach (var item in list.Items ?? new List<OrganizationDto>())
                {
                    organizations.Add(new Organization { Id = item.Guid, Name = item.Name });
                }

                pageToken = string.IsNullOrEmpty(list.NextPageToken) || list.Items is null || list.Items.Count == 0 ? null : list.NextPageToken;
            }
            while (pageToken != null);
            return organizations;
        }

        public WorkplacePager ListWorkplaces(Guid organizationId, WorkplaceListQuery query, RequestContext context)
        {
            if (query is null)
            {
                throw new ArgumentNullException(nameof(query));
            }

            var firstPage = WorkplacesPath(organizationId) + ListQueryString(query);
            var includeTotal = query.IncludeItemsTotal;
            return new WorkplacePager(
                (pageToken, cancellationToken) => FetchWorkplacePageAsync(
                    organizationId,
                    pageToken is null
                        ? firstPage
                        : WorkplacesPath(organizationId) + "?page_token=" + Uri.EscapeDataString(pageToken) + (includeTotal ? "&include_items_total=true" : string.Empty),
                    context.WithCancellation(cancellationToken)),
                context.CancellationToken);
        }

        public async Task<Workplace> GetWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context)
        {
            var call = new ApiCall(HttpMethod.Get, WorkplacePath(organizationId, workplaceId), RetryMode.Repeatable);
            return ToWorkplace(call, await SendAsync(call, context).ConfigureAwait(false), organizationId);
        }

        public async Task<Workplace> CreateWorkplaceAsync(Guid organizationId, WorkplaceCreateRequest body, RequestContext context)
        {
            if (body is null)
            {
                throw new ArgumentNullException(nameof(body));
            }

            var started = DateTimeOffset.UtcNow;
            var call = new ApiCall(HttpMethod.Post, WorkplacesPath(organizationId), RetryMode.OnlyIfNotActed)
            {
                Body = SerializeCreate(body),
                ContentType = JsonMediaType,
                MayHaveHappened = "The workplace may have been created",
                CheckFirst = "look for it with Get-LifePosWorkplace before creating it again",
            };
            if (!string.IsNullOrEmpty(body.Name))
            {
                var name = body.Name!;
                call.ResolveAmbiguous = lookupContext => FindCreatedWorkplaceAsync(organizationId, name, started, lookupContext);
            }
            else
            {
                call.MayHaveHappened = "The workplace may have been created (it has no name to look it up by)";
            }

            var workplace = ToWorkplace(call, await SendAsync(call, context).ConfigureAwait(false), organizationId);
            RememberCreated(workplace.Id);
            return workplace;
        }

        public async Task<Workplace> UpdateWorkplaceAsync(
            Guid organizationId, Guid workplaceId, IReadOnlyList<JsonPatchOperation> patch, RequestContext context)
        {
            if (patch is null || patch.Count == 0)
            {
                throw new ArgumentException("An update needs at least one patch operation.", nameof(patch));
            }

            var call = new ApiCall(new HttpMethod("PATCH"), WorkplacePath(organizationId, workplaceId), RetryMode.Repeatable)
            {
                Body = SerializePatch(patch),
                ContentType = JsonPatchMediaType,
            };
            return ToWorkplace(call, await SendAsync(call, context).ConfigureAwait(false), organizationId);
        }

        /// <summary>Archives the workplace; null when the server answers with an empty body.</summary>
        public async Task<Workplace?> ArchiveWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context)
        {
            var call = new ApiCall(HttpMethod.Delete, WorkplacePath(organizationId, workplaceId), RetryMode.Repeatable);
            var response = await SendAsync(call, context).ConfigureAwait(false);
            return IsBlank(response.Body) ? null : ToWorkplace(call, response, organizationId);
        }

        public Task<Workplace> UnarchiveWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            WorkplaceActionAsync(organizationId, workplaceId, ":unarchive", context);

        public Task<Workplace> DeactivateWorkplaceAsync(Guid organizationId, Guid workplaceId, RequestContext context) =>
            WorkplaceActionAsync(organizationId, workplaceId, ":deactivate", context);

        public async Task<string> GenerateActivationCodeAsync(
            Guid organizationId, Guid workplaceId, Guid employeeId, Guid? outletId, bool sendSms, RequestContext context)
        {
            var request = new GenerateActivationCodeRequestDto
            {
                Employee = new ReferenceDto(employeeId, "Employee"),
                SendSms = sendSms,
                Outlet = outletId is { } outlet ? new ReferenceDto(outlet, "Outlet") : null,
            };
            var call = new ApiCall(
                HttpMethod.Post, "/v6" + WorkplacePath(organizationId, workplaceId) + ":generate-activation-code", RetryMode.OnlyIfNotActed)
            {
                Body = JsonSerializer.SerializeToUtf8Bytes(request, LifePosJsonContext.Default.GenerateActivationCodeRequestDto),
                ContentType = JsonMediaType,
                MayHaveHappened = "An activation code may have been generated" + (sendSms ? " and sent by SMS" : string.Empty),
            };
            var response = await SendAsync(call, context).ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("activation_code", out var code))
                {
                    var text = code.ValueKind switch
                    {
                        JsonValueKind.String => code.GetString(),
                        JsonValueKind.Number => code.GetRawText(),
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(text))
                    {
                        return text!;
                    }
                }
            }
            catch (JsonException error)
            {
                throw InvalidResponse(call, response, "an activation code", error);
            }

            throw InvalidResponse(call, response, "an activation code");
        }

        public async Task<WorkplaceActivation> ActivateWorkplaceAsync(string activationCode, RequestContext context)
        {
            if (string.IsNullOrWhiteSpace(activationCode))
            {
                throw new ArgumentException("The activation code must not be empty.", nameof(activationCode));
            }

            var call = new ApiCall(HttpMethod.Post, "/v6/auth/activate-workplace", RetryMode.OnlyIfNotActed)
            {
                Body = JsonSerializer.SerializeToUtf8Bytes(
                    new ActivateWorkplaceRequestDto { ActivationCode = activationCode.Trim() },
                    LifePosJsonContext.Default.ActivateWorkplaceRequestDto),
                ContentType = JsonMediaType,
                Authenticated = false,
                ResponseHasSecrets = true,
                MayHaveHappened = "The workplace may have been activated (the code is then used up)",
            };
            var response = await SendAsync(call, context).ConfigureAwait(false);
            var answer = Parse(call, response, LifePosJsonContext.Default.ActivateWorkplaceResponseDto, "an activation answer");
            SecureString? token;
            try
            {
                token = ReadSecretField(response.Body, "token");
            }
            catch (JsonException error)
            {
                throw InvalidResponse(call, response, "an activation answer with a token", error);
            }

            if (token is null)
            {
                throw InvalidResponse(call, response, "an activation answer with a token");
            }

            Array.Clear(response.Body, 0, response.Body.Length);

            return new WorkplaceActivation(
                answer.Workplace.Guid, answer.Organization?.Guid ?? Guid.Empty, answer.Outlet?.Guid, answer.Employee?.Guid, token);
        }

        /// <summary>
        /// Sends any request to the service (path relative to the base address, e.g. <c>/orgs</c>); returns the
        /// answer's JSON, or null for an empty body. GET, PUT, PATCH, DELETE, <c>:unarchive</c> and
        /// <c>:deactivate</c> are retried on every transient failure; other POSTs only when the server certainly did not act.
        /// </summary>
        public async Task<JsonElement?> SendRawAsync(string method, string pathAndQuery, string? jsonBody, RequestContext context)
        {
            var call = RawCall(method, pathAndQuery, jsonBody);
            var response = await SendAsync(call, context).ConfigureAwait(false);
            return ParseRaw(call, response);
        }

        /// <summary>GETs a list path and yields the <c>items</c> of every page, following <c>next_page_token</c>.</summary>
        public IEnumerable<JsonElement> SendRawAllPages(string pathAndQuery, RequestContext context)
        {
            var first = RawCall("GET", pathAndQuery, null);
            string? pageToken = null;
            do
            {
                var path = pageToken is null
                    ? first.PathAndQuery
                    : first.PathAndQuery + (first.PathAndQuery.IndexOf('?') >= 0 ? "&" : "?") + "page_token=" + Uri.EscapeDataString(pageToken);
                var call = new ApiCall(HttpMethod.Get, path, RetryMode.Repeatable);
                var response = SendAsync(call, context).GetAwaiter().GetResult();
                var root = ParseRaw(call, response);
                pageToken = null;
                if (root is not { } page)
                {
                    yield break;
                }

                if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("items", out var items) ||
                    (items.ValueKind != JsonValueKind.Array && items.ValueKind != JsonValueKind.Null))
                {
                    yield return page;
                    yield break;
                }

                if (items.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        yield return item;
                    }

                    if (items.GetArrayLength() > 0 && page.TryGetProperty("next_page_token", out var next) &&
                        next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } token)
                    {
                        pageToken = token;
                    }
                }
            }
            while (pageToken != null);
        }

        public void Dispose()
        {
            _http?.Dispose();
        }

        internal static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback)
            {
                return true;
            }

            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        }

        private static void ValidateBaseUri(Uri? uri)
        {
            if (uri is null || !uri.IsAbsoluteUri)
            {
                throw new LifePosConfigurationException("The base address must be an absolute URL such as https://api.life-pos.ru.");
            }

            if (uri.Scheme == Uri.UriSchemeHttps)
            {
                return;
            }

            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new LifePosConfigurationException("The base address must use https, not " + uri.Scheme + ": " + uri.GetLeftPart(UriPartial.Authority) + ".");
            }

            if (!IsLoopback(uri))
            {
                throw new LifePosConfigurationException(
                    "Refusing to send the token over plain http to " + uri.Host + ": use https. Plain http is allowed only for a local emulator on a loopback address (127.0.0.1, ::1, localhost).");
            }
        }

        private static HttpClient CreateHttpClient(LifePosClientOptions options)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            try
            {
                handler.MaxConnectionsPerServer = options.MaxConnectionsPerServer;
            }
            catch (PlatformNotSupportedException)
            {
                // Windows PowerShell's handler sizes its pool through ServicePointManager instead.
            }

            var http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            var headers = http.DefaultRequestHeaders;
            headers.TryAddWithoutValidation("X-LP-Client-Identifier", options.ClientIdentifier.ToString("D"));
            headers.TryAddWithoutValidation("X-LP-Client-Type", "Service");
            headers.TryAddWithoutValidation("X-LP-Client-Name", ModuleInfo.Name);
            headers.TryAddWithoutValidation("Accept-Language", options.Language);
            headers.TryAddWithoutValidation("Accept", JsonMediaType);
            var version = typeof(LifePosClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            headers.TryAddWithoutValidation("User-Agent", ModuleInfo.Name + "/" + version);
            return http;
        }

        private static string WorkplacesPath(Guid organizationId) => "/orgs/" + organizationId.ToString("D") + "/workplaces";

        private static string WorkplacePath(Guid organizationId, Guid workplaceId) =>
            WorkplacesPath(organizationId) + "/" + workplaceId.ToString("D");

        private static string ListQueryString(WorkplaceListQuery query)
        {
            var text = new StringBuilder("?items_per_page=").Append(query.PageSize.ToString(CultureInfo.InvariantCulture));
            text.Append("&selection=").Append(query.Selection switch
            {
                WorkplaceSelection.ArchivedOnly => "archived_only",
                WorkplaceSelection.All => "all",
                _ => "alive_only",
            });
            if (!string.IsNullOrEmpty(query.Query))
            {
                text.Append("&query=").Append(Uri.EscapeDataString(query.Query));
            }

            if (query.OrderBy is { } order)
            {
                text.Append("&order_by=").Append(OrderName(order));
            }

            if (query.IncludeItemsTotal)
            {
                text.Append("&include_items_total=true");
            }

            return text.ToString();
        }

        /// <summary><c>CreatedAtDesc</c> → <c>created_at_desc</c>.</summary>
        internal static string OrderName(WorkplaceOrder order)
        {
            var name = order.ToString();
            var text = new StringBuilder(name.Length + 4);
            for (var index = 0; index < name.Length; index++)
            {
                if (char.IsUpper(name[index]) && index > 0)
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(name[index]));
            }

            return text.ToString();
        }

        private async Task<Workplace> WorkplaceActionAsync(Guid organizationId, Guid workplaceId, string action, RequestContext context)
        {
            var call = new ApiCall(HttpMethod.Post, WorkplacePath(organizationId, workplaceId) + action, RetryMode.Repeatable);
            return ToWorkplace(call, await SendAsync(call, context).ConfigureAwait(false), organizationId);
        }

        private async Task<WorkplacePage> FetchWorkplacePageAsync(Guid organizationId, string path, RequestContext context)
        {
            var call = new ApiCall(HttpMethod.Get, path, RetryMode.Repeatable);
            var response = await SendAsync(call, context).ConfigureAwait(false);
            var list = Parse(call, response, LifePosJsonContext.Default.WorkplaceListDto, "a list of workplaces");
            var items = new List<Workplace>(list.Items?.Count ?? 0);
            foreach (var item in list.Items ?? new List<WorkplaceDto>())
            {
                items.Add(ToWorkplace(item, organizationId));
            }

            return new WorkplacePage(items, list.NextPageToken, list.PagesTotal, list.ItemsTotal);
        }

        /// <summary>After a lost create answer: the alive workplace with exactly this name made by that create, if any.</summary>
        private async Task<ApiResponse?> FindCreatedWorkplaceAsync(Guid organizationId, string name, DateTimeOffset started, RequestContext context)
        {
            var search = name.Length > 64 ? name.Substring(0, 64) : name;
            var path = WorkplacesPath(organizationId) + "?items_per_page=100&selection=alive_only&order_by=created_at_desc&query=" +
                       Uri.EscapeDataString(search);
            while (true)
            {
                var call = new ApiCall(HttpMethod.Get, path, RetryMode.Repeatable);
                var response = await SendAsync(call, context).ConfigureAwait(false);
                var list = Parse(call, response, LifePosJsonContext.Default.WorkplaceListDto, "a list of workplaces");
                foreach (var item in list.Items ?? new List<WorkplaceDto>())
                {
                    if (item.DeletedAt is null && string.Equals(item.Name, name, StringComparison.Ordinal) &&
                        item.CreatedAt >= started - CreateLookupClockSkew && !_created.ContainsKey(item.Guid))
                    {
                        var found = JsonSerializer.SerializeToUtf8Bytes(item, LifePosJsonContext.Default.WorkplaceDto);
                        return new ApiResponse(200, found, JsonMediaType, response.Attempts);
                    }
                }

                // Newest first: once a page holds workplaces older than the create, the rest are older too.
                if (string.IsNullOrEmpty(list.NextPageToken) || list.Items is null || list.Items.Count == 0 ||
                    list.Items[list.Items.Count - 1].CreatedAt < started - CreateLookupClockSkew)
                {
                    return null;
                }

                path = WorkplacesPath(organizationId) + "?page_token=" + Uri.EscapeDataString(list.NextPageToken!);
            }
        }

        private void RememberCreated(Guid id)
        {
            if (_created.TryAdd(id, 0))
            {
                _createdOrder.Enqueue(id);
                while (_createdOrder.Count > RememberedCreates && _createdOrder.TryDequeue(out var oldest))
                {
                    _created.TryRemove(oldest, out _);
                }
            }
        }

        private async Task SignInCoreAsync(RequestContext context)
        {
            var signIn = _settings.SignIn!;
            var byPhone = PhoneLike.IsMatch(signIn.Login.Trim());
            var call = new ApiCall(HttpMethod.Post, byPhone ? "/auth/sign-in-by-phone" : "/auth/sign-in", RetryMode.Repeatable)
            {
                ContentType = JsonMediaType,
                Authenticated = false,
                ResponseHasSecrets = true,
            };
            call.LoggedBody = byPhone
                ? "{\"phone\":" + JsonString(signIn.Login.Trim()) + ",\"password\":\"" + SecretRedactor.Mask + "\"}"
                : "{\"full_username\":" + JsonString(signIn.Login.Trim()) + ",\"password\":\"" + SecretRedactor.Mask + "\",\"response_type\":\"Token\"}";
            call.Body = SerializeSignIn(signIn, byPhone);
            ApiResponse response;
            try
            {
                response = await SendAsync(call, context).ConfigureAwait(false);
            }
            catch (LifePosApiException refused) when (refused.StatusCode is 400 or 401 or 403 or 404 or 422)
            {
                throw new LifePosAuthenticationException(
                    "LIFE POS refused the sign-in for '" + signIn.Login + "' (" + refused.StatusCode + " " + refused.ErrorCode +
                    (refused.ServerMessage is null ? string.Empty : ": " + refused.ServerMessage.TrimEnd('.')) +
                    "). Check the login and the password.",
                    refused.StatusCode, refused.ErrorCode, refused.ServerMessage, refused.Method, refused.Path, refused.Attempts, refused);
            }
            finally
            {
                Array.Clear(call.Body, 0, call.Body.Length);
            }

            SecureString? token;
            try
            {
                token = ReadSecretField(response.Body, "token");
            }
            catch (JsonException error)
            {
                throw InvalidResponse(call, response, "a sign-in answer with a token", error);
            }

            if (token is null || token.Length == 0)
            {
                throw InvalidResponse(call, response, "a sign-in answer with a token");
            }

            Array.Clear(response.Body, 0, response.Body.Length);

            SetToken(token);
        }

        private static byte[] SerializeSignIn(ICredentialSignIn signIn, bool byPhone)
        {
            var password = signIn.Password;
            var characters = new char[password.Length];
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(password);
            using var stream = new MemoryStream();
            try
            {
                Marshal.Copy(pointer, characters, 0, characters.Length);
                using (var writer = new Utf8JsonWriter(stream))
                {
                    writer.WriteStartObject();
                    writer.WriteString(byPhone ? "phone" : "full_username", signIn.Login.Trim());
                    writer.WriteString("password", characters);
                    if (!byPhone)
                    {
                        writer.WriteString("response_type", "Token");
                    }

                    writer.WriteEndObject();
                }

                return stream.ToArray();
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                Array.Clear(characters, 0, characters.Length);
                var buffer = stream.GetBuffer();
                Array.Clear(buffer, 0, buffer.Length);
            }
        }

        /// <summary>Reads a top-level string field straight into a read-only SecureString; null when absent.</summary>
        private static SecureString? ReadSecretField(byte[] body, string field)
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var wanted = reader.ValueTextEquals(field);
                reader.Read();
                if (wanted && reader.TokenType == JsonTokenType.String)
                {
                    var buffer = new char[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
                    try
                    {
                        var length = reader.CopyString(buffer);
                        var secret = new SecureString();
                        for (var index = 0; index < length; index++)
                        {
                            secret.AppendChar(buffer[index]);
                        }

                        secret.MakeReadOnly();
                        return secret;
                    }
                    finally
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                    }
                }

                reader.Skip();
            }

            return null;
        }

        private static byte[] SerializeCreate(WorkplaceCreateRequest body)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("workplace_type", body.WorkplaceType.ToString());
                if (body.Name != null)
                {
                    writer.WriteString("name", body.Name);
                }

                if (body.Extensions != null)
                {
                    writer.WritePropertyName("extensions");
                    PlainJson.Write(writer, body.Extensions);
                }

                if (body.Meta != null)
                {
                    writer.WriteString("meta", body.Meta);
                }

                if (body.MetaData != null)
                {
                    writer.WritePropertyName("meta_data");
                    PlainJson.Write(writer, body.MetaData);
                }

                writer.WriteEndObject();
            }

            return stream.ToArray();
        }

        private static byte[] SerializePatch(IReadOnlyList<JsonPatchOperation> patch)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartArray();
                foreach (var operation in patch)
                {
                    writer.WriteStartObject();
                    writer.WriteString("op", operation.Op);
                    writer.WriteString("path", operation.Path);
                    if (operation.Op != "remove")
                    {
                        writer.WritePropertyName("value");
                        PlainJson.Write(writer, operation.Value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            return stream.ToArray();
        }

        private static string JsonString(string value)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStringValue(value);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private static ApiCall RawCall(string method, string pathAndQuery, string? jsonBody)
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
            return new ApiCall(new HttpMethod(verb), path, repeatable ? RetryMode.Repeatable : RetryMode.OnlyIfNotActed)
            {
                Body = jsonBody is null ? null : Encoding.UTF8.GetBytes(jsonBody),
                ContentType = verb == "PATCH" ? JsonPatchMediaType : JsonMediaType,
                Authenticated = !signInOrActivation,
                ResponseHasSecrets = signInOrActivation,
            };
        }

        private static JsonElement? ParseRaw(ApiCall call, ApiResponse response)
        {
            if (IsBlank(response.Body))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(response.Body);
                return document.RootElement.Clone();
            }
            catch (JsonException error)
            {
                throw InvalidResponse(call, response, "JSON", error);
            }
        }

        private static T Parse<T>(ApiCall call, ApiResponse response, JsonTypeInfo<T> typeInfo, string expected)
            where T : class
        {
            if (IsBlank(response.Body))
            {
                throw InvalidResponse(call, response, expected);
            }

            try
            {
                return JsonSerializer.Deserialize(response.Body, typeInfo) ?? throw InvalidResponse(call, response, expected);
            }
            catch (JsonException error)
            {
                throw InvalidResponse(call, response, expected, error);
            }
        }

        private static Workplace ToWorkplace(ApiCall call, ApiResponse response, Guid organizationId) =>
            ToWorkplace(Parse(call, response, LifePosJsonContext.Default.WorkplaceDto, "a workplace"), organizationId);

        internal static Workplace ToWorkplace(WorkplaceDto wire, Guid organizationId) => new Workplace
        {
            Id = wire.Guid,
            Number = wire.Number,
            Name = wire.Name,
            WorkplaceType = ParseWorkplaceType(wire.WorkplaceType),
            IsActivated = wire.ActivatedAt != null,
            ActivatedAt = wire.ActivatedAt,
            IsArchived = wire.DeletedAt != null,
            ArchivedAt = wire.DeletedAt,
            Extensions = wire.Extensions is { ValueKind: JsonValueKind.Object } extensions
                ? PlainJson.ObjectFromJson(extensions)
                : new Dictionary<string, object?>(StringComparer.Ordinal),
            Meta = wire.Meta,
            MetaData = wire.MetaData is { } metaData ? PlainJson.FromJson(metaData) : null,
            OrganizationId = wire.Organization?.Guid ?? organizationId,
            CreatedAt = wire.CreatedAt,
            UpdatedAt = wire.UpdatedAt,
        };

        // Runs once per listed workplace: a switch on the documented names, not reflection over the enum.
        private static WorkplaceType ParseWorkplaceType(string? text)
        {
            switch (text)
            {
                case "Mobile": return WorkplaceType.Mobile;
                case "Stationary": return WorkplaceType.Stationary;
                case "Automat": return WorkplaceType.Automat;
                case "Unknown": case null: return WorkplaceType.Unknown;
            }

            return Enum.TryParse<WorkplaceType>(text, ignoreCase: true, out var type) && Enum.IsDefined(typeof(WorkplaceType), type)
                ? type
                : WorkplaceType.Unknown;
        }

        private static bool IsBlank(byte[] body)
        {
            foreach (var value in body)
            {
                if (value != (byte)' ' && value != (byte)'\t' && value != (byte)'\r' && value != (byte)'\n')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
