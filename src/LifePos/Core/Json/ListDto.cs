using System.Collections.Generic;

namespace LifePos.Core.Json
{
    /// <summary>The list envelope every list answers with; only <c>items</c> and <c>next_page_token</c> matter, and both may be missing.</summary>
    internal sealed class ListDto<T>
    {
        public List<T>? Items { get; set; }

        public string? NextPageToken { get; set; }

        public int? PageNumber { get; set; }

        public int? PagesTotal { get; set; }

        public int? ItemsPerPage { get; set; }

        public long? ItemsTotal { get; set; }
    }
}
