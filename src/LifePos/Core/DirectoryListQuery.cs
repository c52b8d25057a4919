using LifePos.Core.Resources;

namespace LifePos.Core
{
    /// <summary>Filter, order and page size of an employee or outlet list.</summary>
    public sealed class DirectoryListQuery : ListQuery
    {
        /// <summary>Null keeps the server's default order.</summary>
        public DirectoryOrder? OrderBy { get; set; }

        internal override string? OrderName => OrderBy is { } order ? ListQueryString.SnakeCase(order.ToString()) : null;
    }
}
