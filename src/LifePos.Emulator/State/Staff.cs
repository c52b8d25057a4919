using System;

namespace LifePos.Emulator.State;

/// <summary>
/// The employees behind the ready token and the sign-in accounts: each is an employee of every organization, with a
/// GUID derived from the organization and the identity, so /me finds it without a lookup table.
/// </summary>
internal static class Staff
{
    /// <summary>The identity of the ready --token's Owner employee.</summary>
    public const string ReadyTokenOwner = "ready-token";

    public static string Identity(Account account) => "account/" + account.Login.ToLowerInvariant();

    public static Guid EmployeeGuid(Guid organization, string identity) => Ids.Derive($"{organization:D}/employee/{identity}");

    /// <summary>"Администратор admin@example.com": the role in Russian, then the login (at most 64 characters).</summary>
    public static string Name(Account account)
    {
        var name = $"{RussianName(account.Role)} {account.Login}";
        return name.Length > 64 ? name[..64] : name;
    }

    /// <summary>A username login (its first 24 characters), or "u" and the digits of a phone login.</summary>
    public static string Username(Account account)
    {
        var username = account.IsPhone ? "u" + Account.PhoneDigits(account.Login) : account.Login;
        return username.Length > 24 ? username[..24] : username;
    }

    public static string? Email(Account account) =>
        !account.IsPhone && account.Login.Contains('@', StringComparison.Ordinal) && account.Login.Length is >= 6 and <= 64 ? account.Login : null;

    private static string RussianName(Role role) => role switch
    {
        Role.Owner => "Владелец",
        Role.Administrator => "Администратор",
        Role.Manager => "Менеджер",
        Role.Cashier => "Кассир",
        Role.Courier => "Курьер",
        _ => "Гость",
    };
}
