using System;
using System.Runtime.InteropServices;
using System.Security;

namespace LifePos.Domain
{
    /// <summary>
    /// Tokens and logins as people hold them: read with Get-Content -Raw (a trailing line break), pasted with a space.
    /// Surrounding whitespace is dropped; whitespace inside a token cannot be sent in a header, so it is refused with a
    /// message that names where the token came from and never shows it.
    /// </summary>
    internal static class SignInText
    {
        /// <param name="source">Where the token came from, for the message: "-Token" or "LIFEPOS_TOKEN".</param>
        public static SecureString? Token(SecureString? token, string source)
        {
            if (token is null)
            {
                return null;
            }

            var pointer = Marshal.SecureStringToGlobalAllocUnicode(token);
            try
            {
                var length = token.Length;
                var start = 0;
                while (start < length && char.IsWhiteSpace(CharAt(pointer, start)))
                {
                    start++;
                }

                var end = length;
                while (end > start && char.IsWhiteSpace(CharAt(pointer, end - 1)))
                {
                    end--;
                }

                if (start == end)
                {
                    throw new InvalidInputException("The token in " + source + " is empty or only whitespace. Give the token itself.");
                }

                var trimmed = new SecureString();
                for (var index = start; index < end; index++)
                {
                    var character = CharAt(pointer, index);
                    if (char.IsWhiteSpace(character) || char.IsControl(character))
                    {
                        trimmed.Dispose();
                        throw new InvalidInputException(
                            "The token in " + source + " has a space, line break or control character inside it, at position " + (index - start + 1) +
                            "; a token is one word. Check that the file or variable holds only the token.");
                    }

                    trimmed.AppendChar(character);
                }

                trimmed.MakeReadOnly();
                return trimmed;
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        /// <param name="source">Where the login came from, for the message: "-Credential" or "LIFEPOS_LOGIN".</param>
        public static string? Login(string? login, string source)
        {
            if (login is null)
            {
                return null;
            }

            var trimmed = login.Trim();
            return trimmed.Length > 0
                ? trimmed
                : throw new InvalidInputException("The login in " + source + " is empty or only whitespace. Give the account's login or phone number.");
        }

        private static char CharAt(IntPtr pointer, int index) => (char)Marshal.ReadInt16(pointer, index * 2);
    }
}
