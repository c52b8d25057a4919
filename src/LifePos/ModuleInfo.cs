namespace LifePos
{
    /// <summary>Facts about the module that several parts need.</summary>
    public static class ModuleInfo
    {
        public const string Name = "LifePos";
    }
}
