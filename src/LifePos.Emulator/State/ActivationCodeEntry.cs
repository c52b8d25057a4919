using System;

namespace LifePos.Emulator.State;

internal sealed record ActivationCodeEntry(string Code, Guid Organization, Guid Workplace, Guid Employee, Guid? Outlet, DateTimeOffset ExpiresAt);
