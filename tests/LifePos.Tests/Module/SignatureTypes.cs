using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace LifePos.Tests.Module;

/// <summary>Decodes signatures into <see cref="SignatureType"/>s, and names types and methods the same way everywhere.</summary>
internal sealed class SignatureTypes : ISignatureTypeProvider<SignatureType, object?>
{
    public static readonly SignatureTypes Instance = new();

    public SignatureType GetPrimitiveType(PrimitiveTypeCode typeCode) => SignatureType.Simple("System." + typeCode);

    public SignatureType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new(FullName(reader, handle), reader.GetString(reader.GetAssemblyDefinition().Name), rawTypeKind == (byte)SignatureTypeKind.ValueType, handle, []);

    public SignatureType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        new(FullName(reader, handle), ScopeAssembly(reader, handle), rawTypeKind == (byte)SignatureTypeKind.ValueType, default, []);

    public SignatureType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SignatureType GetSZArrayType(SignatureType elementType) => Made(elementType.Text + "[]", elementType);

    public SignatureType GetArrayType(SignatureType elementType, ArrayShape shape) => Made(elementType.Text + "[" + new string(',', shape.Rank - 1) + "]", elementType);

    public SignatureType GetByReferenceType(SignatureType elementType) => Made(elementType.Text + "&", elementType);

    public SignatureType GetPointerType(SignatureType elementType) => Made(elementType.Text + "*", elementType);

    public SignatureType GetPinnedType(SignatureType elementType) => elementType;

    public SignatureType GetModifiedType(SignatureType modifier, SignatureType unmodifiedType, bool isRequired) =>
        unmodifiedType with { Text = (isRequired ? "modreq(" : "modopt(") + modifier.Text + ") " + unmodifiedType.Text };

    public SignatureType GetGenericInstantiation(SignatureType genericType, ImmutableArray<SignatureType> typeArguments) =>
        genericType with
        {
            Text = genericType.Text + "<" + string.Join(",", typeArguments.Select(argument => argument.Text)) + ">",
            Parts = [genericType with { Parts = [] }, .. typeArguments],
        };

    public SignatureType GetGenericTypeParameter(object? genericContext, int index) => SignatureType.Simple("!" + index);

    public SignatureType GetGenericMethodParameter(object? genericContext, int index) => SignatureType.Simple("!!" + index);

    public SignatureType GetFunctionPointerType(MethodSignature<SignatureType> signature) =>
        new("method " + Text(signature), null, false, default, [signature.ReturnType, .. signature.ParameterTypes]);

    /// <summary>A method signature as text: instance or not, the return type, the parameters and the generic arity.</summary>
    public static string Text(MethodSignature<SignatureType> signature) =>
        (signature.Header.IsInstance ? "instance " : "") + signature.ReturnType.Text +
        " (" + string.Join(",", signature.ParameterTypes.Select(parameter => parameter.Text)) + ")`" + signature.GenericParameterCount;

    public static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? Join(reader.GetString(type.Namespace), reader.GetString(type.Name))
            : FullName(reader, declaring) + "/" + reader.GetString(type.Name);
    }

    public static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + reader.GetString(type.Name)
            : Join(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    /// <summary>The simple name of the assembly a type reference points into (its own for a module-scoped one).</summary>
    public static string ScopeAssembly(MetadataReader reader, TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => ScopeAssembly(reader, (TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            _ => reader.GetString(reader.GetAssemblyDefinition().Name),
        };
    }

    private static SignatureType Made(string text, SignatureType part) => new(text, null, false, default, [part]);

    private static string Join(string @namespace, string name) => @namespace.Length == 0 ? name : @namespace + "." + name;
}
