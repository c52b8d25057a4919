using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LifePos.Core.Json;

namespace LifePos.Core.Paging
{
    /// <summary>
    /// An item of a list that could not be read (nested too deep, a field of the wrong type): what of it could be read
    /// (its number, id and name, each when readable) and the error that names it. The listing goes on without it.
    /// </summary>
    public sealed class UnreadableItem
    {
        private UnreadableItem(int? number, Guid? id, string? rawId, string? name, LifePosApiException error)
        {
            Number = number;
            Id = id;
            RawId = rawId;
            Name = name;
            Error = error;
        }

        /// <summary>Its <c>number</c>, when that could be read.</summary>
        public int? Number { get; }

        /// <summary>Its <c>guid</c>, when that is a GUID.</summary>
        public Guid? Id { get; }

        /// <summary>Its <c>guid</c> (or <c>id</c>) as the service wrote it, when that is a string or a number.</summary>
        public string? RawId { get; }

        /// <summary>Its <c>name</c>, when that could be read.</summary>
        public string? Name { get; }

        /// <summary>The error to write for it: <c>UnreadableItem</c>, naming the item and the list, never the address.</summary>
        public LifePosApiException Error { get; }

        /// <summary>What to write as the error's TargetObject: the id, else the number, else the list's path.</summary>
        public object Target => (object?)Id ?? (object?)RawId ?? (object?)Number ?? Error.Path;

        /// <summary>Reads what it can of <paramref name="item"/> and words the error.</summary>
        /// <param name="noun">What the list holds, e.g. "workplace"; "item" for any list.</param>
        /// <param name="method">The request that listed it, e.g. GET.</param>
        /// <param name="path">Its path, secrets masked.</param>
        /// <param name="reason">Why it could not be read.</param>
        internal static UnreadableItem Of(JsonElement item, string noun, string method, string path, Exception reason)
        {
            int? number = null;
            Guid? id = null;
            string? rawId = null;
            string? name = null;
            if (item.ValueKind == JsonValueKind.Object)
            {
                number = NumberOf(item);
                rawId = JsonText.IdOf(item);
                id = Guid.TryParse(rawId, out var guid) ? guid : (Guid?)null;
                name = item.TryGetProperty("name", out var named) ? JsonText.Of(named) : null;
            }

            var text = new StringBuilder(Label(noun, number, rawId)).Append(" could not be read from LIFE POS: ")
                .Append(Reason(reason)).Append(" It was left out; the listing went on with the other ").Append(noun).Append("s.");
            var listPath = path.Split('?')[0];
            var action = "Look at its JSON with Invoke-LifePosRequest -Path '" + (rawId is null ? listPath : listPath + "/" + rawId) +
                         "', and correct the " + noun + " in LIFE POS.";
            text.Append(' ').Append(action).Append(" (").Append(method).Append(' ').Append(path).Append(')');
            var error = new LifePosApiException(text.ToString(), 200, "UnreadableItem", null, method, path, false, 1, reason) { RecommendedAction = action };
            return new UnreadableItem(number, id, rawId, name, error);
        }

        private static string Label(string noun, int? number, string? rawId)
        {
            var label = new StringBuilder(char.ToUpperInvariant(noun[0]) + noun.Substring(1));
            if (number is { } known)
            {
                label.Append(' ').Append(known.ToString(CultureInfo.InvariantCulture));
            }

            label.Append(rawId is null ? (number is null ? " (its number and id unreadable)" : " (its id unreadable)") : " (id " + rawId + ")");
            return label.ToString();
        }

        private static int? NumberOf(JsonElement item)
        {
            if (!item.TryGetProperty("number", out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            return JsonText.Of(value) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
        }

        /// <summary>The reason as one sentence: a JSON error without the reader's line and byte positions.</summary>
        private static string Reason(Exception reason)
        {
            var text = (reason.InnerException is JsonException inner && reason is not JsonException ? inner : reason).Message.Trim();
            var position = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (position > 0)
            {
                text = text.Substring(0, position).TrimEnd(' ', '|');
            }

            return text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
        }
    }
}
