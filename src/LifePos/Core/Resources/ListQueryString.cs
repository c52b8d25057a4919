using System;
using System.Globalization;
using System.Text;

namespace LifePos.Core.Resources
{
    /// <summary>Builds a list's query string: <c>?items_per_page=100&amp;selection=alive_only&amp;query=…</c>.</summary>
    internal sealed class ListQueryString
    {
        private readonly StringBuilder _text = new StringBuilder();

        public ListQueryString Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }

            return this;
        }

        public ListQueryString Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

        public ListQueryString AddFlag(string name, bool value) => value ? Add(name, "true") : this;

        public ListQueryString Add(string name, DateTimeOffset? value) =>
            value is { } moment ? Add(name, moment.ToString("o", CultureInfo.InvariantCulture)) : this;

        public override string ToString() => _text.ToString();

        /// <summary><c>AliveOnly</c> → <c>alive_only</c>, <c>CreatedAtDesc</c> → <c>created_at_desc</c>.</summary>
        public static string SnakeCase(string name)
        {
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
    }
}
