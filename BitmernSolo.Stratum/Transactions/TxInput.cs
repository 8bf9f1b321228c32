using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Stratum.Transactions;

/// <summary>A transaction input: previous outpoint (txid in internal order), scriptSig, sequence and its witness stack.</summary>
public sealed record TxInput(Hash256 PreviousTxIdInternal, uint PreviousIndex, ReadOnlyMemory<byte> ScriptSig, uint Sequence, IReadOnlyList<ReadOnlyMemory<byte>> Witness)
{
    /// <summary>The coinbase's null prevout (primitives/transaction.h <c>COutPoint::IsNull</c>): zero hash, index 0xffffffff.</summary>
    public bool IsNullPrevout => PreviousTxIdInternal == Hash256.Zero && PreviousIndex == uint.MaxValue;
}
