using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.State.Lists;

/// <summary>Inclusive created_at and updated_at bounds, as UTC ticks; a null bound is open.</summary>
internal readonly partial record struct DateRange(long? CreatedFrom, long? CreatedTo, long? UpdatedFrom, long? UpdatedTo)
{
    public bool IsEmpty => CreatedFrom is null && CreatedTo is null && UpdatedFrom is null && UpdatedTo is null;

    public bool Contains(IListData item)
    {
        var created = item.CreatedAt.UtcTicks;
        var updated = item.UpdatedAt.UtcTicks;
        return !(created < CreatedFrom || created > CreatedTo || updated < UpdatedFrom || updated > UpdatedTo);
    }

    /// <summary>created_from, created_to, updated_from and updated_to: ISO 8601 date-times with an offset or Z.</summary>
    public static DateRange Parse(IQueryCollection parameters) =>
        new(Bound(parameters, "created_from"), Bound(parameters, "created_to"), Bound(parameters, "updated_from"), Bound(parameters, "updated_to"));

    private static long? Bound(IQueryCollection parameters, string name)
    {
        var text = parameters[name].ToString();
        if (text.Length == 0) return null;
        if (!IsoDateTime().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
            throw ApiException.Invalid($"{name} must be an ISO 8601 date-time with an offset or Z, for example 2026-11-29T18:00:00+03:00 (escape + as %2B); got '{text}'.");
        return value.UtcTicks;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();
}
