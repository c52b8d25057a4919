using System;
using System.Security.Cryptography;
using System.Text;

namespace LifePos.Emulator.State;

internal static class Ids
{
    /// <summary>A GUID made from text (MD5 with the version-4 and variant bits set): the same text gives it on every run.</summary>
    public static Guid Derive(string text)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes(text));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
