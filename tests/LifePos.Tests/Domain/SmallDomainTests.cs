using LifePos.Core.Json;
using LifePos.Domain;
using LifePos.Shell.Runs;

namespace LifePos.Tests.Domain;

public sealed class SmallDomainTests
{
    private static Workplace Named(string name, int number = 1) => new() { Id = Guid.NewGuid(), Name = name, Number = number };

    [Fact]
    public async Task ExistingIndex_FindsAliveNamesAndNamesThisRunIsCreating()
    {
        var first = Named("Касса 1", 1);
        var index = new ExistingWorkplaceIndex(new[] { first, Named("Касса 1", 2), Named("", 3) });
        var created = Named("Касса 9", 9);

        Assert.Same(first, await index.Find("Касса 1")!);
        Assert.Null(index.Find("Касса 9"));
        Assert.Same(first, await index.Find("  касса 1 ")!);

        var create = index.Track<int>("Касса 9", _ => Task.FromResult(created));
        var later = index.Find("Касса 9")!;
        Assert.False(later.IsCompleted);
        Assert.Same(created, await create(0));
        Assert.Same(created, await later);
    }

    [Fact]
    public async Task ExistingIndex_ALaterRowSeesTheFailureOfTheRowThatCreatesItsName()
    {
        var index = new ExistingWorkplaceIndex(Array.Empty<Workplace>());
        var create = index.Track<int>("Kiosk", _ => Task.FromException<Workplace>(new InvalidOperationException("refused")));

        await Assert.ThrowsAsync<InvalidOperationException>(() => create(0));
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.Find("Kiosk")!);
    }

    [Fact]
    public void Label_NamesTheWorkplaceByNameOrNumberAndId()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

        Assert.Equal("Workplace 'Касса 1' (6f9619ff-8b86-d011-b42d-00cf4fc964ff)", WorkplaceLabel.Of(id, "Касса 1"));
        Assert.Equal("Workplace 6f9619ff-8b86-d011-b42d-00cf4fc964ff", WorkplaceLabel.Of(id, null));
        Assert.Equal("Workplace '#17' (6f9619ff-8b86-d011-b42d-00cf4fc964ff)", WorkplaceLabel.Of(new Workplace { Id = id, Number = 17 }));
    }

    [Fact]
    public void OrganizationChooser_TakesTheOnlyOneOrTheOneAskedForAndOtherwiseListsThem()
    {
        var a = new Organization { Id = Guid.NewGuid(), Name = "A" };
        var b = new Organization { Id = Guid.NewGuid(), Name = "B" };

        Assert.Same(a, OrganizationChooser.Choose(new[] { a }, Guid.Empty));
        Assert.Same(b, OrganizationChooser.Choose(new[] { a, b }, b.Id));
        Assert.Null(OrganizationChooser.Choose(new[] { a }, Guid.NewGuid()));
        var several = Assert.Throws<InvalidInputException>(() => OrganizationChooser.Choose(new[] { a, b }, Guid.Empty));
        Assert.Contains("2 organizations; choose one with -OrganizationId", several.Message);
        Assert.Contains(b.Id.ToString("D") + "  B", several.Message);
        Assert.Contains("reaches no LIFE POS organization", Assert.Throws<InvalidInputException>(() => OrganizationChooser.Choose(Array.Empty<Organization>(), Guid.Empty)).Message);
    }

    [Fact]
    public void UpdateGate_LetsOneUpdateThroughPerInterval()
    {
        var gate = new UpdateGate(TimeSpan.FromMilliseconds(250));
        var passed = Enumerable.Range(0, 100).Count(step => gate.TryPass(TimeSpan.FromMilliseconds(step * 10)));

        Assert.Equal(4, passed);
        Assert.True(gate.TryPass(TimeSpan.FromSeconds(10)));
        Assert.False(gate.TryPass(TimeSpan.FromSeconds(10.2)));
    }

    [Theory]
    [InlineData("""{"a":1,"b":[1,"x"]}""", """{"b":[1,"x"],"a":1.0}""", true)]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""", false)]
    [InlineData("""[1,2]""", """[2,1]""", false)]
    [InlineData("""{"a":"1"}""", """{"a":1}""", false)]
    [InlineData("""{"a":true}""", """{"a":true}""", true)]
    [InlineData("null", "null", true)]
    public void PlainJson_DeepEqualsComparesJsonNotRepresentation(string left, string right, bool equal)
    {
        Assert.Equal(equal, PlainJson.DeepEquals(PlainJson.Parse(left), PlainJson.Parse(right)));
    }
}
