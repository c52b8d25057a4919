using System.Reflection;

namespace LifePos.Tests.Module;

/// <summary>One assembly reference of a shipped file, and how .NET Framework would meet it (or that it would not).</summary>
internal sealed record ReferenceCheck(string From, AssemblyName Reference, bool Met, string How)
{
    public override string ToString() => From + " → " + Reference.Name + " " + Reference.Version + ": " + How;
}
