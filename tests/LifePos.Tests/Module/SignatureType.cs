using System.Reflection.Metadata;

namespace LifePos.Tests.Module;

/// <summary>
/// A type as a signature names it: its text, the same in every assembly that names it (so a reference's signature can
/// be compared with the definition's), the simple name of the assembly it comes from (null for primitives, arrays and
/// generic parameters), whether the signature says it is a value type, its definition when it is the reading
/// assembly's own, and the types it is made of.
/// </summary>
internal sealed record SignatureType(string Text, string? Assembly, bool IsValueType, TypeDefinitionHandle Definition, IReadOnlyList<SignatureType> Parts)
{
    public static SignatureType Simple(string text) => new(text, null, false, default, []);

    /// <summary>This type and every type it is made of, depth first.</summary>
    public IEnumerable<SignatureType> SelfAndParts()
    {
        yield return this;
        foreach (var part in Parts)
        {
            foreach (var inner in part.SelfAndParts())
            {
                yield return inner;
            }
        }
    }

    public override string ToString() => Text;
}
