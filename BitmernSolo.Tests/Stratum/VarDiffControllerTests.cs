using BitmernSolo.Stratum.VarDiff;

namespace BitmernSolo.Tests.Stratum;

public class VarDiffControllerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static VarDiffOptions Port() => new()
    {
        StartDifficulty = 1000, MinDifficulty = 1, MaxDifficulty = 1e9, TargetSecondsPerShare = 10, RetargetSeconds = 60, VariancePercent = 30,
    };

    /// <summary>A simulated miner with a fixed hashrate expressed as "difficulty-1 shares per second".</summary>
    [Theory]
    [InlineData(5000.0)]   // a big ASIC: 50,000 difficulty per 10 s
    [InlineData(0.5)]      // a CPU: 5 difficulty per 10 s
    [InlineData(100.0)]
    public void DifficultyConvergesSoThatSharesArriveAtTheTargetRate(double diff1SharesPerSecond)
    {
        var options = Port();
        var varDiff = new VarDiffController(options, options.StartDifficulty, Start);
        var now = Start;
        var progress = 0.0;
        for (var step = 0; step < 200_000; step++)
        {
            now += TimeSpan.FromSeconds(0.1);
            progress += diff1SharesPerSecond * 0.1 / varDiff.Current; // expected shares at this difficulty
            if (progress >= 1)
            {
                progress -= 1;
                varDiff.RecordShare(now);
            }
            else
            {
                varDiff.Sweep(now);
            }
        }

        var expected = Math.Clamp(diff1SharesPerSecond * options.TargetSecondsPerShare, options.MinDifficulty, options.MaxDifficulty);
        Assert.InRange(varDiff.Current, expected * 0.6, expected * 1.4);
    }

    [Fact]
    public void ASilentMinerIsLoweredByTheIdleSweepAtMostFourfoldPerWindow()
    {
        var varDiff = new VarDiffController(Port(), 1000, Start);

        Assert.Null(varDiff.Sweep(Start.AddSeconds(59)));
        Assert.Equal(250, varDiff.Sweep(Start.AddSeconds(60)));
        Assert.Equal(62, varDiff.Sweep(Start.AddSeconds(120)));
    }

    [Fact]
    public void SharesWithinTheVarianceLeaveTheDifficultyAlone()
    {
        var varDiff = new VarDiffController(Port(), 1000, Start);
        double? change = null;
        for (var i = 1; i <= 6; i++)
        {
            change ??= varDiff.RecordShare(Start.AddSeconds(i * 11));
        }

        Assert.Null(change);
        Assert.Equal(1000, varDiff.Current);
    }

    [Fact]
    public void AFloodOfSharesRetargetsBeforeTheWindowEnds()
    {
        var varDiff = new VarDiffController(Port(), 1, Start);
        double? change = null;
        for (var i = 1; i <= 12 && change is null; i++)
        {
            change = varDiff.RecordShare(Start.AddSeconds(i * 0.1));
        }

        Assert.Equal(4, change);
    }

    [Fact]
    public void AFixedDifficultyNeverMovesAndASuggestionIsOnlyAStartingPoint()
    {
        var varDiff = new VarDiffController(Port(), 1000, Start);
        varDiff.Reset(64, Start, isFixed: true);
        Assert.Null(varDiff.Sweep(Start.AddMinutes(5)));

        varDiff.Reset(64, Start);
        Assert.NotNull(varDiff.Sweep(Start.AddMinutes(5)));
        Assert.True(varDiff.Current < 64);
    }

    [Fact]
    public void TheMinersMinimumDifficultyIsAFloorWithinThePortBounds()
    {
        var varDiff = new VarDiffController(Port(), 10, Start);

        varDiff.RaiseMinimum(500, Start);
        varDiff.Sweep(Start.AddMinutes(10));

        Assert.Equal(500, varDiff.Current);
        Assert.Equal(1e9, varDiff.Clamp(1e12));
    }
}
