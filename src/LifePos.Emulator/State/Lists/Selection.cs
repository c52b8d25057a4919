namespace LifePos.Emulator.State.Lists;

internal enum Selection : byte { AliveOnly, ArchivedOnly, All }
