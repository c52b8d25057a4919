using System;
using System.IO;

namespace LifePos.Dashboard.Tests.Support;

/// <summary>The repository's root (the folder of LifePos.sln), found upwards from the test's output.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>The built module, out/LifePos/LifePos.psd1 (build.ps1 Test builds it first).</summary>
    public static string Module => Path.Combine(Root, "out", "LifePos", "LifePos.psd1");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "LifePos.sln"))) return folder.FullName;
        throw new InvalidOperationException("LifePos.sln was not found above " + AppContext.BaseDirectory);
    }
}
