using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LifePos.Module
{
    /// <summary>
    /// .NET Framework has no System.Text.Json, and a module cannot bring binding redirects, so the versions our
    /// dependencies ask of each other (System.Memory wants one System.Runtime.CompilerServices.Unsafe, System.Text.Json
    /// another) fail to load. This answers <see cref="AppDomain.AssemblyResolve"/> for exactly those assemblies with
    /// the copy shipped in the module folder, or with one already loaded that is at least as new.
    /// </summary>
    internal static class DependencyResolver
    {
        private static readonly HashSet<string> ShippedDependencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Text.Json",
            "Microsoft.Bcl.AsyncInterfaces",
            "System.Memory",
            "System.Buffers",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Text.Encodings.Web",
            "System.Threading.Tasks.Extensions",
            "System.Numerics.Vectors",
        };

        private static readonly object Gate = new object();
        private static bool registered;

        internal static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        internal static bool IsRegistered
        {
            get { lock (Gate) { return registered; } }
        }

        internal static IEnumerable<string> DependencyNames => ShippedDependencies;

        internal static string ModuleFolder =>
            Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;

        internal static void Register()
        {
            lock (Gate)
            {
                if (!registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
                    registered = true;
                }
            }
        }

        internal static void Unregister()
        {
            lock (Gate)
            {
                if (registered)
                {
                    AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                    registered = false;
                }
            }
        }

        /// <summary>Finds <paramref name="requested"/> if it is one of ours; null lets the runtime go on searching.</summary>
        internal static Assembly? Resolve(AssemblyName requested, string moduleFolder)
        {
            if (requested.Name is null || !ShippedDependencies.Contains(requested.Name))
            {
                return null;
            }

            var loaded = FindLoaded(requested);
            if (loaded is not null)
            {
                return loaded;
            }

            var path = ShippedCopy(requested, moduleFolder);
            return path is null ? null : Assembly.LoadFrom(path);
        }

        /// <summary>
        /// The file in <paramref name="moduleFolder"/> that answers <paramref name="requested"/>: one of our dependencies,
        /// at least as new as asked for; null when there is none. Loads nothing, so a test can ask it about any folder.
        /// </summary>
        internal static string? ShippedCopy(AssemblyName requested, string moduleFolder)
        {
            if (requested.Name is null || !ShippedDependencies.Contains(requested.Name))
            {
                return null;
            }

            var path = Path.Combine(moduleFolder, requested.Name + ".dll");
            return File.Exists(path) && IsAtLeast(AssemblyName.GetAssemblyName(path).Version, requested.Version) ? path : null;
        }

        private static Assembly? OnAssemblyResolve(object sender, ResolveEventArgs args) =>
            Resolve(new AssemblyName(args.Name), ModuleFolder);

        private static Assembly? FindLoaded(AssemblyName requested)
        {
            Assembly? best = null;
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                var name = assembly.GetName();
                if (string.Equals(name.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
                    && IsAtLeast(name.Version, requested.Version)
                    && (best is null || name.Version > best.GetName().Version))
                {
                    best = assembly;
                }
            }

            return best;
        }

        private static bool IsAtLeast(Version? available, Version? requested) =>
            requested is null || (available is not null && available >= requested);
    }
}
