using System.Text;
using System.Text.RegularExpressions;

namespace LifePos.Domain
{
    /// <summary>
    /// PowerShell's wildcard language (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>`</c> escapes), matched
    /// against the whole text, ignoring case; without System.Management.Automation so it is testable on its own.
    /// </summary>
    internal sealed class Wildcard
    {
        private readonly Regex _regex;

        public Wildcard(string pattern)
        {
            _regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public static bool HasWildcards(string pattern)
        {
            for (var index = 0; index < pattern.Length; index++)
            {
                switch (pattern[index])
                {
                    case '`':
                        index++;
                        break;
                    case '*':
                    case '?':
                    case '[':
                        return true;
                }
            }

            return false;
        }

        /// <summary>True when an unescaped <c>[</c> opens a set ('Касса [1]' matches 'Касса 1', not itself).</summary>
        public static bool HasBracketSet(string pattern)
        {
            for (var index = 0; index < pattern.Length; index++)
            {
                if (pattern[index] == '`')
                {
                    index++;
                }
                else if (pattern[index] == '[' && pattern.IndexOf(']', index + 1) > index)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The pattern that matches exactly this text ('Касса [1]' → 'Касса `[1`]'), as WildcardPattern.Escape.</summary>
        public static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var character in text)
            {
                if (character == '*' || character == '?' || character == '[' || character == ']' || character == '`')
                {
                    escaped.Append('`');
                }

                escaped.Append(character);
            }

            return escaped.ToString();
        }

        /// <summary>The pattern's text with its escapes removed (for a pattern without wildcards).</summary>
        public static string Unescape(string pattern)
        {
            var text = new StringBuilder(pattern.Length);
            for (var index = 0; index < pattern.Length; index++)
            {
                if (pattern[index] == '`' && index + 1 < pattern.Length)
                {
                    index++;
                }

                text.Append(pattern[index]);
            }

            return text.ToString();
        }

        /// <summary>The longest run of plain characters ('Касса 1*' → 'Касса 1'): what the server can search for.</summary>
        public static string LongestLiteral(string pattern)
        {
            var longest = string.Empty;
            var current = new StringBuilder();
            var inBrackets = false;
            for (var index = 0; index < pattern.Length; index++)
            {
                var character = pattern[index];
                if (character == '`' && index + 1 < pattern.Length && !inBrackets)
                {
                    current.Append(pattern[++index]);
                    continue;
                }

                if (inBrackets)
                {
                    inBrackets = character != ']';
                    continue;
                }

                if (character == '*' || character == '?' || character == '[')
                {
                    inBrackets = character == '[';
                    if (current.Length > longest.Length)
                    {
                        longest = current.ToString();
                    }

                    current.Clear();
                    continue;
                }

                current.Append(character);
            }

            return current.Length > longest.Length ? current.ToString() : longest;
        }

        public bool IsMatch(string? text) => _regex.IsMatch(text ?? string.Empty);

        private static string ToRegex(string pattern)
        {
            var regex = new StringBuilder();
            for (var index = 0; index < pattern.Length; index++)
            {
                var character = pattern[index];
                switch (character)
                {
                    case '`' when index + 1 < pattern.Length:
                        regex.Append(Regex.Escape(pattern[++index].ToString()));
                        break;
                    case '*':
                        regex.Append(".*");
                        break;
                    case '?':
                        regex.Append('.');
                        break;
                    case '[':
                        var end = pattern.IndexOf(']', index + 1);
                        if (end < 0)
                        {
                            regex.Append(Regex.Escape("["));
                            break;
                        }

                        regex.Append('[').Append(BracketSet(pattern.Substring(index + 1, end - index - 1))).Append(']');
                        index = end;
                        break;
                    default:
                        regex.Append(Regex.Escape(character.ToString()));
                        break;
                }
            }

            return regex.ToString();
        }

        /// <summary>The inside of <c>[...]</c>: characters and ranges, everything else taken literally.</summary>
        private static string BracketSet(string set)
        {
            var text = new StringBuilder();
            foreach (var character in set)
            {
                text.Append(character == '-' ? "-" : character == '\\' || character == '^' || character == '[' || character == ']' ? "\\" + character : character.ToString());
            }

            return text.ToString();
        }
    }
}
