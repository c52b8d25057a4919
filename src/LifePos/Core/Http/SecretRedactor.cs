using System.Text.RegularExpressions;

namespace LifePos.Core.Http
{
    /// <summary>Removes secrets (tokens, passwords) from any text the core produces.</summary>
    internal static class SecretRedactor
    {
        public const string Mask = "***";

        // JSON fields whose names mention a token, password, secret, API key, PIN hash or one-time code: "token", "api_key",
        // "pin_code_hash", "activation_code", ... (matched by name in requests and answers alike).
        private static readonly Regex JsonSecretField = new Regex(
            "(\"[A-Za-z_\\-]*(?:token|password|secret|passwd|pwd|api_?key|pin_code|activation_code|confirmation_code)[A-Za-z_\\-]*\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|[^,}\\]\\s]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Bearer credentials in free text or headers.
        private static readonly Regex BearerValue = new Regex(
            @"(Bearer\s+)[^\s""',;]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Query parameters such as ?token=... or &password=...
        private static readonly Regex QuerySecret = new Regex(
            @"([?&][A-Za-z_\-]*(?:token|password|secret|activation_code|api_?key)[A-Za-z_\-]*=)[^&#\s]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static string Redact(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var result = JsonSecretField.Replace(text, match => IsPageToken(match.Groups[1].Value) ? match.Value : match.Groups[1].Value + "\"" + Mask + "\"");
            result = BearerValue.Replace(result, match => match.Groups[1].Value + Mask);
            return QuerySecret.Replace(result, match => IsPageToken(match.Groups[1].Value) ? match.Value : match.Groups[1].Value + Mask);
        }

        /// <summary>
        /// True for a field that holds a secret (a token, password, secret, API key or PIN hash): it is never shown as
        /// plain text. Page tokens are cursors, not secrets.
        /// </summary>
        public static bool IsSecretField(string name) =>
            !IsPageToken(name) && SecretName.IsMatch(name);

        private static readonly Regex SecretName = new Regex(
            "token|password|secret|passwd|pwd|api_?key|pin_code", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // Page tokens are opaque cursors, not credentials; keeping them makes paging debuggable.
        private static bool IsPageToken(string name) => name.IndexOf("page_token", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
