namespace LifePos
{
    /// <summary>Which LIFE POS service a connection talks to.</summary>
    public enum LifePosEnvironment
    {
        Production,
        Test,
        Custom,
    }
}
