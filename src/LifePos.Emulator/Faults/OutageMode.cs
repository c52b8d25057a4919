namespace LifePos.Emulator.Faults;

/// <summary>What an outage does to every API request: abort the connection at once, or never answer.</summary>
internal enum OutageMode { Reset, Hang }
