namespace LifePos
{
    /// <summary>Sort order of an employee or outlet list (the API's <c>order_by</c>).</summary>
    public enum DirectoryOrder
    {
        CreatedAtAsc,
        CreatedAtDesc,
        UpdatedAtAsc,
        UpdatedAtDesc,
        NameAsc,
        NameDesc,
    }
}
