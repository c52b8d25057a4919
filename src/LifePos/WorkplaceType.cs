namespace LifePos
{
    /// <summary>How the receipt's place of settlement is filled in (the API's <c>workplace_type</c>).</summary>
    public enum WorkplaceType
    {
        Unknown,
        Mobile,
        Stationary,
        Automat,
    }
}
