namespace BitmernSolo.Stratum.Server;

/// <summary>
/// The stratum user name: <c>ADDRESS</c> or <c>ADDRESS.WORKER</c>. The worker part is limited in length and to
/// <c>[A-Za-z0-9_-]</c> because it ends up in the UI, logs and the database; the address is checked by the coin's validator.
/// </summary>
public static class WorkerName
{
    /// <summary>Null when acceptable, else the reason (sent with error 24).</summary>
    public static string? Check(string user, int maxAddressLength, int maxWorkerLength)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (address, worker) = Split(user);
        if (address.Length == 0)
        {
            return "Missing payout address (user is ADDRESS or ADDRESS.WORKER)";
        }

        if (address.Length > maxAddressLength)
        {
            return "Address too long";
        }

        if (worker.Length > maxWorkerLength)
        {
            return $"Worker name longer than {maxWorkerLength} characters";
        }

        foreach (var c in worker)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return "Worker name may only contain letters, digits, '_' and '-'";
            }
        }

        return null;
    }

    /// <summary>Splits at the first dot: addresses never contain one.</summary>
    public static (string Address, string Worker) Split(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var dot = user.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? (user.Trim(), string.Empty) : (user[..dot].Trim(), user[(dot + 1)..]);
    }
}
