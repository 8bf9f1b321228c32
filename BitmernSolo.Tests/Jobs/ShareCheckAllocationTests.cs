using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Templates;
using BitmernSolo.Tests.Templates;

namespace BitmernSolo.Tests.Jobs;

/// <summary>The share check runs for every submitted share: it must not allocate (counted, not timed).</summary>
public sealed class ShareCheckAllocationTests
{
    [Fact]
    public void ASha256dShareCheckAllocatesNothingOnTheHeap()
    {
        var template = BlockTemplate.Parse(TemplateSamples.Litecoin().ToJsonString());
        var job = JobBuilder.Build(
            new JobRequest(template, JobCoinRules.Sha256D, BitmernSolo.Stratum.Addresses.PayoutScript.P2pkh(new byte[20]).Memory, null, 0, new byte[20], 4, 8, "1"),
            TimeProvider.System);
        var extranonce1 = new byte[4];
        var extranonce2 = new byte[8];
        job.CheckShare(extranonce1, extranonce2, job.NTime, 0, job.Version); // warm up (JIT, statics)

        var before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (uint nonce = 1; nonce <= 1000; nonce++)
        {
            sum += job.CheckShare(extranonce1, extranonce2, job.NTime, nonce, job.Version).AchievedDifficulty;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum > 0);
        Assert.Equal(0, allocated);
    }
}
