using System.Text;

namespace LifePos.Domain
{
    /// <summary>Phone numbers compared as people write them: "+7 900 123-45-67", "8 (900) 1234567" and "9001234567" are one number.</summary>
    internal static class PhoneNumber
    {
        /// <summary>The number's digits without the country prefix of a Russian number (7 or 8 before ten digits).</summary>
        public static string Key(string? phone)
        {
            var digits = new StringBuilder();
            foreach (var character in phone ?? string.Empty)
            {
                if (character >= '0' && character <= '9')
                {
                    digits.Append(character);
                }
            }

            var text = digits.ToString();
            return text.Length == 11 && (text[0] == '7' || text[0] == '8') ? text.Substring(1) : text;
        }

        /// <summary>True when both are the same number (and it has at least five digits).</summary>
        public static bool Same(string? left, string? right)
        {
            var key = Key(left);
            return key.Length >= 5 && key == Key(right);
        }

        /// <summary>True when the text looks like a phone number rather than an id or a name.</summary>
        public static bool Looks(string text) => DigitsOf(text) is { Length: >= 10 and <= 15 };

        /// <summary>The digits of text written as a phone (digits, + - ( ) and spaces); null for any other text.</summary>
        public static string? DigitsOf(string text)
        {
            var digits = new StringBuilder();
            foreach (var character in text)
            {
                if (character >= '0' && character <= '9')
                {
                    digits.Append(character);
                }
                else if (character != '+' && character != ' ' && character != '-' && character != '(' && character != ')')
                {
                    return null;
                }
            }

            return digits.ToString();
        }
    }
}
