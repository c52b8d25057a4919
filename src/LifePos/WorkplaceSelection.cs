namespace LifePos
{
    /// <summary>Which workplaces a list returns (the API's <c>selection</c>).</summary>
    public enum WorkplaceSelection
    {
        AliveOnly,
        ArchivedOnly,
        All,
    }
}
