using System.Management.Automation;

namespace LifePos.Module
{
    /// <summary>
    /// Runs when <c>Import-Module LifePos</c> loads the assembly. On Windows PowerShell 5.1 (.NET Framework) it lets
    /// the module find its own copies of System.Text.Json and its dependencies; on PowerShell 7 it does nothing,
    /// because .NET resolves them from LifePos.deps.json or already ships newer versions.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            if (DependencyResolver.IsNetFramework)
            {
                DependencyResolver.Register();
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
    }
}
