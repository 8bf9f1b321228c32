using System.Globalization;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Addresses;

namespace BitmernSolo.Bench.Regtest;

/// <summary>
/// The benchmark's real node: two connected <c>litecoind -regtest</c> processes (getblocktemplate refuses to work without a
/// peer). The pool talks to <see cref="Pool"/>; a new block is mined on <see cref="Peer"/> and reaches the pool's node over
/// P2P, as a block found elsewhere on the network does. Mined past coinbase maturity, below MWEB activation (block 432 needs
/// a peg-in in the mempool, and every later template a HogEx).
/// </summary>
internal sealed class LitecoindPair : IAsyncDisposable
{
    public const int StartHeight = 101;

    private LitecoindPair(LitecoindNode pool, LitecoindNode peer)
    {
        Pool = pool;
        Peer = peer;
    }

    public LitecoindNode Pool { get; }

    public LitecoindNode Peer { get; }

    /// <summary>Where the peer's blocks pay: a regtest P2WPKH address nobody mines to through the pool.</summary>
    public static string PeerAddress { get; } = SegwitAddress.Encode("rltc", 0, [.. Enumerable.Repeat((byte)0x42, 20)]);

    /// <summary>Null with the reason when <c>litecoind</c> is not installed.</summary>
    public static string? Unavailable => File.Exists(LitecoindNode.DaemonPath) ? null : $"litecoind not installed: {LitecoindNode.DaemonPath} is absent";

    public static async Task<LitecoindPair> StartAsync(CancellationToken cancellationToken)
    {
        int poolRpc = LitecoindNode.FreePort(), poolP2p = LitecoindNode.FreePort(), peerRpc = LitecoindNode.FreePort(), peerP2p = LitecoindNode.FreePort();
        var pair = new LitecoindPair(
            LitecoindNode.Start(poolRpc, poolP2p, peerP2p, wallet: false),
            LitecoindNode.Start(peerRpc, peerP2p, poolP2p, wallet: false));
        try
        {
            await Task.WhenAll(pair.Pool.WaitForRpcAsync(cancellationToken), pair.Peer.WaitForRpcAsync(cancellationToken)).ConfigureAwait(false);
            while ((await pair.Pool.Rpc.GetNetworkInfoAsync(cancellationToken).ConfigureAwait(false)).Connections < 1)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            await pair.Peer.CallAsync("generatetoaddress", JsonValue.Create(StartHeight), JsonValue.Create(PeerAddress)).ConfigureAwait(false);
            while ((await pair.Pool.Rpc.GetBlockchainInfoAsync(cancellationToken).ConfigureAwait(false)).Blocks < StartHeight)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            return pair;
        }
        catch
        {
            await pair.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A new block on the peer (the trigger of a fan-out).</summary>
    public Task MineOnPeerAsync() => Peer.CallAsync("generatetoaddress", JsonValue.Create(1), JsonValue.Create(PeerAddress));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"rpc=http://127.0.0.1:{Pool.RpcPort}/ user={LitecoindNode.RpcUser} password={LitecoindNode.RpcPassword} peer-rpc=http://127.0.0.1:{Peer.RpcPort}/");

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync().ConfigureAwait(false);
        await Peer.DisposeAsync().ConfigureAwait(false);
    }
}
