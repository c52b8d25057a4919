namespace LifePos.Emulator.Answers;

/// <summary>The <c>auth</c> choice: which Authorization forms are accepted.</summary>
internal enum AuthForms : byte { Any, Bearer, Raw }
