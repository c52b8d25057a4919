using System.Globalization;

namespace LifePos.Emulator.Rules;

/// <summary>Russian phone numbers: +7 or 8 and ten digits, written with any spaces, dashes and parentheses.</summary>
internal static class RussianPhone
{
    /// <summary>The ten national digits (9001234567), or null when the text is no Russian phone number.</summary>
    public static string? National(string phone)
    {
        if (phone.Length is < 10 or > 18 || !Account.LooksLikePhone(phone)) return null;
        var digits = Account.PhoneDigits(phone);
        if (digits.Length == 11 && digits[0] is '7' or '8') return digits[1..];
        return digits.Length == 10 ? digits : null;
    }

    /// <summary>"+7 900 123-45-67" from the ten national digits.</summary>
    public static string Format(long national)
    {
        var d = national.ToString("D10", CultureInfo.InvariantCulture);
        return $"+7 {d[..3]} {d[3..6]}-{d[6..8]}-{d[8..]}";
    }
}
