namespace BitmernSolo.Stratum.Jobs;

/// <summary>
/// A coin's proof-of-work function over the 80-byte block header; writes 32 bytes in internal order
/// (SHA-256d for Bitcoin, Bitcoin Cash and DigiByte-SHA256; scrypt N=1024, r=1, p=1 for Litecoin, Dogecoin and DigiByte-Scrypt).
/// </summary>
public delegate void PowHashFunction(ReadOnlySpan<byte> header, Span<byte> hash);
