namespace BitmernSolo.Web.Pools;

/// <summary>Wires the one directory of configured pools that the API, pages, admin and regional views share.</summary>
public static class PoolDirectoryExtensions
{
    /// <summary>Call after <c>AddPoolConfiguration</c>, which binds and validates the pool list.</summary>
    public static WebApplicationBuilder AddPoolDirectory(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PoolDirectory>();
        return builder;
    }
}
