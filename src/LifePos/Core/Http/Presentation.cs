using System;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Every GET asks for <c>presentation=full</c>: the default presentation is not published, and public clients always
    /// ask, so a compact answer (no extensions, meta, meta_data or organization) never reaches a diff or an export.
    /// A query that already names a presentation (Invoke-LifePosRequest's caller) is left as it is.
    /// </summary>
    internal static class Presentation
    {
        public const string Full = "presentation=full";

        public static string AskFull(string pathAndQuery)
        {
            var question = pathAndQuery.IndexOf('?');
            if (question >= 0 && Names(pathAndQuery.Substring(question + 1), "presentation"))
            {
                return pathAndQuery;
            }

            var last = pathAndQuery[pathAndQuery.Length - 1];
            var separator = question < 0 ? "?" : last == '?' || last == '&' ? string.Empty : "&";
            return pathAndQuery + separator + Full;
        }

        private static bool Names(string query, string parameter)
        {
            foreach (var part in query.Split('&'))
            {
                var equals = part.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? part : part.Substring(0, equals));
                if (string.Equals(name, parameter, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
