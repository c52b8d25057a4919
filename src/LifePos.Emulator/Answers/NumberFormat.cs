namespace LifePos.Emulator.Answers;

/// <summary>The <c>numbers</c> choice: a workplace's number and the list counters as numbers or strings.</summary>
internal enum NumberFormat : byte { Number, String }
