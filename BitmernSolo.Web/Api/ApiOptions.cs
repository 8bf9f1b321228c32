namespace BitmernSolo.Web.Api;

/// <summary>The public REST API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    public ApiRateLimitOptions RateLimit { get; set; } = new();

    public ApiCorsOptions Cors { get; set; } = new();
}

/// <summary><c>Api:RateLimit</c>: requests per client IP and minute; 0 turns limiting off.</summary>
public sealed class ApiRateLimitOptions
{
    public int PermitsPerMinute { get; set; } = 300;
}

/// <summary><c>Api:Cors</c>: browser origins allowed to read the API from other sites ("*" for any); empty: same origin only.</summary>
public sealed class ApiCorsOptions
{
    public List<string> Origins { get; set; } = [];
}
