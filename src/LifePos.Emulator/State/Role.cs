namespace LifePos.Emulator.State;

/// <summary>The six system roles of every organization, and the role of a workplace token.</summary>
internal enum Role { Owner, Administrator, Manager, Cashier, Courier, Guest, Workplace }
