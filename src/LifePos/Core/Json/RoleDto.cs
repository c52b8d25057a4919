using System;

namespace LifePos.Core.Json
{
    /// <summary>A role reference; the emulator (and maybe the service) adds the role's name.</summary>
    internal sealed class RoleDto
    {
        public Guid Guid { get; set; }

        public string? Name { get; set; }
    }
}
