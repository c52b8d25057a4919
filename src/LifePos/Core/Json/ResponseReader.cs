using System;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LifePos.Core.Http;

namespace LifePos.Core.Json
{
    /// <summary>Reads a success answer into what the request expects; anything else becomes one <c>InvalidResponse</c> error.</summary>
    internal static class ResponseReader
    {
        /// <param name="expected">What the answer should be, for the message, e.g. "a workplace".</param>
        public static T Parse<T>(ApiRequest request, ApiResponse response, JsonTypeInfo<T> typeInfo, string expected)
            where T : class
        {
            if (response.IsBlank)
            {
                throw FailureMessages.InvalidResponse(request, response, expected);
            }

            try
            {
                return JsonSerializer.Deserialize(response.Body, typeInfo) ?? throw FailureMessages.InvalidResponse(request, response, expected);
            }
            catch (JsonException error)
            {
                throw FailureMessages.InvalidResponse(request, response, expected, error);
            }
            catch (ArgumentOutOfRangeException error)
            {
                // A date DateTimeOffset cannot hold: LenientDateConverter reads a Unix time before year 1 (e.g. -99999999999) with FromUnixTime*.
                throw FailureMessages.InvalidResponse(request, response, expected, error);
            }
        }

        /// <summary>
        /// Reads a top-level string field that holds a secret (a token) straight into a SecureString; null when the answer
        /// has none. An answer it cannot read is InvalidResponse: broken JSON, text that is not UTF-8 (or an escaped lone
        /// surrogate), or a value longer than a SecureString holds (65,536 characters).
        /// </summary>
        public static SecureString? ReadSecret(ApiRequest request, ApiResponse response, string field, string expected)
        {
            try
            {
                return SecretJson.ReadField(response.Body, field);
            }
            catch (Exception error) when (error is JsonException || error is InvalidOperationException || error is ArgumentOutOfRangeException)
            {
                throw FailureMessages.InvalidResponse(request, response, expected, error);
            }
        }

        /// <summary>
        /// Maps what was read; a value the mapper cannot take (a type, a range) is InvalidResponse too, never a crash.
        /// </summary>
        public static TItem Map<TDto, TItem>(ApiRequest request, ApiResponse response, TDto wire, Func<TDto, TItem> map, string expected)
        {
            try
            {
                return map(wire);
            }
            catch (Exception error) when (IsUnreadable(error))
            {
                throw FailureMessages.InvalidResponse(request, response, expected, error);
            }
        }

        /// <summary>
        /// True for what reading or mapping a value throws when the value is not what the module reads: broken or too
        /// deep JSON, a type, a range (a date before year 1 from LenientDateConverter).
        /// </summary>
        public static bool IsUnreadable(Exception error) =>
            error is JsonException || error is FormatException || error is InvalidCastException ||
            error is InvalidOperationException || error is OverflowException || error is ArgumentException;

        /// <summary>True for an answer that carries no object: an empty body, 204 No Content, or <c>{}</c>.</summary>
        public static bool IsNothing(ApiResponse response)
        {
            if (response.StatusCode == 204 || response.IsBlank)
            {
                return true;
            }

            var reader = new Utf8JsonReader(response.Body);
            try
            {
                return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.EndObject &&
                       !reader.Read();
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>Any JSON answer; null for an empty body.</summary>
        public static JsonElement? ParseAny(ApiRequest request, ApiResponse response)
        {
            if (response.IsBlank)
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = PlainJson.AnswerMaxDepth });
                return document.RootElement.Clone();
            }
            catch (JsonException error)
            {
                throw FailureMessages.InvalidResponse(request, response, "JSON", error);
            }
        }
    }
}
