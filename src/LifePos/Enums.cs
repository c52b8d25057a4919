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

    /// <summary>Which workplaces a list returns (the API's <c>selection</c>).</summary>
    public enum WorkplaceSelection
    {
        AliveOnly,
        ArchivedOnly,
        All,
    }

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

    /// <summary>Which LIFE POS service a connection talks to.</summary>
    public enum LifePosEnvironment
    {
        Production,
        Test,
        Custom,
    }
}
