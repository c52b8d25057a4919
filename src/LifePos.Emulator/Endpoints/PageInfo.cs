namespace LifePos.Emulator.Endpoints;

/// <summary>The paging facts after the items of a list envelope.</summary>
internal readonly record struct PageInfo(string NextToken, int PageNumber, int PagesTotal, int PerPage, int? Total, string TypeOf);
