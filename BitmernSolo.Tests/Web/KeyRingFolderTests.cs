using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Web;

/// <summary>On SQLite (one machine) the data-protection keys stay in <c>keys/</c> beside the database file, not in the database.</summary>
public sealed class KeyRingFolderTests : IDisposable
{
    private const string Purpose = "KeyRingFolderTests";

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task OnSqliteTheKeysAreWrittenToTheKeysFolderBesideTheDatabaseAndOpenWhatWasSealedBeforeARestart()
    {
        string sealedBefore;
        await using (var first = new PoolWebFactory(_data.Path))
        {
            sealedBefore = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("still signed in");
        }

        await using var restarted = new PoolWebFactory(_data.Path);
        var opened = restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(sealedBefore);

        Assert.Equal("still signed in", opened);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data.Path, DataProtectionKeyRing.FolderName), "key-*.xml"));
        await using var db = await restarted.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await db.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
    }
}
