using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>How a request may be repeated after a failure.</summary>
    internal enum RetryMode
    {
        /// <summary>Safe to repeat after any transient failure (GET, PATCH, DELETE, :unarchive, :deactivate).</summary>
        Repeatable,

        /// <summary>Repeated only when the server certainly did not act (429, 503, not sent); otherwise resolved or reported as maybe done.</summary>
        OnlyIfNotActed,
    }

    /// <summary>One API request as a resource client describes it: what to send and how it may be retried.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string pathAndQuery, RetryMode mode)
        {
            Method = method;
            PathAndQuery = method == HttpMethod.Get ? Presentation.AskFull(pathAndQuery) : pathAndQuery;
            SentPath = PathAndQuery;
            Mode = mode;
            LoggedPath = SecretRedactor.Redact(PathAndQuery);
        }

        public HttpMethod Method { get; }

        /// <summary>Relative to the connection's base address, e.g. <c>/orgs/{id}/workplaces?items_per_page=100&amp;presentation=full</c> (a GET asks for the full presentation).</summary>
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

    /// <summary>A successful (2xx) answer, read in full.</summary>
    internal sealed class ApiResponse
    {
        public ApiResponse(int statusCode, byte[] body, string? contentType, int attempts)
        {
            StatusCode = statusCode;
            Body = body;
            ContentType = contentType;
            Attempts = attempts;
        }

        /// <summary>What a resolver found out instead of an answer (e.g. the workplace a lost create made), or null.</summary>
        public object? Resolved { get; private set; }

        /// <summary>An answer made of what <see cref="ApiRequest.ResolveAmbiguous"/> found.</summary>
        public static ApiResponse FromResolved(object found, int attempts) =>
            new ApiResponse(200, System.Array.Empty<byte>(), null, attempts) { Resolved = found };

        public int StatusCode { get; }

        public byte[] Body { get; }

        public string? ContentType { get; }

        /// <summary>Tries it took, the first included.</summary>
        public int Attempts { get; }

        /// <summary>True when the body holds nothing but white space.</summary>
        public bool IsBlank
        {
            get
            {
                foreach (var value in Body)
                {
                    if (value != (byte)' ' && value != (byte)'\t' && value != (byte)'\r' && value != (byte)'\n')
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
