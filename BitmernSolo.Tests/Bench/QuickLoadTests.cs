using BitmernSolo.Bench.Load;

namespace BitmernSolo.Tests.Bench;

/// <summary>
/// The benchmark's quick load (fake node with a 3,000-transaction template, the pool on Kestrel, real loopback sockets) as a
/// functional check: facts only, never timings (those belong in BENCHMARKS.md).
/// </summary>
public sealed class QuickLoadTests
{
    [Fact]
    public async Task AQuickLoadRunGetsEverySubmitAnsweredAsLowDifficultyAndEveryNewBlockToEveryConnection()
    {
        var options = LoadCommand.QuickDefaults with { Connections = 20, SubmitConnections = 5, SubmitDuration = TimeSpan.FromSeconds(1) };

        var result = await LoadCommand.QuickAsync(options, transactions: 3_000, TextWriter.Null);

        Assert.Equal(options.Connections, result.Connected);
        Assert.Equal(options.FanOuts, result.FanOuts.Count);
        Assert.All(result.FanOuts, f => Assert.Equal(options.Connections, f.Reached));
        Assert.True(result.Submitted > 0);
        Assert.Equal(result.Submitted, result.Answered);
        Assert.Equal([23], result.AnswersByCode.Keys);
    }
}
