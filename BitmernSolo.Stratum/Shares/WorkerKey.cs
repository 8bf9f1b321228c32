namespace BitmernSolo.Stratum.Shares;

/// <summary>A worker of a pool: payout address and worker name (empty when the miner gave none).</summary>
public readonly record struct WorkerKey(string PoolId, string Address, string Worker)
{
    /// <summary><c>address.worker</c>, or the address alone: the name VarDiff memory and the UI use.</summary>
    public string FullName => Worker.Length == 0 ? Address : Address + "." + Worker;
}
