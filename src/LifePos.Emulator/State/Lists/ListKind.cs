namespace LifePos.Emulator.State.Lists;

/// <summary>Which list a page token belongs to.</summary>
internal enum ListKind : byte { Workplaces, Employees, Outlets }
