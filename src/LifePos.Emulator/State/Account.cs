using System;

namespace LifePos.Emulator.State;

/// <summary>A sign-in account (--account); in every organization it is an employee (see <see cref="Staff"/>).</summary>
internal sealed record Account(string Login, string Password, Role Role, bool IsPhone)
{
    /// <summary>"login:password[:Role]"; the password may not contain ':' when a role follows.</summary>
    public static Account Parse(string text)
    {
        var first = text.IndexOf(':', StringComparison.Ordinal);
        if (first <= 0 || first == text.Length - 1)
            throw new ArgumentException($"Option --account: '{text}' is not LOGIN:PASSWORD[:Role].");
        var login = text[..first];
        var rest = text[(first + 1)..];
        var role = Role.Owner;
        var last = rest.LastIndexOf(':');
        // A trailing ":Word" is a role only when it names one; otherwise it belongs to the password.
        if (last > 0 && Roles.TryParse(rest[(last + 1)..], out var named))
        {
            role = named;
            rest = rest[..last];
        }
        if (rest.Length == 0) throw new ArgumentException($"Option --account: '{text}' has an empty password.");
        return new Account(login, rest, role, LooksLikePhone(login));
    }

    public static bool LooksLikePhone(string login)
    {
        var digits = 0;
        for (var i = 0; i < login.Length; i++)
        {
            var c = login[i];
            if (char.IsAsciiDigit(c)) digits++;
            else if (c == '+' && i == 0) continue;
            else if (c is not (' ' or '-' or '(' or ')')) return false;
        }
        return digits >= 10 && digits <= 18;
    }

    public static string PhoneDigits(string phone)
    {
        Span<char> buffer = stackalloc char[phone.Length];
        var n = 0;
        foreach (var c in phone)
            if (char.IsAsciiDigit(c)) buffer[n++] = c;
        return new string(buffer[..n]);
    }
}
