using System.Globalization;
using LifePos.Core.Json;

namespace LifePos.Tests.Json;

/// <summary>The workplace type of an answer (or a CSV row) is read by a switch and a lookup built once, not by reflection per item.</summary>
public sealed class WorkplaceTypeParsingTests
{
    [Theory]
    [InlineData("Mobile")]
    [InlineData("Stationary")]
    [InlineData("Automat")]
    [InlineData("Unknown")]
    [InlineData(null)]
    [InlineData("mobile")]
    [InlineData(" AUTOMAT ")]
    [InlineData("stationary\t")]
    [InlineData("unknown")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData(" 2 ")]
    [InlineData("3")]
    [InlineData("02")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("99999999999")]
    [InlineData("١")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Kiosk")]
    [InlineData("Mobile,Automat")]
    public void ParseWorkplaceType_AgreesWithTheEnumsOwnRules(string? text)
    {
        Assert.Equal(ByReflection(text), WorkplaceMapper.ParseWorkplaceType(text));
    }

    /// <summary>The rule as it was written with Enum.GetNames, Enum.Parse and Enum.IsDefined.</summary>
    private static WorkplaceType? ByReflection(string? text)
    {
        if (text is null)
        {
            return WorkplaceType.Unknown;
        }

        foreach (var name in Enum.GetNames(typeof(WorkplaceType)))
        {
            if (string.Equals(name, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (WorkplaceType)Enum.Parse(typeof(WorkplaceType), name);
            }
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && Enum.IsDefined(typeof(WorkplaceType), number)
            ? (WorkplaceType)number
            : null;
    }
}
