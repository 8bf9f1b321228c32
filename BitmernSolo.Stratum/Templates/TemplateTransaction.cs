using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Templates;

/// <summary>A validated template transaction: its raw serialization, txid (for the Merkle tree) and wtxid.</summary>
public sealed record TemplateTransaction(ReadOnlyMemory<byte> Data, Hash256 TxId, Hash256 WitnessHash, long FeeSatoshis, long Weight);
