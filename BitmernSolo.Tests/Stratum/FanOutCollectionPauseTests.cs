using System.Runtime;
using BitmernSolo.Stratum.Server;

namespace BitmernSolo.Tests.Stratum;

/// <summary>
/// No collection while a new block's notifies are handed out (a collection in the middle stops every sending thread). The
/// region is process-wide: test classes run one at a time (AssemblyInfo.cs), so no other test holds one meanwhile.
/// </summary>
public sealed class FanOutCollectionPauseTests
{
    [Fact]
    public void ALargeFanOutRunsWithoutCollectionsAndTheRuntimeIsBackToNormalAfterIt()
    {
        using (FanOutCollectionPause.Begin(10_000))
        {
            var collections = GC.CollectionCount(0); // starting the region may collect once: before the sessions are served
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            var kept = new List<byte[]>();
            for (var i = 0; i < 10_000; i++)
            {
                kept.Add(new byte[1_200]); // a notify per miner: 12 MB, well within what was asked for
            }

            Assert.Equal(collections, GC.CollectionCount(0));
            GC.KeepAlive(kept);
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void ASmallFanOutAndASecondPoolPublishingMeanwhileGoWithout()
    {
        using (FanOutCollectionPause.Begin(FanOutCollectionPause.MinimumSessions - 1))
        {
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }

        using (FanOutCollectionPause.Begin(FanOutCollectionPause.MinimumSessions))
        {
            using (FanOutCollectionPause.Begin(5_000)) // another pool's new block at the same moment: no second region, no throw
            {
                Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            }

            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode); // the inner one did not end the outer one
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void ARegionTheRuntimeEndedEarlyIsNotEndedTwiceAndTheNextFanOutGetsOneAgain()
    {
        using (FanOutCollectionPause.Begin(FanOutCollectionPause.MinimumSessions))
        {
            GC.Collect(); // ends the region (as allocating more than was asked for would)
        }

        using (FanOutCollectionPause.Begin(FanOutCollectionPause.MinimumSessions))
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
    }
}
