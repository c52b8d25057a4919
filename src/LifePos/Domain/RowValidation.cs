using System.Globalization;

namespace LifePos.Domain
{
    /// <summary>Checks of one input row that the server would refuse anyway, with messages that say what to fix.</summary>
    internal static class RowValidation
    {
        public const int MaxNameLength = 128;
        public const int MaxMetaLength = 128;

        /// <summary>"Row 3 ('Касса 1')": which row a message is about.</summary>
        public static string Describe(long rowNumber, string? name) =>
            "Row " + rowNumber.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(name) ? string.Empty : " ('" + Shorten(name!) + "')");

        /// <summary>Null when the text is empty (an empty CSV cell means "not given").</summary>
        public static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        /// <summary>A type by name (any case) or by its number (0–3, as ConvertTo-Json writes an enum).</summary>
        public static WorkplaceType ParseWorkplaceType(string? text, string parameterName)
        {
            var given = Given(text)?.Trim();
            if (given is null)
            {
                throw new InvalidInputException(
                    "no workplace type. Fill -" + parameterName + " (a WorkplaceType, Type or workplace_type column) with " + TypeChoices() + ".");
            }

            return Core.Json.WorkplaceMapper.ParseWorkplaceType(given) ??
                   throw new InvalidInputException("unknown workplace type '" + Shorten(given) + "'. Use " + TypeChoices() + ".");
        }

        public static void CheckLength(string? text, int maximum, string what)
        {
            if (text != null && text.Length > maximum)
            {
                throw new InvalidInputException(
                    what + " is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; LIFE POS allows at most " +
                    maximum.ToString(CultureInfo.InvariantCulture) + ". Shorten it.");
            }
        }

        private static string TypeChoices() => "Unknown, Mobile, Stationary or Automat (or their numbers 0 to 3)";

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }
}
