namespace LifePos.Core.Http
{
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
