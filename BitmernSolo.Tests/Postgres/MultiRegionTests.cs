using System.Net.Http.Json;
using System.Text.Json;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Mining;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// Two regions (two whole app instances with their own stratum ports) on one PostgreSQL database and one regtest chain:
/// what a miner does in either region shows in both.
/// </summary>
public sealed class MultiRegionTests(PostgresServer postgres, LitecoindPairFixture node)
    : IClassFixture<PostgresServer>, IClassFixture<LitecoindPairFixture>
{
    [Fact]
    public async Task OneMinersWorkersInTwoRegionsShowInEitherRegionAndABlockFoundInOneIsListedInTheOtherWithItsRegion()
    {
        await using var regions = await RegionApps.OnNewDatabaseAsync(postgres, node);
        await node.GenerateToHeightAsync(10);
        var eu = regions.Start("eu", 1); // first: it migrates the empty database
        var us = regions.Start("us", 2);
        using var euWeb = eu.CreateWebClient();
        var address = await node.NewAddressAsync("bech32");

        await using var euMiner = await eu.ConnectCpuminerAsync(address + ".rig-eu");
        var euBlock = await RegionSettings.MineAcceptedBlockAsync(eu, euMiner);
        await using var usMiner = await us.ConnectCpuminerAsync(address + ".rig-us");
        var usBlock = await RegionSettings.MineAcceptedBlockAsync(us, usMiner);
        Assert.True(await eu.Services.GetRequiredService<ShareStatsFlusher>().FlushAsync(TestContext.Current.CancellationToken));
        Assert.True(await us.Services.GetRequiredService<ShareStatsFlusher>().FlushAsync(TestContext.Current.CancellationToken));

        // Extranonce1 begins with the instance prefix, so the two regions can never hand out the same one.
        Assert.StartsWith("01", euMiner.Extranonce1, StringComparison.Ordinal);
        Assert.StartsWith("02", usMiner.Extranonce1, StringComparison.Ordinal);
        await using (var db = await eu.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var workers = await db.Workers.Where(w => w.Address == address).OrderBy(w => w.Worker).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([("rig-eu", "eu"), ("rig-us", "us")], workers.Select(w => (w.Worker, w.Region!)));
            var stats = await db.ShareStats.Where(s => s.Address == address).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["eu"], stats.Where(s => s.Worker == "rig-eu").Select(s => s.Region).Distinct());
            Assert.Equal(["us"], stats.Where(s => s.Worker == "rig-us").Select(s => s.Region).Distinct());
            Assert.Equal(("eu", "us"), (euBlock.Region, usBlock.Region));
        }

        // The eu instance's API answers for the whole pool: both workers, and the block the us region found.
        var workersJson = await euWeb.GetFromJsonAsync<JsonElement>(new Uri($"/api/pools/ltc/miners/{address}/workers", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(["rig-eu", "rig-us"], workersJson.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var blocksJson = await euWeb.GetFromJsonAsync<JsonElement>(new Uri("/api/pools/ltc/blocks", UriKind.Relative), TestContext.Current.CancellationToken);
        var listed = Assert.Single(blocksJson.EnumerateArray(), b => b.GetProperty("hash").GetString() == usBlock.Hash);
        Assert.Equal("us", listed.GetProperty("source").GetString());
        Assert.Equal(usBlock.Height, listed.GetProperty("blockHeight").GetInt64());
        Assert.Equal((await node.Rpc.GetBestBlockHashAsync(TestContext.Current.CancellationToken)).ToDisplayHex(), usBlock.Hash);
        Assert.Equal(BlockStatus.Pending, usBlock.Status);

        // The miner's dashboard, served by the eu instance, lists the workers of both regions with their region.
        var page = System.Net.WebUtility.HtmlDecode(await euWeb.GetStringAsync(new Uri($"/miners/ltc/{address}", UriKind.Relative), TestContext.Current.CancellationToken));
        foreach (var region in new[] { "eu", "us" })
        {
            var row = page[page.IndexOf($"data-worker=\"rig-{region}\"", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.Contains($"class=\"worker-region\">{region}<", row, StringComparison.Ordinal);
        }
    }
}
