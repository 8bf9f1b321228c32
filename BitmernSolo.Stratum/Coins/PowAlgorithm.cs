namespace BitmernSolo.Stratum.Coins;

/// <summary>The proof-of-work function a coin's block headers are hashed with.</summary>
public enum PowAlgorithm
{
    /// <summary>SHA-256 applied twice (Bitcoin, Bitcoin Cash, DigiByte's SHA-256 algorithm).</summary>
    Sha256d,

    /// <summary>scrypt with N=1024, r=1, p=1 (Litecoin, Dogecoin, DigiByte's scrypt algorithm).</summary>
    Scrypt,
}
