using LifePos.Module;
using Xunit;

namespace LifePos.Tests.Module;

/// <summary>
/// The published module folder (out/LifePos/) against the .NET Framework 4.7.2 reference assemblies and the
/// System.Management.Automation of Windows PowerShell 5.1, read as metadata: what 5.1 would meet when it imports the
/// module. Each check is also shown failing on a defect planted in a copy of the folder, or in a planted assembly.
/// </summary>
public sealed class ReferenceClosureTests
{
    private const string Initializer = "System.Management.Automation.IModuleAssemblyInitializer";

    [Fact]
    public void EveryReferenceOfEveryShippedDll_IsShipped_OrLoadedByDependencyResolver_OrInNetFramework472()
    {
        var checks = Check(ModuleFolders.Published);

        NoneOf(checks.Where(check => !check.Met).Select(check => check.ToString()));
        Assert.Contains(checks, check => check.From == "LifePos.dll" && check.Reference.Name == "System.Text.Json" && check.How == "shipped, the same version");
        Assert.Contains(checks, check => check.From == "LifePos.dll" && check.Reference.Name == "netstandard" && check.How.StartsWith(AssemblySet.Framework, StringComparison.Ordinal));
        Assert.Contains(checks, check => check.From == "LifePos.dll" && check.Reference.Name == "System.Management.Automation" && check.How.StartsWith(AssemblySet.Host, StringComparison.Ordinal));
        // The mismatches the issue found: System.Memory and System.Threading.Tasks.Extensions ask for Unsafe 4.0.4.1,
        // 6.0.0.0 is shipped; System.Memory, System.Text.Json and System.Text.Encodings.Web ask for Buffers 4.0.2.0.
        var resolved = checks.Where(check => check.How.StartsWith("DependencyResolver", StringComparison.Ordinal)).Select(check => check.From + " → " + check.Reference.Name).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "System.Memory.dll → System.Buffers", "System.Memory.dll → System.Runtime.CompilerServices.Unsafe",
                "System.Text.Encodings.Web.dll → System.Buffers", "System.Text.Json.dll → System.Buffers",
                "System.Threading.Tasks.Extensions.dll → System.Runtime.CompilerServices.Unsafe",
            ],
            resolved);
    }

    [Fact]
    public void APlantedSystemTextJson9_LeavesReferencesTheFolderCannotMeet()
    {
        var folder = ModuleFolders.CopyOfPublished();
        try
        {
            File.Copy(ModuleFolders.NewerSystemTextJson, Path.Combine(folder, "System.Text.Json.dll"), overwrite: true);

            var unmet = Check(folder).Where(check => !check.Met).Select(check => check.ToString()).Order(StringComparer.Ordinal);

            Assert.Equal(
                [
                    "System.Text.Json.dll → Microsoft.Bcl.AsyncInterfaces 9.0.0.23: the folder ships 8.0.0.0, which DependencyResolver does not load for it",
                    "System.Text.Json.dll → System.IO.Pipelines 9.0.0.0: neither shipped nor in .NET Framework 4.7.2 or Windows PowerShell 5.1",
                    "System.Text.Json.dll → System.Text.Encodings.Web 9.0.0.0: the folder ships 8.0.0.0, which DependencyResolver does not load for it",
                ],
                unmet);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryTypeAndMemberLifePosUses_ExistsInNetFramework472_OrAShippedAssembly()
    {
        var folder = ModuleFolders.Published;
        using var set = new AssemblySet(folder, ModuleFolders.NetFramework472, ModuleFolders.WindowsPowerShellAutomation);

        var (count, missing) = ReferenceClosure.MissingTypesAndMembers(set, set.ShippedFile("LifePos")!);

        NoneOf(missing);
        Assert.True(count > 500, $"only {count} types and members were checked");
    }

    [Fact]
    public void APlantedOlderSystemTextJson_LacksMembersLifePosUses()
    {
        var folder = ModuleFolders.CopyOfPublished();
        try
        {
            File.Copy(ModuleFolders.OlderSystemTextJson, Path.Combine(folder, "System.Text.Json.dll"), overwrite: true);
            using var set = new AssemblySet(folder, ModuleFolders.NetFramework472, ModuleFolders.WindowsPowerShellAutomation);

            var (_, missing) = ReferenceClosure.MissingTypesAndMembers(set, set.ShippedFile("LifePos")!);

            Assert.Contains(missing, text => text.Contains("::", StringComparison.Ordinal));
            Assert.Contains(missing, text => text.StartsWith("type ", StringComparison.Ordinal));
            Assert.All(missing, text => Assert.EndsWith("(not in System.Text.Json.dll, shipped 6.0.0.0)", text));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void NothingThatNeedsAJsonAssembly_LoadsBeforeTheModuleInitializerRuns()
    {
        using var module = MetadataFile.Open(Path.Combine(ModuleFolders.Published, "LifePos.dll"), AssemblySet.Shipped)!;

        var tooEarly = ImportOrder.TooEarly(module, DependencyResolver.DependencyNames.ToHashSet(StringComparer.OrdinalIgnoreCase), Initializer);

        NoneOf(tooEarly);
    }

    [Fact]
    public void APlantedJsonValueOnAnExportedType_AndAJsonCallInTheInitializer_AreFoundTooEarly()
    {
        using var planted = MetadataFile.Open(typeof(Planted.ExportedWithJsonValue).Assembly.Location, "planted")!;

        var tooEarly = ImportOrder.TooEarly(
            planted, new HashSet<string> { "System.Text.Json" }, typeof(Planted.IPlantedInitializer).FullName!, typeof(Planted.IPlantedInitializer).Namespace);

        Assert.DoesNotContain(tooEarly, text => text.Contains("ExportedWithJsonReference", StringComparison.Ordinal));
        Assert.Contains(tooEarly, text => text.StartsWith("LifePos.Tests.Module.Planted.ExportedWithJsonValue (exported) → field <Settings>k__BackingField System.Text.Json.JsonElement", StringComparison.Ordinal));
        Assert.Contains(tooEarly, text => text.StartsWith("LifePos.Tests.Module.Planted.InitializerThatSerializes.OnImport → LifePos.Tests.Module.Planted.InitializerThatSerializes.Remember → Serialize", StringComparison.Ordinal));
    }

    /// <summary>Fails listing every item, where Assert.Empty would show the first few, cut short.</summary>
    private static void NoneOf(IEnumerable<string> problems)
    {
        var all = problems.ToList();
        if (all.Count > 0)
        {
            Assert.Fail(all.Count + " found:" + Environment.NewLine + string.Join(Environment.NewLine, all));
        }
    }

    private static List<ReferenceCheck> Check(string folder)
    {
        using var set = new AssemblySet(folder, ModuleFolders.NetFramework472, ModuleFolders.WindowsPowerShellAutomation);
        return ReferenceClosure.References(set, folder).ToList();
    }
}
