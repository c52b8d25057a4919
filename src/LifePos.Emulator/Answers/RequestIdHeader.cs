namespace LifePos.Emulator.Answers;

/// <summary>The <c>request-id</c> choice: which header carries the request's id.</summary>
internal enum RequestIdHeader : byte { Header, Traceparent, None }
