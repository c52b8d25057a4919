using System;
using System.Collections.Generic;
using System.IO;

namespace LifePos.Emulator.Dashboard;

/// <summary>
/// The dashboard's static files (Dashboard/Files, embedded in the assembly): plain HTML, CSS and JavaScript, no build
/// step and nothing loaded from another host, so the page works on an offline machine.
/// </summary>
internal static class DashboardFiles
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["dashboard.js"] = "text/javascript; charset=utf-8",
    };

    private static readonly Dictionary<string, byte[]> Contents = Load();

    /// <summary>The file with this name, or a 404 naming the files there are.</summary>
    public static ApiResult Get(string name) =>
        Contents.TryGetValue(name, out var content)
            ? new ApiResult(200, content, Types[name], null)
            : ApiResult.Error(404, "NotFound", $"The dashboard has no file {name}; it has {string.Join(", ", Types.Keys)}.");

    private static Dictionary<string, byte[]> Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Types.Keys)
        {
            using var stream = assembly.GetManifestResourceStream("LifePos.Emulator.Dashboard." + name)
                ?? throw new InvalidOperationException($"The dashboard file {name} is not embedded in the emulator.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            contents[name] = copy.ToArray();
        }
        return contents;
    }
}
