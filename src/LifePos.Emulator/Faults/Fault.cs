using System;
using System.Buffers;
using System.Globalization;

namespace LifePos.Emulator.Faults;

/// <summary>One fault to inject; a forced error also carries its status and code.</summary>
internal readonly record struct Fault(FaultKind Kind, int Status = 0, string? Code = null)
{
    /// <summary>The fault's name in stats: its kind, or "STATUS:Code".</summary>
    public string Name => Kind == FaultKind.Error ? $"{Status}:{Code}" : FaultKinds.Name(Kind);

    /// <summary>A fault kind, or a forced error "STATUS:Code" with a status from 400 to 599 and a code of letters and digits.</summary>
    public static bool TryParse(string text, out Fault fault)
    {
        fault = default;
        if (FaultKinds.TryParse(text, out var kind))
        {
            fault = new Fault(kind);
            return true;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon != 3 || !int.TryParse(text.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 400 or > 599)
            return false;
        var code = text[4..];
        if (code.Length == 0 || !char.IsAsciiLetter(code[0]) || code.AsSpan().ContainsAnyExcept(CodeCharacters)) return false;
        fault = new Fault(FaultKind.Error, status, code);
        return true;
    }

    private static readonly SearchValues<char> CodeCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
}
