using LifePos.Domain;

namespace LifePos.Tests.Domain;

/// <summary>
/// Names as admins type them (issue 18 §4): brackets taken literally on request, composed and decomposed accents alike,
/// Ё and Е apart, and Tab completing by what a number, name or id starts with.
/// </summary>
public sealed class NameMatchingTests
{
    private const string CafeComposed = "Caf\u00e9";
    private const string CafeDecomposed = "Cafe\u0301";

    [Fact]
    public void NameText_ComposedAndDecomposedAreOneName_ButЁAndЕAreTwo()
    {
        Assert.True(NameText.Same(CafeComposed, " " + CafeDecomposed.ToUpperInvariant() + " "));
        Assert.False(NameText.Same("Ёлка", "Елка"));
        Assert.False(NameText.Same("ёлка", "елка"));
        Assert.True(NameText.Same("Ёлка", "Е\u0308лка"));
    }

    [Fact]
    public void Searchable_KeepsOnlyWhatReadsTheSameEitherWay()
    {
        Assert.Equal("Caf", NameText.Searchable(CafeComposed));
        Assert.Equal("Caf", NameText.Searchable(CafeDecomposed));
        Assert.Equal("Касса [1]", NameText.Searchable("Касса [1]"));
        Assert.Equal("ж Степанова", NameText.Searchable("Йошкар-Ола Ёж Степанова"));
    }

    [Fact]
    public void NameFilter_BracketsAreAWildcard_UnlessLiteralOrEscaped()
    {
        var asPattern = new NameFilter("Касса [1]");
        var literal = new NameFilter("Касса [1]", literal: true);
        var escaped = new NameFilter("Касса `[1`]");

        Assert.False(asPattern.Matches("Касса [1]"));
        Assert.True(asPattern.Matches("Касса 1"));
        Assert.True(asPattern.ReadAsBrackets);
        Assert.True(literal.Matches("касса [1]"));
        Assert.False(literal.Matches("Касса 1"));
        Assert.True(escaped.Matches("Касса [1]"));
        Assert.False(escaped.Matches("Касса 1"));
        Assert.Equal("Касса [1]", literal.ServerQuery);
        Assert.Equal("Касса [1]", escaped.ServerQuery);
        Assert.Null(literal.NothingMatchedWarning("workplace"));
        Assert.Null(escaped.NothingMatchedWarning("workplace"));
    }

    [Fact]
    public void NothingMatchedWarning_SaysTheBracketsWereAWildcard_AndHowToAskForThem()
    {
        var warning = new NameFilter("Касса [1]").NothingMatchedWarning("workplace");

        Assert.Equal(
            "No workplace matched -Name 'Касса [1]': -Name is a wildcard pattern, and [ ] in it match one of the characters between them, " +
            "not the brackets. For the brackets as written, use -LiteralName 'Касса [1]', or escape the brackets: -Name 'Касса `[1`]'.",
            warning);
        Assert.EndsWith("escape the brackets: -Name 'Касса `[1`]*'.", new NameFilter("Касса [1]*").NothingMatchedWarning("workplace"));
        Assert.Null(new NameFilter("Касса 1*").NothingMatchedWarning("workplace"));
    }

    [Theory]
    [InlineData(CafeComposed, CafeDecomposed)]
    [InlineData(CafeDecomposed, CafeComposed)]
    public void NameFilter_MatchesAccentsComposedEitherWay_AndSearchesWhatTheServerFindsInBoth(string typed, string saved)
    {
        var exact = new NameFilter(typed);
        var pattern = new NameFilter(typed + "*");

        Assert.True(exact.Matches(saved));
        Assert.True(pattern.Matches(saved + " 2"));
        Assert.True(new NameFilter("Caf?").Matches(saved));
        Assert.Equal("Caf", exact.ServerQuery);
        Assert.Contains(exact.ServerQuery!, saved, StringComparison.Ordinal);
    }

    [Fact]
    public void NameFilter_KeepsЁAndЕApart()
    {
        Assert.False(new NameFilter("Ёлка").Matches("Елка"));
        Assert.False(new NameFilter("Елка").Matches("Ёлка"));
        Assert.False(new NameFilter("Ё*").Matches("Елка"));
    }

    [Fact]
    public async Task ExistingWorkplaceIndex_FindsADecomposedNameByItsComposedForm()
    {
        var saved = new Workplace { Id = Guid.NewGuid(), Number = 7, Name = CafeDecomposed };
        var index = new ExistingWorkplaceIndex(new[] { saved, new Workplace { Id = Guid.NewGuid(), Number = 8, Name = "Ёлка" } });

        Assert.Same(saved, await index.Find(" " + CafeComposed)!);
        Assert.Null(index.Find("Елка"));
    }

    [Fact]
    public void SyncPlanner_MatchesAComposedRowToADecomposedWorkplace_WithoutRenamingIt()
    {
        var saved = new Workplace { Id = Guid.NewGuid(), Number = 7, Name = CafeDecomposed, Meta = "hall", WorkplaceType = WorkplaceType.Mobile };
        var planner = new SyncPlanner(new[] { saved }, includeArchived: false);

        var step = planner.Plan(new SyncRow { Name = CafeComposed, RowNumber = 1, Changes = new WorkplaceChanges { Name = CafeComposed, Meta = "hall", WorkplaceType = WorkplaceType.Mobile } });
        var yolka = planner.Plan(new SyncRow { Name = "Ёлка", RowNumber = 2, Changes = new WorkplaceChanges { Name = "Ёлка", WorkplaceType = WorkplaceType.Mobile } });
        var again = planner.Plan(new SyncRow { Name = "Е\u0308лка", RowNumber = 3, Changes = new WorkplaceChanges { Name = "Е\u0308лка", WorkplaceType = WorkplaceType.Mobile } });

        Assert.Equal(WorkplaceChangeAction.Unchanged, step.Action);
        Assert.Same(saved, step.Current);
        Assert.Equal(WorkplaceChangeAction.Created, yolka.Action);
        Assert.Equal(WorkplaceChangeAction.Failed, again.Action);
    }

    [Fact]
    public void PatchBuilder_DoesNotRenameForADifferentComposition_ButDoesForCase()
    {
        var saved = new Workplace { Id = Guid.NewGuid(), Number = 7, Name = CafeDecomposed, WorkplaceType = WorkplaceType.Mobile };

        Assert.True(WorkplacePatchBuilder.Build(saved, new WorkplaceChanges { Name = CafeComposed }).IsEmpty);
        Assert.False(WorkplacePatchBuilder.Build(saved, new WorkplaceChanges { Name = "CAFE\u0301" }).IsEmpty);
    }

    [Fact]
    public void CompletionWord_CompletesNumbersNamesAndIdsByWhatTheyStartWith()
    {
        var twelve = new CompletionWord("12");
        var containsTwelve = Guid.Parse("a0b11200-0000-4000-8000-000000000001");
        var startsTwelve = Guid.Parse("12b11200-0000-4000-8000-000000000001");

        Assert.True(twelve.MatchesNumber(12));
        Assert.True(twelve.MatchesNumber(1204));
        Assert.False(twelve.MatchesNumber(312));
        Assert.False(twelve.MatchesId(containsTwelve));
        Assert.True(twelve.MatchesId(startsTwelve));
        Assert.False(twelve.MatchesName("Касса 12"));
        Assert.True(new CompletionWord("'#12").MatchesNumber(120));
        Assert.True(new CompletionWord("№12").MatchesNumber(12));
        Assert.True(new CompletionWord("'кас").MatchesName("Касса 12"));
        Assert.False(new CompletionWord("асса").MatchesName("Касса 12"));
        Assert.True(new CompletionWord("*асса").MatchesName("Касса 12"));
        Assert.True(new CompletionWord(CafeComposed).MatchesName(CafeDecomposed + " 1"));
        Assert.False(new CompletionWord("Ё").MatchesName("Елка"));
        Assert.True(new CompletionWord("").MatchesId(containsTwelve));
    }

    [Fact]
    public void CompletionWord_CompletesPhonesByTheirDigits()
    {
        Assert.True(new CompletionWord("+7 900").MatchesPhone("+7 900 123-45-67"));
        Assert.True(new CompletionWord("900").MatchesPhone("+7 900 123-45-67"));
        Assert.True(new CompletionWord("8900").MatchesPhone("+7 900 123-45-67"));
        Assert.False(new CompletionWord("123").MatchesPhone("+7 900 123-45-67"));
        Assert.False(new CompletionWord("Иван").MatchesPhone("+7 900 123-45-67"));
    }

    [Fact]
    public void Wildcard_EscapeGivesAPatternThatMatchesOnlyTheName()
    {
        var escaped = Wildcard.Escape("Касса [1]* `x`?");

        Assert.Equal("Касса `[1`]`* ``x```?", escaped);
        Assert.True(new Wildcard(escaped).IsMatch("Касса [1]* `x`?"));
        Assert.False(new Wildcard(escaped).IsMatch("Касса 1* `x`?"));
        Assert.False(Wildcard.HasBracketSet("Касса `[1`]"));
        Assert.False(Wildcard.HasBracketSet("Касса [1"));
        Assert.True(Wildcard.HasBracketSet("Касса [1]"));
    }
}
