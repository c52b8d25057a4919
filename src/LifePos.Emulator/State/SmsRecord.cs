using System;

namespace LifePos.Emulator.State;

/// <summary>An activation code "sent" by SMS: to which phone, for which workplace, employee and outlet, and when.</summary>
internal sealed record SmsRecord(Guid Workplace, Guid Employee, string Phone, Guid? Outlet, string ActivationCode, DateTimeOffset SentAt);
