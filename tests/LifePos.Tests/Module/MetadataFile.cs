using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LifePos.Tests.Module;

/// <summary>One assembly file read as metadata (never loaded), with where it comes from and its top-level types.</summary>
internal sealed class MetadataFile : IDisposable
{
    private readonly PEReader _pe;
    private readonly Dictionary<string, TypeDefinitionHandle> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssemblyName> _forwarded = new(StringComparer.Ordinal);

    private MetadataFile(string path, string origin, PEReader pe)
    {
        Path = path;
        Origin = origin;
        _pe = pe;
        Reader = _pe.GetMetadataReader();
        Name = Reader.GetAssemblyDefinition().GetAssemblyName();
        foreach (var handle in Reader.TypeDefinitions)
        {
            if (Reader.GetTypeDefinition(handle).GetDeclaringType().IsNil)
            {
                _types[SignatureTypes.FullName(Reader, handle)] = handle;
            }
        }

        foreach (var handle in Reader.ExportedTypes)
        {
            var exported = Reader.GetExportedType(handle);
            if (exported.IsForwarder && exported.Implementation.Kind == HandleKind.AssemblyReference)
            {
                var name = Reader.GetString(exported.Namespace) + "." + Reader.GetString(exported.Name);
                _forwarded[name] = Reader.GetAssemblyReference((AssemblyReferenceHandle)exported.Implementation).GetAssemblyName();
            }
        }
    }

    /// <summary>The file as metadata; null when it holds none or no assembly (a few reference files are modules or native).</summary>
    public static MetadataFile? Open(string path, string origin)
    {
        var pe = new PEReader(File.OpenRead(path));
        if (pe.HasMetadata && pe.GetMetadataReader().IsAssembly)
        {
            return new MetadataFile(path, origin, pe);
        }

        pe.Dispose();
        return null;
    }

    public string Path { get; }

    /// <summary>Where the file comes from: shipped in the module folder, .NET Framework 4.7.2, or Windows PowerShell 5.1.</summary>
    public string Origin { get; }

    public AssemblyName Name { get; }

    public MetadataReader Reader { get; }

    public PEReader PE => _pe;

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>A top-level type defined here, by its full name.</summary>
    public TypeDefinitionHandle? Defined(string fullName) => _types.TryGetValue(fullName, out var handle) ? handle : null;

    /// <summary>The assembly a type forwarder here sends a top-level type to, by its full name.</summary>
    public AssemblyName? ForwardedTo(string fullName) => _forwarded.GetValueOrDefault(fullName);

    public void Dispose() => _pe.Dispose();
}
