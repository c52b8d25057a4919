using LifePos.Emulator.State.Lists;

namespace LifePos.Emulator.Tests.State.Lists;

public sealed class PageTokenCodecTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    private static readonly PageCursor Cursor = new(Guid.NewGuid(), ListKind.Employees,
        new ListParameters(Selection.All, OrderField.Name, true, 37, "касса", new DateRange(1, null, Issued.UtcTicks, Issued.UtcTicks + 1)),
        true, 4, 1234, 5678, new SortKey(42, "Касса 0042", null), Issued.ToUnixTimeSeconds());

    [Fact]
    public void AToken_CarriesTheWholeCursor()
    {
        var codec = new PageTokenCodec();
        Assert.True(codec.TryDecode(codec.Encode(Cursor), Issued, out var decoded));
        Assert.Equal(Cursor, decoded);
    }

    [Fact]
    public void AToken_ExpiresAfterAnHour()
    {
        var codec = new PageTokenCodec();
        var token = codec.Encode(Cursor);
        Assert.True(codec.TryDecode(token, Issued.AddMinutes(59), out _));
        Assert.False(codec.TryDecode(token, Issued.AddMinutes(61), out _));
    }

    [Fact]
    public void AToken_DiesWithTheSecret()
    {
        var codec = new PageTokenCodec();
        var token = codec.Encode(Cursor);
        codec.Rotate();
        Assert.False(codec.TryDecode(token, Issued, out _));
        Assert.False(new PageTokenCodec().TryDecode(new PageTokenCodec().Encode(Cursor), Issued, out _));
    }
}
