namespace LifePos
{
    /// <summary>Sort order of a workplace list (the API's <c>order_by</c>, e.g. <c>number_asc</c>).</summary>
    public enum WorkplaceOrder
    {
        NumberAsc,
        NumberDesc,
        NameAsc,
        NameDesc,
        CreatedAtAsc,
        CreatedAtDesc,
        UpdatedAtAsc,
        UpdatedAtDesc,
        WorkplaceTypeAsc,
        WorkplaceTypeDesc,
        ActivatedAtAsc,
        ActivatedAtDesc,
    }
}
