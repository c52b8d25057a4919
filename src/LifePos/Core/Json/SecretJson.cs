using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.Json;

namespace LifePos.Core.Json
{
    /// <summary>Reads and writes secrets in JSON without leaving them in strings.</summary>
    internal static class SecretJson
    {
        /// <summary>Reads a top-level string field straight into a read-only SecureString; null when absent.</summary>
        public static SecureString? ReadField(byte[] body, string field)
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var wanted = reader.ValueTextEquals(field);
                reader.Read();
                if (wanted && reader.TokenType == JsonTokenType.String)
                {
                    var buffer = new char[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
                    try
                    {
                        var length = reader.CopyString(buffer);
                        var secret = new SecureString();
                        for (var index = 0; index < length; index++)
                        {
                            secret.AppendChar(buffer[index]);
                        }

                        secret.MakeReadOnly();
                        return secret;
                    }
                    finally
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                    }
                }

                reader.Skip();
            }

            return null;
        }

        /// <summary>
        /// Writes JSON that holds a secret: <paramref name="write"/> gets the secret's characters, which are wiped
        /// afterwards together with every buffer that held them.
        /// </summary>
        public static byte[] Write(SecureString secret, Action<Utf8JsonWriter, char[]> write)
        {
            var characters = new char[secret.Length];
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            using var stream = new MemoryStream();
            try
            {
                Marshal.Copy(pointer, characters, 0, characters.Length);
                using (var writer = new Utf8JsonWriter(stream))
                {
                    write(writer, characters);
                }

                return stream.ToArray();
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                Array.Clear(characters, 0, characters.Length);
                var buffer = stream.GetBuffer();
                Array.Clear(buffer, 0, buffer.Length);
            }
        }

        /// <summary>A JSON string literal, e.g. for a logged body.</summary>
        public static string Quote(string value)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStringValue(value);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
