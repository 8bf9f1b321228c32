using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Web;

/// <summary>One running app on the shipped defaults with its own temporary database, shared by a test class.</summary>
public class WebAppFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public WebAppFixture() => Factory = new PoolWebFactory(_data.Path, Settings, ConfigureServices);

    public PoolWebFactory Factory { get; }

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public void Dispose()
    {
        Factory.Dispose();
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
