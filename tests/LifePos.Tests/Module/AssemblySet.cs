using System.Reflection;
using System.Reflection.Metadata;

namespace LifePos.Tests.Module;

/// <summary>
/// The assemblies a module meets at run time: the files it ships, the .NET Framework's, the host's. Resolves type
/// references through type forwarders (netstandard.dll forwards to mscorlib, System, ...) and finds members by name and
/// signature, looking in base types and interfaces.
/// </summary>
internal sealed class AssemblySet : IDisposable
{
    public const string Shipped = "shipped";
    public const string Framework = ".NET Framework 4.7.2";
    public const string Host = "Windows PowerShell 5.1";

    private readonly List<MetadataFile> _files = [];

    public AssemblySet(string moduleFolder, string frameworkFolder, string hostAssembly)
    {
        var paths = Directory.GetFiles(moduleFolder, "*.dll").Select(path => (path, Shipped))
            .Concat(Directory.GetFiles(frameworkFolder, "*.dll").Select(path => (path, Framework)))
            .Concat(Directory.GetFiles(Path.Combine(frameworkFolder, "Facades"), "*.dll").Select(path => (path, Framework)))
            .Append((hostAssembly, Host));
        foreach (var (path, origin) in paths)
        {
            if (MetadataFile.Open(path, origin) is { } file)
            {
                _files.Add(file);
            }
        }
    }

    public IEnumerable<MetadataFile> ShippedFiles => _files.Where(file => file.Origin == Shipped);

    public MetadataFile? ShippedFile(string simpleName) =>
        ShippedFiles.FirstOrDefault(file => string.Equals(file.Name.Name, simpleName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The file a reference from <paramref name="from"/> binds to: one with that name and at least that version. A
    /// shipped file's reference finds a shipped copy first (the module's folder is probed); a framework file's reference
    /// finds the framework's own first (the GAC wins there).
    /// </summary>
    public MetadataFile? Bind(AssemblyName reference, MetadataFile from)
    {
        var order = from.Origin == Shipped ? new[] { Shipped, Framework, Host } : new[] { Framework, Host, Shipped };
        return order.SelectMany(origin => _files.Where(file => file.Origin == origin))
            .FirstOrDefault(file => string.Equals(file.Name.Name, reference.Name, StringComparison.OrdinalIgnoreCase)
                && (reference.Version is null || file.Name.Version >= reference.Version));
    }

    /// <summary>
    /// The file a type reference's assembly leads to: the one it binds to, else the one of that name (an older version
    /// is not bound, which <see cref="ReferenceClosure.References"/> reports; its members can still be compared).
    /// </summary>
    public MetadataFile? Lookup(AssemblyName reference, MetadataFile from) =>
        Bind(reference, from) ?? _files.FirstOrDefault(file => string.Equals(file.Name.Name, reference.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The definition a type handle of <paramref name="from"/> stands for (a generic instantiation: its generic type).</summary>
    public (MetadataFile File, TypeDefinitionHandle Type)? Resolve(MetadataFile from, EntityHandle type)
    {
        var reader = from.Reader;
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                return (from, (TypeDefinitionHandle)type);
            case HandleKind.TypeSpecification:
                // A generic instantiation stands for its generic type, the type handle after GENERICINST CLASS (or
                // VALUETYPE) in its blob; an array or a generic parameter for nothing.
                var blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)type).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode();
                return Resolve(from, blob.ReadTypeHandle());
            case HandleKind.TypeReference:
                var reference = reader.GetTypeReference((TypeReferenceHandle)type);
                var scope = reference.ResolutionScope;
                if (scope.Kind == HandleKind.TypeReference)
                {
                    var outer = Resolve(from, scope);
                    return outer is { } found ? Nested(found.File, found.Type, reader.GetString(reference.Name)) : null;
                }

                var fullName = SignatureTypes.FullName(reader, (TypeReferenceHandle)type);
                return scope.Kind == HandleKind.AssemblyReference
                    ? FindTopLevel(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).GetAssemblyName(), fullName, from)
                    : from.Defined(fullName) is { } own ? (from, own) : null;
            default:
                return null;
        }
    }

    /// <summary>True when the type or a base type or interface of it has a method (or field) with that name and signature.</summary>
    public bool HasMember(MetadataFile file, TypeDefinitionHandle type, string name, string signature, bool field)
    {
        var seen = new HashSet<(string, TypeDefinitionHandle)>();
        var pending = new Queue<(MetadataFile File, TypeDefinitionHandle Type)>([(file, type)]);
        while (pending.TryDequeue(out var current))
        {
            if (!seen.Add((current.File.Path, current.Type)))
            {
                continue;
            }

            var reader = current.File.Reader;
            var definition = reader.GetTypeDefinition(current.Type);
            var found = field
                ? definition.GetFields().Select(reader.GetFieldDefinition)
                    .Any(candidate => reader.GetString(candidate.Name) == name && candidate.DecodeSignature(SignatureTypes.Instance, null).Text == signature)
                : definition.GetMethods().Select(reader.GetMethodDefinition)
                    .Any(candidate => reader.GetString(candidate.Name) == name && SignatureTypes.Text(candidate.DecodeSignature(SignatureTypes.Instance, null)) == signature);
            if (found)
            {
                return true;
            }

            var inherited = definition.GetInterfaceImplementations().Select(handle => reader.GetInterfaceImplementation(handle).Interface).Prepend(definition.BaseType);
            foreach (var handle in inherited.Where(handle => !handle.IsNil))
            {
                if (Resolve(current.File, handle) is { } next)
                {
                    pending.Enqueue(next);
                }
            }
        }

        return false;
    }

    public void Dispose() => _files.ForEach(file => file.Dispose());

    private (MetadataFile File, TypeDefinitionHandle Type)? FindTopLevel(AssemblyName assembly, string fullName, MetadataFile from)
    {
        for (var hops = 0; hops < 8 && Lookup(assembly, from) is { } file; hops++)
        {
            if (file.Defined(fullName) is { } handle)
            {
                return (file, handle);
            }

            if (file.ForwardedTo(fullName) is not { } target)
            {
                return null;
            }

            (assembly, from) = (target, file);
        }

        return null;
    }

    private static (MetadataFile File, TypeDefinitionHandle Type)? Nested(MetadataFile file, TypeDefinitionHandle outer, string name)
    {
        var reader = file.Reader;
        foreach (var nested in reader.GetTypeDefinition(outer).GetNestedTypes())
        {
            if (reader.GetString(reader.GetTypeDefinition(nested).Name) == name)
            {
                return (file, nested);
            }
        }

        return null;
    }
}
