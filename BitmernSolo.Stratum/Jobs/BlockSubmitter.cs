using BitmernSolo.Stratum.Daemons;

namespace BitmernSolo.Stratum.Jobs;

/// <summary>Sends one block to several daemons at once and sums up their answers; never throws for a daemon's error.</summary>
public static class BlockSubmitter
{
    /// <summary>
    /// Accepted when at least one daemon answers <c>submitblock</c> with null. Every daemon's answer is kept
    /// ("endpoint: accepted", "endpoint: high-hash", "endpoint: … (code -22)"); the reject reason is the first answer
    /// when none accepted.
    /// </summary>
    public static async Task<BlockSubmissionResult> SubmitToAllAsync(IReadOnlyList<DaemonRpcClient> daemons, string blockHex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(daemons);
        var answers = await Task.WhenAll(daemons.Select(d => SubmitToAsync(d, blockHex, cancellationToken))).ConfigureAwait(false);
        var accepted = answers.Any(a => a.Accepted);
        var reject = accepted ? null : answers.Select(a => a.Answer).FirstOrDefault();
        return new BlockSubmissionResult(accepted, reject, [.. answers.Select(a => a.Answer)]);
    }

    private static async Task<(bool Accepted, string Answer)> SubmitToAsync(DaemonRpcClient daemon, string blockHex, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await daemon.SubmitBlockAsync(blockHex, cancellationToken).ConfigureAwait(false);
            return answer is null ? (true, $"{daemon.Endpoint}: accepted") : (false, $"{daemon.Endpoint}: {answer}");
        }
        catch (DaemonRpcException e)
        {
            return (false, $"{daemon.Endpoint}: {e.Message}");
        }
    }
}
