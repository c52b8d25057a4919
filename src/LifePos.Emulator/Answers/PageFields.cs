namespace LifePos.Emulator.Answers;

/// <summary>The <c>page-fields</c> choice: whether list envelopes carry the page counters.</summary>
internal enum PageFields : byte { Present, Missing }
