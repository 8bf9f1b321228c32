using System.Text.Json;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Regtest;

/// <summary>
/// Two connected <c>litecoind -regtest</c> nodes (getblocktemplate refuses to work without a peer) and a wallet on the
/// first. Tests call <see cref="SkipIfUnavailable"/> first: without <c>/usr/bin/litecoind</c> they are skipped, not failed.
/// Each test class using it as a class fixture gets its own fresh pair.
/// </summary>
public class LitecoindPairFixture : IAsyncLifetime
{
    private readonly bool _initialBlockDownload;
    private LitecoindNode? _miner;
    private LitecoindNode? _peer;

    public LitecoindPairFixture()
        : this(initialBlockDownload: false)
    {
    }

    /// <param name="initialBlockDownload">Start both nodes with the daemon's default max tip age (see <see cref="LitecoindNode.Start"/>).</param>
    protected LitecoindPairFixture(bool initialBlockDownload) => _initialBlockDownload = initialBlockDownload;

    public string? SkipReason { get; private set; }

    /// <summary>The node the pool talks to; it has the wallet.</summary>
    public LitecoindNode Miner => _miner ?? throw new InvalidOperationException(SkipReason ?? "Not started.");

    public LitecoindNode Peer => _peer ?? throw new InvalidOperationException(SkipReason ?? "Not started.");

    public DaemonRpcClient Rpc => Miner.Rpc;

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(LitecoindNode.DaemonPath))
        {
            SkipReason = $"litecoind not installed: {LitecoindNode.DaemonPath} is absent.";
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int minerRpc = LitecoindNode.FreePort(), minerP2p = LitecoindNode.FreePort(), peerRpc = LitecoindNode.FreePort(), peerP2p = LitecoindNode.FreePort();
        _miner = LitecoindNode.Start(minerRpc, minerP2p, peerP2p, wallet: true, initialBlockDownload: _initialBlockDownload);
        _peer = LitecoindNode.Start(peerRpc, peerP2p, minerP2p, wallet: false, initialBlockDownload: _initialBlockDownload);
        await Task.WhenAll(_miner.WaitForRpcAsync(timeout.Token), _peer.WaitForRpcAsync(timeout.Token));
        await _miner.CallAsync("createwallet", JsonValue.Create("pool"));
        while ((await _miner.Rpc.GetNetworkInfoAsync(timeout.Token)).Connections < 1)
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    public async Task<long> HeightAsync() => (await Rpc.GetBlockchainInfoAsync()).Blocks;

    public async Task<string> NewAddressAsync(string type) =>
        (await Miner.CallAsync("getnewaddress", JsonValue.Create(string.Empty), JsonValue.Create(type))).GetString()!;

    /// <summary>Litecoin regtest's MWEB activation height.</summary>
    public const long MwebActivationHeight = 432;

    /// <summary>
    /// Mines with the node's own miner up to <paramref name="height"/> (paying a fresh bech32 wallet address). Crossing
    /// MWEB activation, it first puts a peg-in in the mempool: the node cannot build block 432 without one.
    /// </summary>
    public async Task GenerateToHeightAsync(long height)
    {
        var current = await HeightAsync();
        if (current >= height)
        {
            return;
        }

        var address = await NewAddressAsync("bech32");
        if (current < MwebActivationHeight && height >= MwebActivationHeight)
        {
            if (current < MwebActivationHeight - 1)
            {
                await Miner.CallAsync("generatetoaddress", JsonValue.Create(MwebActivationHeight - 1 - current), JsonValue.Create(address));
            }

            await Miner.CallAsync("sendtoaddress", JsonValue.Create(await NewAddressAsync("mweb")), JsonValue.Create(1m));
            current = MwebActivationHeight - 1;
        }

        await Miner.CallAsync("generatetoaddress", JsonValue.Create(height - current), JsonValue.Create(address));
    }

    public async Task<JsonElement> TipBlockAsync() => await Rpc.GetBlockAsync(await Rpc.GetBestBlockHashAsync());

    /// <summary>
    /// Waits until the node's block template carries every one of <paramref name="txids"/>. While the tip is unchanged,
    /// Core's getblocktemplate hands back its last template for 5 s, whatever entered the mempool since (rpc/mining.cpp):
    /// right after another test's template on this tip, transactions just sent are not in it yet.
    /// </summary>
    public async Task WaitForTemplateCarryingAsync(IReadOnlyCollection<string> txids)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var template = await Rpc.GetBlockTemplateAsync(RegtestMiner.LitecoinRules, cancellationToken: cancellationToken);
            var carried = template.Transactions.Select(t => t.TxId.ToDisplayHex()).ToHashSet(StringComparer.Ordinal);
            if (txids.All(carried.Contains))
            {
                return;
            }

            Assert.False(deadline.IsCancellationRequested, "The sent transactions never reached a block template.");
            await Task.Delay(250, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_miner is not null)
        {
            await _miner.DisposeAsync();
        }

        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A fresh pair still in initial block download: its only block is the 2011 genesis, older than the daemon's max tip age,
/// so it reports <c>initialblockdownload: true</c> (and refuses getblocktemplate) until a recent block is mined.
/// </summary>
public sealed class SyncingLitecoindPairFixture() : LitecoindPairFixture(initialBlockDownload: true);
