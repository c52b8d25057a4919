using System;
using System.Collections.Generic;
using System.Text.Json;

namespace LifePos.Core.Http
{
    /// <summary>
    /// The <c>X-LP-Client-Extensions</c> header every request carries: the model extensions this client understands.
    /// A service may show only the extensions a request names and refuse to write one it does not, so the header names
    /// the reference's workplace and outlet extensions, the admin's own (Connect-LifePos -ClientExtension), and every
    /// extension the request's body writes.
    /// </summary>
    internal sealed class ClientExtensions
    {
        public const string Header = "X-LP-Client-Extensions";

        /// <summary>The extensions the API reference and public client code name.</summary>
        public static readonly IReadOnlyList<string> Known = new[]
        {
            "nadex_soft_pos", "smart_pos", "lifepay_smart_pos", "pay_quick_payments_dynamic", "pos_quick_payments",
            "retail_app", "settlement_methods", "lifepay_cloud_fiscalization",
        };

        private const string ExtensionsPath = "/extensions";

        private readonly List<string> _names = new List<string>();
        private readonly string _text;

        public ClientExtensions(IEnumerable<string>? added)
        {
            foreach (var name in Known)
            {
                AddTo(_names, name);
            }

            foreach (var name in added ?? Array.Empty<string>())
            {
                AddTo(_names, name);
            }

            _text = string.Join(",", _names);
        }

        /// <summary>The header's value for a request with this body (JSON, or a JSON Patch array).</summary>
        public string For(byte[]? body)
        {
            var written = Written(body);
            if (written.Count == 0)
            {
                return _text;
            }

            var names = new List<string>(_names);
            foreach (var name in written)
            {
                AddTo(names, name);
            }

            return string.Join(",", names);
        }

        /// <summary>The extensions a body writes: the keys of a create's <c>extensions</c>, or the names a patch's paths reach.</summary>
        internal static List<string> Written(byte[]? body)
        {
            var names = new List<string>();
            if (body is null || body.Length == 0)
            {
                return names;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("extensions", out var extensions))
                {
                    AddKeys(names, extensions);
                }
                else if (root.ValueKind == JsonValueKind.Array)
                {
                    foreach (var operation in root.EnumerateArray())
                    {
                        AddPatched(names, operation);
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a raw request's own text): it writes no extension this client can name.
            }

            return names;
        }

        private static void AddPatched(List<string> names, JsonElement operation)
        {
            if (operation.ValueKind != JsonValueKind.Object || !operation.TryGetProperty("path", out var pathValue) || pathValue.ValueKind != JsonValueKind.String)
            {
                return;
            }

            var path = pathValue.GetString() ?? string.Empty;
            if (path == ExtensionsPath)
            {
                if (operation.TryGetProperty("value", out var value))
                {
                    AddKeys(names, value);
                }
            }
            else if (path.StartsWith(ExtensionsPath + "/", StringComparison.Ordinal))
            {
                var segment = path.Substring(ExtensionsPath.Length + 1);
                var slash = segment.IndexOf('/');
                AddTo(names, JsonPatchOperation.UnescapeSegment(slash < 0 ? segment : segment.Substring(0, slash)));
            }
        }

        private static void AddKeys(List<string> names, JsonElement extensions)
        {
            if (extensions.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in extensions.EnumerateObject())
                {
                    AddTo(names, property.Name);
                }
            }
        }

        private static void AddTo(List<string> names, string name)
        {
            // A header value is a comma-separated list: a name with a comma or a line break cannot be named in it.
            var trimmed = name.Trim();
            if (trimmed.Length > 0 && trimmed.IndexOfAny(new[] { ',', '\r', '\n' }) < 0 && !names.Contains(trimmed))
            {
                names.Add(trimmed);
            }
        }
    }
}
