using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>One API request as a resource client describes it: what to send and how it may be retried.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string pathAndQuery, RetryMode mode)
        {
            Method = method;
            PathAndQuery = pathAndQuery;
            SentPath = pathAndQuery;
            Mode = mode;
            LoggedPath = SecretRedactor.Redact(pathAndQuery);
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the connection's base address, e.g. <c>/orgs/{id}/workplaces?items_per_page=100</c>.</summary>
        public string PathAndQuery { get; }

        /// <summary>The path and query as really sent (with the base address's path), set by <see cref="AddressedTo"/>.</summary>
        public string SentPath { get; private set; }

        /// <summary>The path as sent, secrets masked, for messages and logs.</summary>
        public string LoggedPath { get; private set; }

        public RetryMode Mode { get; }

        public byte[]? Body { get; set; }

        public string? ContentType { get; set; }

        public bool Authenticated { get; set; } = true;

        /// <summary>Replaces the body in debug output (a sign-in body holds a password).</summary>
        public string? LoggedBody { get; set; }

        /// <summary>The successful answer holds a token or an activation code: debug output leaves it out.</summary>
        public bool ResponseHasSecrets { get; set; }

        /// <summary>Says what may have happened when the outcome is unknown, e.g. "The workplace may have been created".</summary>
        public string MayHaveHappened { get; set; } = "The request may have been carried out";

        /// <summary>What to do before trying again after an unknown outcome.</summary>
        public string CheckFirst { get; set; } = "check the current state before trying again";

        /// <summary>Fixes the path as it is sent to this address (messages then show what was really sent).</summary>
        public ApiRequest AddressedTo(ApiAddress address)
        {
            SentPath = address.PathOf(PathAndQuery);
            LoggedPath = SecretRedactor.Redact(SentPath);
            return this;
        }

        /// <summary>For an ambiguous failure: finds what the lost request did (an answer) or null to send it again.</summary>
        public Func<RequestContext, Task<ApiResponse?>>? ResolveAmbiguous { get; set; }
    }
}
