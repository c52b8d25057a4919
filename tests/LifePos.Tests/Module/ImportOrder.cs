using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace LifePos.Tests.Module;

/// <summary>
/// What Windows PowerShell 5.1 loads of a binary module before its module initializer has run, read from metadata.
/// Import-Module calls Assembly.GetExportedTypes(), which loads every public type: its base types, interfaces, the types
/// of its attributes and of its value-type fields; then it runs the initializer's OnImport, which compiles the methods
/// it calls. Any type there from a given set of assemblies (those only the initializer's resolver can find) would be
/// loaded before the resolver exists.
/// </summary>
internal sealed class ImportOrder
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    private readonly MetadataFile _module;
    private readonly ISet<string> _needResolver;
    private readonly HashSet<TypeDefinitionHandle> _loaded = [];
    private readonly HashSet<MethodDefinitionHandle> _compiled = [];
    private readonly List<string> _found = [];

    private ImportOrder(MetadataFile module, ISet<string> needResolver)
    {
        _module = module;
        _needResolver = needResolver;
    }

    private MetadataReader Reader => _module.Reader;

    /// <summary>
    /// Each way the import of <paramref name="module"/> reaches a type of <paramref name="needResolver"/> before its
    /// initializer (a type implementing <paramref name="initializerInterface"/>) has run; only the types of
    /// <paramref name="inNamespace"/> when it is given.
    /// </summary>
    public static IReadOnlyList<string> TooEarly(
        MetadataFile module, ISet<string> needResolver, string initializerInterface, string? inNamespace = null)
    {
        var walk = new ImportOrder(module, needResolver);
        var types = module.Reader.TypeDefinitions
            .Where(handle => inNamespace is null || SignatureTypes.FullName(module.Reader, handle).StartsWith(inNamespace + ".", StringComparison.Ordinal))
            .ToList();
        foreach (var type in types.Where(walk.IsExported))
        {
            walk.Load(type, SignatureTypes.FullName(module.Reader, type) + " (exported)");
        }

        var initializers = types.Where(type => walk.Implements(type, initializerInterface)).ToList();
        if (initializers.Count == 0)
        {
            walk._found.Add("no type implements " + initializerInterface);
        }

        foreach (var type in initializers)
        {
            foreach (var method in module.Reader.GetTypeDefinition(type).GetMethods())
            {
                var name = module.Reader.GetString(module.Reader.GetMethodDefinition(method).Name);
                if (name == "OnImport" || name.EndsWith(".OnImport", StringComparison.Ordinal))
                {
                    walk.Compile(method, SignatureTypes.FullName(module.Reader, type) + "." + name);
                }
            }
        }

        return walk._found;
    }

    private bool IsExported(TypeDefinitionHandle handle)
    {
        var type = Reader.GetTypeDefinition(handle);
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        return visibility == TypeAttributes.Public || (visibility == TypeAttributes.NestedPublic && IsExported(type.GetDeclaringType()));
    }

    private bool Implements(TypeDefinitionHandle handle, string interfaceName) =>
        Reader.GetTypeDefinition(handle).GetInterfaceImplementations()
            .Select(implementation => Reader.GetInterfaceImplementation(implementation).Interface)
            .Any(type => type.Kind == HandleKind.TypeReference && SignatureTypes.FullName(Reader, (TypeReferenceHandle)type) == interfaceName
                || type.Kind == HandleKind.TypeDefinition && SignatureTypes.FullName(Reader, (TypeDefinitionHandle)type) == interfaceName);

    /// <summary>What loading a type of the module loads: base types, interfaces, attribute types and value-type fields.</summary>
    private void Load(TypeDefinitionHandle handle, string path)
    {
        if (!_loaded.Add(handle))
        {
            return;
        }

        var type = Reader.GetTypeDefinition(handle);
        if (!type.BaseType.IsNil)
        {
            Uses(type.BaseType, path + " → base type");
        }

        foreach (var implementation in type.GetInterfaceImplementations())
        {
            Uses(Reader.GetInterfaceImplementation(implementation).Interface, path + " → interface");
        }

        foreach (var attribute in type.GetCustomAttributes())
        {
            var constructor = Reader.GetCustomAttribute(attribute).Constructor;
            Uses(constructor.Kind == HandleKind.MemberReference
                ? Reader.GetMemberReference((MemberReferenceHandle)constructor).Parent
                : Reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(), path + " → attribute");
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = Reader.GetFieldDefinition(fieldHandle);
            var fieldType = field.DecodeSignature(SignatureTypes.Instance, null);
            if (fieldType.IsValueType)
            {
                Uses(fieldType, path + " → field " + Reader.GetString(field.Name));
            }
        }
    }

    /// <summary>What compiling a method of the module loads: its signature and locals, and what its IL names.</summary>
    private void Compile(MethodDefinitionHandle handle, string path)
    {
        if (!_compiled.Add(handle))
        {
            return;
        }

        var method = Reader.GetMethodDefinition(handle);
        var declaring = method.GetDeclaringType();
        Load(declaring, path + " → its type");
        Uses(method.DecodeSignature(SignatureTypes.Instance, null), path);
        CompileStaticConstructor(declaring, path);

        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var body = _module.PE.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            foreach (var local in Reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(SignatureTypes.Instance, null))
            {
                Uses(local, path + " → a local");
            }
        }

        foreach (var token in Tokens(body.GetILReader()))
        {
            Named(token, path);
        }
    }

    private void CompileStaticConstructor(TypeDefinitionHandle type, string path)
    {
        foreach (var method in Reader.GetTypeDefinition(type).GetMethods())
        {
            if (Reader.GetString(Reader.GetMethodDefinition(method).Name) == ".cctor")
            {
                Compile(method, path + " → static constructor");
            }
        }
    }

    private void Named(EntityHandle token, string path)
    {
        switch (token.Kind)
        {
            case HandleKind.MethodDefinition:
                var method = Reader.GetMethodDefinition((MethodDefinitionHandle)token);
                Compile((MethodDefinitionHandle)token, path + " → " + SignatureTypes.FullName(Reader, method.GetDeclaringType()) + "." + Reader.GetString(method.Name));
                break;
            case HandleKind.MemberReference:
                var member = Reader.GetMemberReference((MemberReferenceHandle)token);
                var where = path + " → " + Reader.GetString(member.Name);
                Uses(member.Parent, where);
                if (member.GetKind() == MemberReferenceKind.Field)
                {
                    Uses(member.DecodeFieldSignature(SignatureTypes.Instance, null), where);
                }
                else
                {
                    Uses(member.DecodeMethodSignature(SignatureTypes.Instance, null), where);
                }

                break;
            case HandleKind.MethodSpecification:
                var specification = Reader.GetMethodSpecification((MethodSpecificationHandle)token);
                Named(specification.Method, path);
                foreach (var argument in specification.DecodeSignature(SignatureTypes.Instance, null))
                {
                    Uses(argument, path + " → a type argument");
                }

                break;
            case HandleKind.FieldDefinition:
                var field = Reader.GetFieldDefinition((FieldDefinitionHandle)token);
                var fieldPath = path + " → " + Reader.GetString(field.Name);
                Load(field.GetDeclaringType(), fieldPath);
                CompileStaticConstructor(field.GetDeclaringType(), fieldPath);
                Uses(field.DecodeSignature(SignatureTypes.Instance, null), fieldPath);
                break;
            case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                Uses(token, path);
                break;
        }
    }

    private void Uses(MethodSignature<SignatureType> signature, string path)
    {
        foreach (var type in signature.ParameterTypes.Prepend(signature.ReturnType))
        {
            Uses(type, path);
        }
    }

    private void Uses(EntityHandle type, string path)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                Load((TypeDefinitionHandle)type, path + " " + SignatureTypes.FullName(Reader, (TypeDefinitionHandle)type));
                break;
            case HandleKind.TypeReference:
                Uses(SignatureTypes.Instance.GetTypeFromReference(Reader, (TypeReferenceHandle)type, 0), path);
                break;
            case HandleKind.TypeSpecification:
                Uses(Reader.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(SignatureTypes.Instance, null), path);
                break;
        }
    }

    private void Uses(SignatureType type, string path)
    {
        foreach (var part in type.SelfAndParts())
        {
            if (part.Assembly is { } assembly && _needResolver.Contains(assembly))
            {
                _found.Add(path + " " + part.Text + " (" + assembly + ")");
            }
            else if (!part.Definition.IsNil)
            {
                Load(part.Definition, path + " " + part.Text);
            }
        }
    }

    /// <summary>The metadata tokens the IL names (calls, fields, types, ldtoken), skipping every other operand.</summary>
    private static IEnumerable<EntityHandle> Tokens(BlobReader il)
    {
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var value = first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : (short)first;
            switch (Operands[value])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var token = il.ReadInt32();
                    if ((token >> 24) != 0x70)
                    {
                        yield return MetadataTokens.EntityHandle(token);
                    }

                    break;
                case OperandType.InlineSwitch:
                    il.Offset += 4 * il.ReadInt32();
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
    }
}
