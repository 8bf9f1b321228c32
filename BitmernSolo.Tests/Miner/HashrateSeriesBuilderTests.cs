using BitmernSolo.Web.Dashboards;
using BitmernSolo.Web.Formatting;

namespace BitmernSolo.Tests.Miner;

public sealed class HashrateSeriesBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 30, 20, TimeSpan.Zero);
    private static readonly DateTimeOffset Minute = new(2026, 11, 23, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AnHourRangeHasSixtyMinutePointsEndingAtTheLastCompleteMinute()
    {
        var points = HashrateSeriesBuilder.Build([], Now, ChartRange.Hour, 1);

        Assert.Equal(60, points.Count);
        Assert.Equal(Minute.AddHours(-1), points[0].Time);
        Assert.Equal(Minute.AddMinutes(-1), points[^1].Time);
        Assert.All(points, p => Assert.Equal(0, p.Hashrate));
    }

    [Fact]
    public void AMinuteBucketBecomesItsPointsHashrate()
    {
        var bucket = new WorkBucket(Minute.AddMinutes(-1), 60, 60);

        var points = HashrateSeriesBuilder.Build([bucket], Now, ChartRange.Hour, 1);

        Assert.Equal(WorkMath.TwoPow32, points[^1].Hashrate);
        Assert.Equal(0, points[^2].Hashrate);
    }

    [Fact]
    public void AnHourlyRollUpIsSpreadEvenlyOverItsMinutes()
    {
        var hour = new WorkBucket(Minute.AddMinutes(-30).AddHours(-1), 3600, 3600);

        var points = HashrateSeriesBuilder.Build([hour], Now, ChartRange.Hour, 1);

        Assert.Equal(30, points.Count(p => p.Hashrate > 0));
        Assert.All(points.Where(p => p.Hashrate > 0), p => Assert.Equal(WorkMath.TwoPow32, p.Hashrate, 1e-3));
    }

    [Fact]
    public void TenMinuteStepsAverageTheirMinutes()
    {
        var buckets = Enumerable.Range(1, 10).Select(i => new WorkBucket(Minute.AddMinutes(-i), 60, 120)).ToList();

        var points = HashrateSeriesBuilder.Build(buckets, Now, ChartRange.Day, 65536);

        Assert.Equal(144, points.Count);
        Assert.Equal(2 * WorkMath.TwoPow32 / 65536, points[^1].Hashrate, 1e-6);
    }

    [Fact]
    public void WindowsCountOnlyBucketsStartingInsideThem()
    {
        WorkBucket[] buckets = [new(Minute.AddMinutes(-1), 60, 60), new(Minute.AddMinutes(-11), 60, 600)];

        Assert.Equal(WorkMath.TwoPow32, HashrateSeriesBuilder.Window(buckets, Minute, TimeSpan.FromMinutes(1), 1));
        Assert.Equal(WorkMath.TwoPow32 * 60 / 600, HashrateSeriesBuilder.Window(buckets, Minute, TimeSpan.FromMinutes(10), 1), 1e-6);
    }
}
