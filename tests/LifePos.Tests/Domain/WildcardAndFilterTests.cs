using LifePos.Domain;

namespace LifePos.Tests.Domain;

public sealed class WildcardAndFilterTests
{
    [Theory]
    [InlineData("Касса 1*", "касса 17", true)]
    [InlineData("Касса 1*", "Касса 2", false)]
    [InlineData("?асса", "Касса", true)]
    [InlineData("Kiosk [0-9]", "kiosk 7", true)]
    [InlineData("Kiosk [0-9]", "Kiosk A", false)]
    [InlineData("Price `[1`]", "Price [1]", true)]
    [InlineData("a.b+c", "a.b+c", true)]
    [InlineData("a.b+c", "aXb+c", false)]
    [InlineData("*", "", true)]
    public void Wildcard_MatchesLikePowerShellIgnoringCase(string pattern, string text, bool matches)
    {
        Assert.Equal(matches, new Wildcard(pattern).IsMatch(text));
    }

    [Theory]
    [InlineData("Касса 1*", "Касса 1")]
    [InlineData("*Тверская*", "Тверская")]
    [InlineData("a*bcd?e", "bcd")]
    [InlineData("[ab]cdef", "cdef")]
    [InlineData("Price `[1`]*", "Price [1]")]
    public void LongestLiteral_IsWhatTheServerCanSearchFor(string pattern, string literal)
    {
        Assert.Equal(literal, Wildcard.LongestLiteral(pattern));
    }

    [Fact]
    public void NameFilter_ExactNameIsSearchedOnTheServerAndCheckedIgnoringCase()
    {
        var filter = new WorkplaceNameFilter("Касса 17", null);

        Assert.Equal("Касса 17", filter.ServerQuery);
        Assert.True(filter.IsClientSide);
        Assert.True(filter.Matches(new Workplace { Name = "касса 17" }));
        Assert.False(filter.Matches(new Workplace { Name = "Касса 170" }));
    }

    [Fact]
    public void NameFilter_WildcardsNarrowTheServersSupersetAndTypesFilterToo()
    {
        var filter = new WorkplaceNameFilter("Касса 1*", new[] { WorkplaceType.Mobile });

        Assert.Equal("Касса 1", filter.ServerQuery);
        Assert.True(filter.Matches(new Workplace { Name = "Касса 12", WorkplaceType = WorkplaceType.Mobile }));
        Assert.False(filter.Matches(new Workplace { Name = "Касса 12", WorkplaceType = WorkplaceType.Stationary }));
        Assert.False(filter.Matches(new Workplace { Name = "Meta 1 Касса 1", WorkplaceType = WorkplaceType.Mobile }));
    }

    [Fact]
    public void NameFilter_WithoutPlainTextOrNameSearchesNothingOnTheServer()
    {
        Assert.Null(new WorkplaceNameFilter("*", null).ServerQuery);
        var none = new WorkplaceNameFilter(null, null);
        Assert.Null(none.ServerQuery);
        Assert.False(none.IsClientSide);
        Assert.True(none.Matches(new Workplace()));
        Assert.Equal(new string('x', 64), new WorkplaceNameFilter(new string('x', 80), null).ServerQuery);
    }
}
