using LifePos.Core.Json;
using LifePos.Domain;

namespace LifePos.Tests.Domain;

public sealed class WorkplacePatchBuilderTests
{
    private static Workplace Current() => new()
    {
        Id = Guid.NewGuid(),
        Name = "Касса 1",
        WorkplaceType = WorkplaceType.Mobile,
        Meta = "moscow",
        MetaData = PlainJson.Parse("""{"a":1,"b":[1,2]}"""),
        Extensions = (IDictionary<string, object?>)PlainJson.Parse("""{"smart_pos":{"version":"2.1"},"other":{"x":true}}""")!,
    };

    private static string[] Ops(WorkplacePatch patch) => patch.Operations.Select(operation => operation.ToString()).ToArray();

    [Fact]
    public void WithoutTheCurrentWorkplace_EverythingGivenIsSent()
    {
        var patch = WorkplacePatchBuilder.Build(null, new WorkplaceChanges
        {
            Name = "New",
            WorkplaceType = WorkplaceType.Automat,
            Meta = "m",
            MetaDataGiven = true,
            MetaData = null,
            Extensions = new Dictionary<string, object?> { ["smart_pos"] = new Dictionary<string, object?> { ["version"] = "3" } },
            RemoveExtensions = new[] { "old" },
        });

        Assert.Equal(
            new[] { "replace /name", "replace /workplace_type", "replace /meta", "replace /meta_data", "add /extensions/smart_pos", "remove /extensions/old" },
            Ops(patch));
        Assert.Equal("Automat", patch.Operations[1].Value);
        Assert.Null(patch.Changes[0].OldValue);
    }

    [Fact]
    public void ValuesEqualToTheCurrentOnes_AreNotSentAgain()
    {
        var current = Current();
        var patch = WorkplacePatchBuilder.Build(current, new WorkplaceChanges
        {
            Name = "Касса 1",
            WorkplaceType = WorkplaceType.Mobile,
            Meta = "moscow",
            MetaDataGiven = true,
            MetaData = PlainJson.Parse("""{"b":[1,2],"a":1.0}"""),
            Extensions = (IDictionary<string, object?>)PlainJson.Parse("""{"smart_pos":{"version":"2.1"}}""")!,
            RemoveExtensions = new[] { "not_there" },
        });

        Assert.True(patch.IsEmpty);
    }

    [Fact]
    public void OnlyWhatDiffers_IsSent_WithTheOldAndNewValues()
    {
        var current = Current();
        var patch = WorkplacePatchBuilder.Build(current, new WorkplaceChanges
        {
            Name = "Касса 2",
            Meta = "moscow",
            Extensions = (IDictionary<string, object?>)PlainJson.Parse("""{"smart_pos":{"version":"2.2"},"other":{"x":true}}""")!,
            RemoveExtensions = new[] { "other", "not_there" },
        });

        Assert.Equal(new[] { "replace /name", "add /extensions/smart_pos", "remove /extensions/other" }, Ops(patch));
        Assert.Equal(new[] { "Name", "Extensions.smart_pos", "Extensions.other" }, patch.Changes.Select(change => change.Field));
        Assert.Equal("Касса 1", patch.Changes[0].OldValue);
        Assert.Equal("Касса 2", patch.Changes[0].NewValue);
        Assert.Equal("""{"version":"2.1"}""", PlainJson.Serialize(patch.Changes[1].OldValue));
        Assert.Null(patch.Changes[2].NewValue);
    }

    [Fact]
    public void ExtensionNames_AreEscapedInThePointer()
    {
        var patch = WorkplacePatchBuilder.Build(null, new WorkplaceChanges
        {
            Extensions = new Dictionary<string, object?> { ["a/b~c"] = new Dictionary<string, object?>() },
        });

        Assert.Equal("/extensions/a~1b~0c", patch.Operations.Single().Path);
    }

    [Fact]
    public void NothingGivenForAnUnknownWorkplace_SaysWhatCanBeGiven()
    {
        var error = Assert.Throws<InvalidInputException>(() => WorkplacePatchBuilder.Build(null, new WorkplaceChanges()));

        Assert.Contains("-Name, -WorkplaceType, -Meta, -MetaData, -Extension, -RemoveExtension or -Clear", error.Message);
        Assert.True(WorkplacePatchBuilder.Build(Current(), new WorkplaceChanges()).IsEmpty);
    }

    [Fact]
    public void ATooLongNewName_IsRefusedButAnUnchangedOneIsNot()
    {
        var error = Assert.Throws<InvalidInputException>(() => WorkplacePatchBuilder.Build(null, new WorkplaceChanges { Name = new string('x', 129) }));

        Assert.Contains("129 characters long; LIFE POS allows at most 128", error.Message);
    }
    [Fact]
    public void Clear_EmptiesOnlyWhatIsNotEmptyAlready()
    {
        var patch = WorkplacePatchBuilder.Build(Current(), new WorkplaceChanges { Clear = new[] { "meta", "MetaData", "Extensions" } });

        Assert.Equal(new[] { "Meta", "MetaData", "Extensions" }, patch.Changes.Select(change => change.Field).Take(3).ToArray());
        Assert.Null(patch.Changes[0].NewValue);
        Assert.Null(patch.Changes[1].NewValue);
        Assert.Empty(Assert.IsAssignableFrom<IDictionary<string, object?>>(patch.Changes[2].NewValue));

        var cleared = Current();
        cleared.Meta = null;
        Assert.True(WorkplacePatchBuilder.Build(cleared, new WorkplaceChanges { Clear = new[] { "Meta" } }).IsEmpty);
    }

    [Fact]
    public void AFieldBothSetAndCleared_IsRefused_AndAnUnknownFieldNamesTheKnownOnes()
    {
        var both = Assert.Throws<InvalidInputException>(() => WorkplacePatchBuilder.Validate(new WorkplaceChanges { Meta = "x", Clear = new[] { "Meta" } }));
        var unknown = Assert.Throws<InvalidInputException>(() => WorkplacePatchBuilder.Validate(new WorkplaceChanges { Clear = new[] { "Number" } }));

        Assert.Contains("Meta", both.Message);
        Assert.Contains("Name, Meta, MetaData, Extensions", unknown.Message);
    }

    [Fact]
    public void ANullExtension_RemovesIt_AndLeavesTheOthers()
    {
        var patch = WorkplacePatchBuilder.Build(Current(), new WorkplaceChanges
        {
            Extensions = new Dictionary<string, object?> { ["smart_pos"] = null, ["not_there"] = null },
        });

        Assert.Equal(new[] { "remove /extensions/smart_pos" }, Ops(patch).Select(op => op.Split(' ').Take(2).Aggregate((a, b) => a + " " + b)).ToArray());
    }

    [Fact]
    public void APipedWorkplacesOwnValues_DoNotCountAsGiven_ForWhatClearNames()
    {
        var piped = Current();
        var bound = new WorkplaceChanges { Name = piped.Name, Meta = piped.Meta, MetaDataGiven = true, MetaData = piped.MetaData, Clear = new[] { "Meta", "MetaData" } };

        var changes = bound.WithoutValuesClearedFrom(piped);
        WorkplacePatchBuilder.Validate(changes);

        Assert.Null(changes.Meta);
        Assert.False(changes.MetaDataGiven);
        Assert.Equal(piped.Name, changes.Name);
        Assert.Equal(piped.Meta, bound.Meta);
        var other = new WorkplaceChanges { Meta = "different", Clear = new[] { "Meta" } }.WithoutValuesClearedFrom(piped);
        Assert.Throws<InvalidInputException>(() => WorkplacePatchBuilder.Validate(other));
    }
}
