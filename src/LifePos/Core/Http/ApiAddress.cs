using System;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Where a request goes: the base address's path (an API behind a gateway at <c>https://host/api</c>) is a prefix
    /// of every call. The client writes some paths with <c>/v6</c> and some without (they are aliases), so a base that
    /// already ends in <c>/v6</c> does not get it twice.
    /// </summary>
    internal sealed class ApiAddress
    {
        private const string VersionPrefix = "/v6";
        private readonly string _origin;
        private readonly string _basePath;

        public ApiAddress(Uri baseUri)
        {
            _origin = baseUri.GetLeftPart(UriPartial.Authority);
            _basePath = baseUri.AbsolutePath.TrimEnd('/');
        }

        /// <summary>The path and query as sent, e.g. <c>/api/orgs/…</c>.</summary>
        public string PathOf(string pathAndQuery)
        {
            if (_basePath.EndsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase) &&
                pathAndQuery.StartsWith(VersionPrefix + "/", StringComparison.OrdinalIgnoreCase))
            {
                pathAndQuery = pathAndQuery.Substring(VersionPrefix.Length);
            }

            return _basePath + pathAndQuery;
        }

        public Uri UriOf(string sentPath) => new Uri(_origin + sentPath, UriKind.Absolute);
    }
}
