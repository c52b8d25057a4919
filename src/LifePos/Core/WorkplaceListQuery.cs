using LifePos.Core.Resources;

namespace LifePos.Core
{
    /// <summary>Filter, order and page size of a workplace list.</summary>
    public sealed class WorkplaceListQuery : ListQuery
    {
        /// <summary>Null keeps the server's default order (number ascending).</summary>
        public WorkplaceOrder? OrderBy { get; set; }

        internal override string? OrderName => OrderBy is { } order ? ListQueryString.SnakeCase(order.ToString()) : null;
    }
}
