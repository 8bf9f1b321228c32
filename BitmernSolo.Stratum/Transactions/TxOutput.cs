namespace BitmernSolo.Stratum.Transactions;

/// <summary>A transaction output: value in satoshis (the coin's smallest unit) and its scriptPubKey.</summary>
public sealed record TxOutput(long ValueSatoshis, ReadOnlyMemory<byte> ScriptPubKey);
