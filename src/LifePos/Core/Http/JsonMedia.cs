namespace LifePos.Core.Http
{
    /// <summary>The media types the API speaks.</summary>
    internal static class JsonMedia
    {
        public const string Json = "application/json";
        public const string JsonPatch = "application/json-patch+json";
    }
}
