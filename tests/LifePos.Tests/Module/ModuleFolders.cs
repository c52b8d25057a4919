using System.Reflection;

namespace LifePos.Tests.Module;

/// <summary>Where the published module and the reference assemblies are (the test project's AssemblyMetadata says).</summary>
internal static class ModuleFolders
{
    public static string NetFramework472 => Metadata("NetFramework472");

    public static string WindowsPowerShellAutomation => Metadata("WindowsPowerShellAutomation");

    public static string NewerSystemTextJson => Metadata("NewerSystemTextJson");

    public static string OlderSystemTextJson => Metadata("OlderSystemTextJson");

    /// <summary>out/LifePos/, the module folder as ./build.ps1 Build publishes it (./build.ps1 Test builds first).</summary>
    public static string Published
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "LifePos.sln")))
            {
                root = root.Parent;
            }

            var folder = Path.Combine(root?.FullName ?? ".", "out", "LifePos");
            return File.Exists(Path.Combine(folder, "LifePos.dll"))
                ? folder
                : throw new InvalidOperationException($"No published module at {folder}: run 'dotnet pwsh ./build.ps1 Build' first (./build.ps1 Test does).");
        }
    }

    /// <summary>A copy of the published folder in a new temporary folder, to plant a defect in.</summary>
    public static string CopyOfPublished()
    {
        var copy = Directory.CreateTempSubdirectory("lifepos-closure-").FullName;
        foreach (var file in Directory.GetFiles(Published))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static string Metadata(string key) =>
        typeof(ModuleFolders).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException("The test project gives no " + key + ".");
}
