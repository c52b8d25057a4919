namespace LifePos.Emulator.Answers;

/// <summary>The <c>dates</c> choice: how every date-time in items is written.</summary>
internal enum DateFormat : byte { Ms, Seconds, Ticks, Zulu }
