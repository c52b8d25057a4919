using System.Text.Json;

// A module's import with two planted defects, read by ReferenceClosureTests (never imported): an exported type that
// holds a JSON value by value, and an initializer that serializes on import. Public, because the import loads
// exported types.
namespace LifePos.Tests.Module.Planted;

/// <summary>Stands for IModuleAssemblyInitializer in the planted module.</summary>
public interface IPlantedInitializer
{
    void OnImport();
}

/// <summary>Loading it loads System.Text.Json: a JsonElement field is part of its layout.</summary>
public sealed class ExportedWithJsonValue
{
    public JsonElement Settings { get; set; }
}

/// <summary>Not flagged: a field of a class type is not loaded with the type that holds it.</summary>
public sealed class ExportedWithJsonReference
{
    public JsonSerializerOptions? Options { get; set; }
}

/// <summary>Its OnImport reaches JsonSerializer through a helper.</summary>
public sealed class InitializerThatSerializes : IPlantedInitializer
{
    public void OnImport() => Remember(1);

    private static string Remember(int value) => JsonSerializer.Serialize(value);
}
