namespace BitmernSolo.Stratum.Coins;

/// <summary>Which chain of a coin: the public main chain, its public test chain, or a private regression-test chain.</summary>
public enum NetworkKind
{
    Main,
    Test,
    Regtest,
}

public static class NetworkKindNames
{
    /// <summary>The configuration name of a network: "main", "test" or "regtest" (what <c>getblockchaininfo</c> reports).</summary>
    public static string ToConfigName(this NetworkKind kind) => kind switch
    {
        NetworkKind.Main => "main",
        NetworkKind.Test => "test",
        NetworkKind.Regtest => "regtest",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Accepts "main"/"mainnet", "test"/"testnet", "regtest", case-insensitively.</summary>
    public static bool TryParse(string? name, out NetworkKind kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "main" or "mainnet":
                kind = NetworkKind.Main;
                return true;
            case "test" or "testnet":
                kind = NetworkKind.Test;
                return true;
            case "regtest":
                kind = NetworkKind.Regtest;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
