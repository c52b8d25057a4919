using System;
using System.Globalization;

namespace LifePos.Domain
{
    /// <summary>
    /// What an admin has typed before Tab, and what it completes to: a number, a name, a phone or an id that starts with
    /// it (names composed and ignoring case, as <see cref="NameText"/>). Never a match inside a GUID: "12" is not
    /// every id with a 12 somewhere. A word with <c>*</c> or <c>?</c> is a wildcard pattern for names, as in PowerShell's
    /// own completion ('*Тверская' finds it anywhere).
    /// </summary>
    internal sealed class CompletionWord
    {
        private readonly string _text;
        private readonly string _digits;
        private readonly Wildcard? _pattern;

        public CompletionWord(string? word)
        {
            _text = NameText.Compose((word ?? string.Empty).Trim().Trim('\'', '"'));
            var number = _text.TrimStart('#', '№').Trim();
            _digits = number.Length > 0 && IsDigits(number) ? number : string.Empty;
            if (_text.IndexOf('*') >= 0 || _text.IndexOf('?') >= 0)
            {
                _pattern = new Wildcard(_text + "*");
            }
        }

        public bool IsEmpty => _text.Length == 0;

        public bool MatchesName(string? name) =>
            IsEmpty || (_pattern?.IsMatch(NameText.Compose(name)) ?? (name != null && NameText.StartsWith(name, _text)));

        /// <summary>'12', '#12' and '№12' complete numbers 12, 120, 1234…</summary>
        public bool MatchesNumber(long number) =>
            IsEmpty || (_digits.Length > 0 && number.ToString(CultureInfo.InvariantCulture).StartsWith(_digits, StringComparison.Ordinal));

        public bool MatchesId(Guid id) =>
            IsEmpty || id.ToString("D").StartsWith(_text.TrimStart('{'), StringComparison.OrdinalIgnoreCase);

        /// <summary>As written ('+7 900'), or by its digits without the country prefix ('900', '8900…').</summary>
        public bool MatchesPhone(string? phone)
        {
            if (IsEmpty)
            {
                return true;
            }

            if (phone is null)
            {
                return false;
            }

            if (phone.StartsWith(_text, StringComparison.Ordinal))
            {
                return true;
            }

            var typed = PhoneNumber.DigitsOf(_text);
            if (string.IsNullOrEmpty(typed))
            {
                return false;
            }

            var key = PhoneNumber.Key(phone);
            return key.StartsWith(typed!, StringComparison.Ordinal) ||
                   (typed!.Length > 1 && (typed[0] == '7' || typed[0] == '8') && key.StartsWith(typed.Substring(1), StringComparison.Ordinal));
        }

        private static bool IsDigits(string text)
        {
            foreach (var character in text)
            {
                if (character < '0' || character > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
