namespace LifePos.Tests.Fuzzing;

/// <summary>The ways a fuzzed answer differs from the valid one.</summary>
internal enum Mutation
{
    None,
    DropField,
    NullValue,
    WrongType,
    ExtraFields,
    HugeString,
    DeepNesting,
    InvalidUtf8,
    OddDate,
    WrongContentType,
    Truncated,
    CutConnection,
    BrokenJson,
    DuplicateKey,
}
