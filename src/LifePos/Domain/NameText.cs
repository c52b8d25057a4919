using System;
using System.Globalization;
using System.Text;

namespace LifePos.Domain
{
    /// <summary>
    /// How names compare everywhere a name finds something (-Name, -LiteralName, -SkipExisting, Sync, -Workplace 'name',
    /// completion): composed (NFC), so a precomposed "Café" and a decomposed one are the same name, ignoring case, and
    /// trimmed where the whole name is meant. Ё and Е stay different: nothing strips diacritics.
    /// </summary>
    internal static class NameText
    {
        /// <summary>The text composed (NFC); text that cannot be normalized (a lone surrogate) as it is.</summary>
        public static string Compose(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            try
            {
                return text!.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                return text!;
            }
        }

        /// <summary>The key a whole name is compared by: trimmed and composed; compare keys ignoring case.</summary>
        public static string Key(string? name) => Compose(name?.Trim());

        public static bool Same(string? left, string? right) =>
            left != null && right != null && string.Equals(Key(left), Key(right), StringComparison.OrdinalIgnoreCase);

        public static bool StartsWith(string? name, string prefix) =>
            Compose(name).StartsWith(Compose(prefix), StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The longest part of <paramref name="text"/> that reads the same composed or decomposed ("Café" → "Caf"): what a
        /// server that compares code points finds in a name stored either way.
        /// </summary>
        public static string Searchable(string text)
        {
            text = Compose(text);
            var longest = string.Empty;
            var start = 0;
            for (var index = 0; index <= text.Length; index++)
            {
                if (index < text.Length && IsStable(text[index]))
                {
                    continue;
                }

                if (index - start > longest.Length)
                {
                    longest = text.Substring(start, index - start);
                }

                start = index + 1;
            }

            return longest;
        }

        private static bool IsStable(char character)
        {
            if (char.IsSurrogate(character))
            {
                return true;
            }

            switch (char.GetUnicodeCategory(character))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    return false;
            }

            var alone = character.ToString();
            return string.Equals(alone.Normalize(NormalizationForm.FormD), alone, StringComparison.Ordinal);
        }
    }
}
