using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using LifePos.Domain;
using LifePos.Shell.Binding;

namespace LifePos.Commands
{
    /// <summary>Invoke-LifePosRequest's -Path and -Query as the path and query to send; <c>{org}</c> stands for the connection's organization.</summary>
    internal static class RawRequestPath
    {
        private const string OrganizationPlaceholder = "{org}";

        public static string Build(string givenPath, Guid organizationId, IDictionary? query)
        {
            var path = givenPath.Trim();
            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                throw new InvalidInputException(
                    "-Path '" + path + "' must be relative to the service address and start with '/', e.g. /orgs or /orgs/{org}/workplaces.");
            }

            path = path.Replace(OrganizationPlaceholder, organizationId.ToString("D"));
            if (query is null || query.Count == 0)
            {
                return path;
            }

            var builder = new StringBuilder(path);
            var separator = path.IndexOf('?') >= 0 ? '&' : '?';
            foreach (DictionaryEntry entry in query)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var value = PlainValueConverter.Unwrap(entry.Value);
                var values = value is IEnumerable sequence && !(value is string) ? sequence : new[] { value };
                foreach (var item in values)
                {
                    builder.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(QueryText(item)));
                    separator = '&';
                }
            }

            return builder.ToString();
        }

        private static string QueryText(object? value)
        {
            switch (PlainValueConverter.Unwrap(value))
            {
                case null:
                    return string.Empty;
                case bool flag:
                    return flag ? "true" : "false";
                case SwitchParameter flag:
                    return flag.IsPresent ? "true" : "false";
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture);
                case object other:
                    return other.ToString() ?? string.Empty;
            }
        }
    }
}
