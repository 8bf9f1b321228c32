using BitmernSolo.Stratum.Addresses;
using BitmernSolo.Stratum.Daemons;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Tests.Regtest;

namespace BitmernSolo.Tests.Jobs;

public sealed class PoolJobManagerTests
{
    [Fact]
    public async Task AnUnreachableDaemonMeansNoWorkAndASubmissionReportsTheErrorWithoutThrowing()
    {
        using var http = new HttpClient();
        var daemon = new DaemonRpcClient(http, new DaemonEndpoint(new Uri($"http://127.0.0.1:{LitecoindNode.FreePort()}/"), "u", "p") { Timeout = TimeSpan.FromSeconds(5) });
        using var manager = new PoolJobManager(
            [daemon],
            new PoolJobOptions { Coin = JobCoinRules.Sha256D, TemplateRules = ["segwit"], DefaultPayoutScript = PayoutScript.P2pkh(new byte[20]) },
            TimeProvider.System);

        Assert.False(await manager.RefreshAsync(TestContext.Current.CancellationToken));

        Assert.Null(manager.CurrentJob);
        Assert.Null(manager.GetJobFor(PayoutScript.P2pkh(new byte[20])));
        Assert.Contains("unreachable", manager.NoWorkReason, StringComparison.Ordinal);
        var fakeJob = new FakeJob();
        var result = await manager.SubmitBlockAsync(fakeJob, "00", TestContext.Current.CancellationToken);
        Assert.False(result.Accepted);
        Assert.Single(result.DaemonAnswers);
        Assert.Contains("unreachable", result.RejectReason, StringComparison.Ordinal);
    }

    private sealed class FakeJob : IMiningJob
    {
        public string Id => "f";

        public long Height => 1;

        public BitmernSolo.Stratum.Crypto.Hash256 PreviousBlockHash => default;

        public uint Version => 1;

        public uint NTime => 0;

        public BitmernSolo.Stratum.Targets.Target NetworkTarget => BitmernSolo.Stratum.Targets.Target.DifficultyOne;

        public MiningNotifyParams Notify => new("f", "", "", "", [], "", "", "");

        public ShareCheckResult CheckShare(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version) => default;

        public string BuildBlockHex(ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint ntime, uint nonce, uint version) => "00";
    }
}
