namespace LifePos.Emulator.Answers;

/// <summary>
/// The <c>extensions</c> choice: answers show every extension, or only those the request names in
/// X-LP-Client-Extensions, and then writing an extension the request does not name is refused.
/// </summary>
internal enum ExtensionAnswer : byte { All, DeclaredOnly }
