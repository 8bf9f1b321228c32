using System.Globalization;

namespace BitmernSolo.Web.Api;

/// <summary>Zero-based paging as in the Miningcore API: <c>page</c> (default 0) and <c>pageSize</c> (default 15, at most 100).</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 15;
    public const int MaxPageSize = 100;

    /// <summary>Deepest page accepted, so Skip never overflows or scans absurdly far.</summary>
    public const int MaxPage = 100_000;

    public int Skip => Page * PageSize;

    /// <summary>Parses the query values; on failure <paramref name="error"/> says which and why.</summary>
    public static bool TryParse(string? page, string? pageSize, out PageRequest request, out string? error)
    {
        request = default;
        error = null;
        var p = 0;
        var size = DefaultPageSize;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p > MaxPage))
        {
            error = $"page must be a whole number from 0 to {MaxPage}.";
            return false;
        }

        if (pageSize is not null
            && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            error = $"pageSize must be a whole number from 1 to {MaxPageSize}.";
            return false;
        }

        request = new PageRequest(p, size);
        return true;
    }
}
