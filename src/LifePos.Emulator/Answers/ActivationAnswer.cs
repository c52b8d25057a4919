namespace LifePos.Emulator.Answers;

/// <summary>The <c>activation</c> choice: whether POST /auth/activate-workplace answers with a token.</summary>
internal enum ActivationAnswer : byte { Token, NoToken }
