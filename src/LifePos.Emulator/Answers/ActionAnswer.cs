namespace LifePos.Emulator.Answers;

/// <summary>The <c>actions</c> choice: what archive (DELETE), :unarchive and :deactivate answer.</summary>
internal enum ActionAnswer : byte { Workplace, Empty200, Empty204, EmptyObject }
