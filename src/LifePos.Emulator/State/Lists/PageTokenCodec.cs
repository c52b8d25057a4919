using System;
using System.Buffers.Text;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace LifePos.Emulator.State.Lists;

/// <summary>
/// Opaque page tokens: a binary cursor plus a truncated HMAC-SHA256 under a random secret, base64url-encoded.
/// A new secret on every start and every reset makes older tokens stale; tokens also expire after an hour.
/// </summary>
internal sealed class PageTokenCodec
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private const byte FormatVersion = 2;
    private const int MacLength = 16;
    private volatile byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public void Rotate() => _secret = RandomNumberGenerator.GetBytes(32);

    public string Encode(PageCursor cursor)
    {
        using var stream = new MemoryStream(96);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(cursor.Organization.ToByteArray());
            writer.Write((byte)cursor.Kind);
            writer.Write((byte)cursor.Query.Selection);
            writer.Write((byte)cursor.Query.Field);
            writer.Write(cursor.Query.Descending);
            writer.Write((byte)cursor.Query.PageSize);
            writer.Write(cursor.Query.Query is not null);
            if (cursor.Query.Query is not null) writer.Write(cursor.Query.Query);
            var dates = cursor.Query.Dates;
            WriteTicks(writer, dates.CreatedFrom);
            WriteTicks(writer, dates.CreatedTo);
            WriteTicks(writer, dates.UpdatedFrom);
            WriteTicks(writer, dates.UpdatedTo);
            writer.Write(cursor.IncludeTotal);
            writer.Write(cursor.PageNumber);
            writer.Write(cursor.Snapshot);
            writer.Write(cursor.Total);
            writer.Write(cursor.After.Key);
            writer.Write(cursor.After.Text is not null);
            if (cursor.After.Text is not null) writer.Write(cursor.After.Text);
            WriteTicks(writer, cursor.After.Ticks);
            writer.Write(cursor.IssuedAtUnixSeconds);
        }
        var payloadLength = (int)stream.Length;
        var mac = HMACSHA256.HashData(_secret, stream.GetBuffer().AsSpan(0, payloadLength));
        stream.Write(mac, 0, MacLength);
        return Base64Url.EncodeToString(stream.GetBuffer().AsSpan(0, (int)stream.Length));
    }

    public bool TryDecode(string token, DateTimeOffset now, out PageCursor? cursor)
    {
        cursor = null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length <= MacLength + 1 || bytes[0] != FormatVersion) return false;
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var expected = HMACSHA256.HashData(_secret, payload);
        if (!CryptographicOperations.FixedTimeEquals(expected.AsSpan(0, MacLength), bytes.AsSpan(bytes.Length - MacLength))) return false;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 1, payload.Length - 1), Encoding.UTF8);
            var organization = new Guid(reader.ReadBytes(16));
            var kind = (ListKind)reader.ReadByte();
            var selection = (Selection)reader.ReadByte();
            var field = (OrderField)reader.ReadByte();
            var descending = reader.ReadBoolean();
            var pageSize = reader.ReadByte();
            var query = reader.ReadBoolean() ? reader.ReadString() : null;
            var dates = new DateRange(ReadTicks(reader), ReadTicks(reader), ReadTicks(reader), ReadTicks(reader));
            var includeTotal = reader.ReadBoolean();
            var pageNumber = reader.ReadInt32();
            var snapshot = reader.ReadInt64();
            var total = reader.ReadInt32();
            var key = reader.ReadInt32();
            var text = reader.ReadBoolean() ? reader.ReadString() : null;
            var ticks = ReadTicks(reader);
            var issuedAt = reader.ReadInt64();
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(selection) || !Enum.IsDefined(field) || pageSize is < 1 or > 100 || pageNumber < 2) return false;
            if (now.ToUnixTimeSeconds() - issuedAt > (long)Lifetime.TotalSeconds) return false;
            cursor = new PageCursor(organization, kind, new ListParameters(selection, field, descending, pageSize, query, dates), includeTotal,
                pageNumber, snapshot, total, new SortKey(key, text, ticks), issuedAt);
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException)
        {
            return false;
        }
    }

    private static void WriteTicks(BinaryWriter writer, long? ticks)
    {
        writer.Write(ticks.HasValue);
        if (ticks is { } value) writer.Write(value);
    }

    private static long? ReadTicks(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt64() : null;
}
