namespace LifePos.Emulator.Answers;

/// <summary>The <c>errors</c> choice: the shape of every API error.</summary>
internal enum ErrorShape : byte { CodeMessage, CodeDescription, Problem, Text, Html }
