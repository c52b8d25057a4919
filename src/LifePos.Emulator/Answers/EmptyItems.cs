namespace LifePos.Emulator.Answers;

/// <summary>The <c>items</c> choice: what an empty page has for <c>items</c>.</summary>
internal enum EmptyItems : byte { Array, NullOnEmpty, MissingOnEmpty }
