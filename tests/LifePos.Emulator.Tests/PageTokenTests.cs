using System;
using Xunit;

namespace LifePos.Emulator.Tests;

public sealed class PageTokenTests
{
    private static readonly PageCursor Cursor = new(Guid.NewGuid(), new ListQuery(Selection.All, OrderField.Name, true, 37, "касса"),
        true, 4, 1234, 5678, new SortKey(42, "Касса 0042", null), DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Fact]
    public void AToken_CarriesTheWholeCursor()
    {
        var codec = new PageTokenCodec();
        Assert.True(codec.TryDecode(codec.Encode(Cursor), DateTimeOffset.UtcNow, out var decoded));
        Assert.Equal(Cursor, decoded);
    }

    [Fact]
    public void AToken_ExpiresAfterAnHour()
    {
        var codec = new PageTokenCodec();
        var token = codec.Encode(Cursor);
        Assert.True(codec.TryDecode(token, DateTimeOffset.UtcNow.AddMinutes(59), out _));
        Assert.False(codec.TryDecode(token, DateTimeOffset.UtcNow.AddMinutes(61), out _));
    }

    [Fact]
    public void AToken_DiesWithTheSecret()
    {
        var codec = new PageTokenCodec();
        var token = codec.Encode(Cursor);
        codec.Rotate();
        Assert.False(codec.TryDecode(token, DateTimeOffset.UtcNow, out _));
        Assert.False(new PageTokenCodec().TryDecode(new PageTokenCodec().Encode(Cursor), DateTimeOffset.UtcNow, out _));
    }
}
