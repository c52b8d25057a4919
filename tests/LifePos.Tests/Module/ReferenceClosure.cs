using System.Reflection;
using System.Reflection.Metadata;
using LifePos.Module;

namespace LifePos.Tests.Module;

/// <summary>
/// What Windows PowerShell 5.1 on .NET Framework 4.7.2 would meet when it loads a module folder, read from metadata:
/// whether every assembly reference binds, and whether every type and member the module assembly uses exists.
/// </summary>
internal static class ReferenceClosure
{
    /// <summary>
    /// Every assembly reference of every shipped file, and how it is met: a shipped file of exactly that version (the
    /// module folder is probed), a shipped file that <see cref="DependencyResolver.ShippedCopy"/> would load for it, or
    /// an assembly of .NET Framework 4.7.2 or of Windows PowerShell at least as new.
    /// </summary>
    public static IReadOnlyList<ReferenceCheck> References(AssemblySet set, string moduleFolder) =>
        set.ShippedFiles
            .SelectMany(file => file.Reader.AssemblyReferences.Select(handle => (File: file, Reference: file.Reader.GetAssemblyReference(handle).GetAssemblyName())))
            .Select(pair => Check(set, pair.File, pair.Reference, moduleFolder))
            .ToList();

    /// <summary>Each type and member <paramref name="module"/> uses that no assembly of the set has, and how many were checked.</summary>
    public static (int Checked, IReadOnlyList<string> Missing) MissingTypesAndMembers(AssemblySet set, MetadataFile module)
    {
        var reader = module.Reader;
        var missing = new List<string>();
        var count = 0;
        foreach (var handle in reader.TypeReferences)
        {
            count++;
            if (set.Resolve(module, handle) is null)
            {
                var scope = SignatureTypes.ScopeAssembly(reader, handle);
                var looked = set.Lookup(new AssemblyName(scope), module);
                missing.Add("type " + SignatureTypes.FullName(reader, handle) +
                    (looked is null ? " (no assembly " + scope + ")" : " (not in " + looked.FileName + ", " + looked.Origin + " " + looked.Name.Version + ")"));
            }
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind is not (HandleKind.TypeReference or HandleKind.TypeSpecification) || set.Resolve(module, member.Parent) is not { } owner)
            {
                continue; // the module's own, a method on an array, or a type already reported missing
            }

            count++;
            var field = member.GetKind() == MemberReferenceKind.Field;
            var signature = field
                ? member.DecodeFieldSignature(SignatureTypes.Instance, null).Text
                : SignatureTypes.Text(member.DecodeMethodSignature(SignatureTypes.Instance, null));
            var name = reader.GetString(member.Name);
            if (!set.HasMember(owner.File, owner.Type, name, signature, field))
            {
                missing.Add(SignatureTypes.FullName(owner.File.Reader, owner.Type) + "::" + name + " " + signature +
                    " (not in " + owner.File.FileName + ", " + owner.File.Origin + " " + owner.File.Name.Version + ")");
            }
        }

        return (count, missing);
    }

    private static ReferenceCheck Check(AssemblySet set, MetadataFile file, AssemblyName reference, string moduleFolder)
    {
        if (set.ShippedFile(reference.Name!) is { } shipped)
        {
            if (shipped.Name.Version == reference.Version && SameKey(shipped.Name, reference))
            {
                return new(file.FileName, reference, true, "shipped, the same version");
            }

            return DependencyResolver.ShippedCopy(reference, moduleFolder) is not null
                ? new(file.FileName, reference, true, "DependencyResolver loads the shipped " + shipped.Name.Version)
                : new(file.FileName, reference, false, "the folder ships " + shipped.Name.Version + ", which DependencyResolver does not load for it");
        }

        return set.Bind(reference, file) is { } bound
            ? new(file.FileName, reference, true, bound.Origin + " has " + bound.Name.Version)
            : new(file.FileName, reference, false, "neither shipped nor in " + AssemblySet.Framework + " or " + AssemblySet.Host);
    }

    private static bool SameKey(AssemblyName shipped, AssemblyName reference) =>
        (shipped.GetPublicKeyToken() ?? []).AsSpan().SequenceEqual(reference.GetPublicKeyToken() ?? []);
}
