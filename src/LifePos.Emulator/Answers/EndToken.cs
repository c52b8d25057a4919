namespace LifePos.Emulator.Answers;

/// <summary>The <c>end-token</c> choice: the last page's <c>next_page_token</c>.</summary>
internal enum EndToken : byte { Empty, Null, Missing }
