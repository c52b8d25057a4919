using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LifePos.Emulator.Faults;

/// <summary>The random fault mix: "500=0.1,drop-after=0.02"; rates are 0..1 and add up to at most 1.</summary>
internal sealed class FaultRates
{
    public static readonly FaultRates None = new([]);

    private FaultRates(IReadOnlyList<(FaultKind Kind, double Rate)> rates) => Rates = rates;

    public IReadOnlyList<(FaultKind Kind, double Rate)> Rates { get; }

    public static FaultRates Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var rates = new List<(FaultKind, double)>();
        var sum = 0.0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new ArgumentException($"Option --faults: '{part}' is not kind=rate.");
            var kindText = part[..equals].Trim();
            var rateText = part[(equals + 1)..].Trim();
            if (!FaultKinds.TryParse(kindText, out var kind))
                throw new ArgumentException($"Option --faults: unknown fault kind '{kindText}'; known kinds: {FaultKinds.AllNames}.");
            if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0 || rate > 1)
                throw new ArgumentException($"Option --faults: rate '{rateText}' of '{kindText}' is not a number from 0 to 1.");
            sum += rate;
            rates.Add((kind, rate));
        }
        if (sum > 1 + 1e-9)
            throw new ArgumentException($"Option --faults: the rates add up to {sum.ToString(CultureInfo.InvariantCulture)}, more than 1.");
        return new FaultRates(rates);
    }

    /// <summary>The mix as PUT /_emulator/faults takes it back: "500=0.1,drop-after=0.02"; "" when there is none.</summary>
    public override string ToString() =>
        string.Join(",", Rates.Select(r => FaultKinds.Name(r.Kind) + "=" + r.Rate.ToString(CultureInfo.InvariantCulture)));
}
