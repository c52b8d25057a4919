using System;

namespace LifePos.Emulator.State;

/// <summary>
/// Who a token belongs to. Admin tokens reach every organization; a workplace token only its own.
/// <paramref name="Employee"/> names the employee the token signs in as, in each organization it reaches
/// (see <see cref="Staff"/>); a workplace token has none.
/// </summary>
internal sealed record TokenInfo(Role Role, Guid? Organization, Guid? Workplace, string? Employee);
