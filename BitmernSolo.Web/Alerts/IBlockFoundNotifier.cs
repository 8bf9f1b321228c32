namespace BitmernSolo.Web.Alerts;

/// <summary>
/// Called by the stratum integration (<see cref="StratumBlockAlerts"/>) straight from the stratum event when a block it
/// submitted was accepted; the <c>FoundBlock</c> row is written by the block recorder at the same time, not necessarily
/// before. Returns at once: the notices are written and sent by a background job.
/// </summary>
public interface IBlockFoundNotifier
{
    /// <param name="poolId">The pool's configured id, as in <c>FoundBlock.PoolId</c>.</param>
    /// <param name="height">Block height.</param>
    /// <param name="hash">Block hash in display order.</param>
    /// <param name="minerAddress">The finder's payout address; its owners (users who saved it) are told.</param>
    /// <param name="worker">Worker name, or null/empty for a bare address login.</param>
    /// <param name="foundAt">When the block was found (<c>FoundBlock.FoundAt</c>): only addresses saved by then are told.</param>
    void NotifyBlockFound(string poolId, long height, string hash, string minerAddress, string? worker, DateTimeOffset foundAt);
}
