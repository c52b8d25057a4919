using System;

namespace LifePos.Core
{
    /// <summary>One RFC 6902 operation of a workplace update, e.g. <c>replace /name</c>.</summary>
    public sealed class JsonPatchOperation
    {
        public JsonPatchOperation(string op, string path, object? value = null)
        {
            if (op != "add" && op != "replace" && op != "remove" && op != "test")
            {
                throw new ArgumentException("The operation must be add, replace, remove or test, not '" + op + "'.", nameof(op));
            }

            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                throw new ArgumentException("The path must start with '/', e.g. /name or /extensions/smart_pos/version.", nameof(path));
            }

            Op = op;
            Path = path;
            Value = value;
        }

        /// <summary><c>add</c>, <c>replace</c>, <c>remove</c> or <c>test</c>.</summary>
        public string Op { get; }

        /// <summary>JSON Pointer, e.g. <c>/name</c> or <c>/extensions/smart_pos/version</c>.</summary>
        public string Path { get; }

        /// <summary>A plain .NET value (see <see cref="WorkplaceCreateRequest"/>); not sent for <c>remove</c>.</summary>
        public object? Value { get; }

        public static JsonPatchOperation Add(string path, object? value) => new JsonPatchOperation("add", path, value);

        public static JsonPatchOperation Replace(string path, object? value) => new JsonPatchOperation("replace", path, value);

        public static JsonPatchOperation Remove(string path) => new JsonPatchOperation("remove", path);

        public static JsonPatchOperation Test(string path, object? value) => new JsonPatchOperation("test", path, value);

        /// <summary>Escapes one path segment (<c>~</c> and <c>/</c>) for use in a JSON Pointer.</summary>
        public static string EscapeSegment(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

        public static string UnescapeSegment(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

        public override string ToString() => Op + " " + Path;
    }
}
