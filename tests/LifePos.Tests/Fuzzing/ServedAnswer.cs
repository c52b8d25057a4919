namespace LifePos.Tests.Fuzzing;

/// <summary>What a call was answered, for the failure message and the coverage check.</summary>
internal sealed record ServedAnswer(string Request, int Status, Mutation Mutation, string Detail)
{
    /// <summary>An answer the API gives when all is well: a call answered only so must succeed.</summary>
    public bool IsValid => Mutation == Mutation.None && Status is 200 or 201;

    public override string ToString() => Request + " → " + Status + " " + Detail;
}
