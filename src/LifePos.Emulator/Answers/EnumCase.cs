namespace LifePos.Emulator.Answers;

/// <summary>The <c>enums</c> choice: <c>workplace_type</c> as stored or in lower case.</summary>
internal enum EnumCase : byte { Canonical, Lower }
