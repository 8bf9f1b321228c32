namespace BitmernSolo.Stratum.Protocol;

/// <summary>
/// Stratum V1 method names as real firmware sends them (cpuminer, cgminer/bmminer derivatives, BitAxe ESP-Miner, NiceHash).
/// </summary>
public static class StratumMethods
{
    /// <summary>Client → server: <c>[agent, session?]</c> → <c>[[subscriptions], extranonce1, extranonce2_size]</c>.</summary>
    public const string Subscribe = "mining.subscribe";

    /// <summary>Client → server: <c>[user, password]</c>; user is <c>ADDRESS[.WORKER]</c>.</summary>
    public const string Authorize = "mining.authorize";

    /// <summary>Client → server (BIP310): <c>[[extensions], {parameters}]</c>; version rolling and minimum difficulty.</summary>
    public const string Configure = "mining.configure";

    /// <summary>Client → server: <c>[difficulty]</c> or a bare number; becomes the session's current difficulty (clamped).</summary>
    public const string SuggestDifficulty = "mining.suggest_difficulty";

    /// <summary>Client → server (NiceHash): the client understands <c>mining.set_extranonce</c>.</summary>
    public const string ExtranonceSubscribe = "mining.extranonce.subscribe";

    /// <summary>Client → server: <c>[worker, job_id, extranonce2, ntime, nonce, version_bits?]</c>.</summary>
    public const string Submit = "mining.submit";

    /// <summary>Server → client: <c>[difficulty]</c>, in force from the next job.</summary>
    public const string SetDifficulty = "mining.set_difficulty";

    /// <summary>Server → client: <c>[job_id, prevhash, coinb1, coinb2, branch, version, nbits, ntime, clean_jobs]</c>.</summary>
    public const string Notify = "mining.notify";

    /// <summary>Server → client: <c>[extranonce1, extranonce2_size]</c> (only to clients that sent extranonce.subscribe).</summary>
    public const string SetExtranonce = "mining.set_extranonce";

    /// <summary>Server → client: <c>[host?, port?, wait_seconds?]</c>; sent to every session on graceful shutdown.</summary>
    public const string Reconnect = "client.reconnect";
}
