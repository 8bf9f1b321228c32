namespace BitmernSolo.Stratum.Crypto;

/// <summary>
/// Bitcoin Merkle trees (an odd level duplicates its last hash). Stratum sends the miner the branch from the
/// coinbase (leftmost leaf) to the root, so a share check costs one SHA-256d per level, whatever the number of
/// transactions.
/// </summary>
public static class Merkle
{
    /// <summary>
    /// The Merkle branch for the coinbase, given the hashes (txid, internal order) of every other transaction
    /// in block order.
    /// </summary>
    public static Hash256[] ComputeBranch(IReadOnlyList<Hash256> transactionHashes)
    {
        ArgumentNullException.ThrowIfNull(transactionHashes);
        var branch = new List<Hash256>();
        // Level holds the nodes right of the coinbase's path; index 0 of the level is the path node itself.
        var level = new List<Hash256>(transactionHashes.Count + 1) { Hash256.Zero };
        level.AddRange(transactionHashes);
        Span<byte> pair = stackalloc byte[64];
        while (level.Count > 1)
        {
            branch.Add(level[1]);
            if (level.Count % 2 == 1)
            {
                level.Add(level[^1]);
            }

            var next = new List<Hash256>(level.Count / 2) { Hash256.Zero };
            for (var i = 2; i < level.Count; i += 2)
            {
                level[i].WriteInternalBytes(pair);
                level[i + 1].WriteInternalBytes(pair[32..]);
                next.Add(Hash256.Compute(pair));
            }

            level = next;
        }

        return [.. branch];
    }

    /// <summary>Folds <paramref name="branch"/> over the coinbase hash; writes the Merkle root (internal order).</summary>
    public static void ComputeRoot(ReadOnlySpan<byte> coinbaseHash, ReadOnlySpan<Hash256> branch, Span<byte> root)
    {
        Span<byte> pair = stackalloc byte[64];
        coinbaseHash[..32].CopyTo(pair);
        foreach (var step in branch)
        {
            step.WriteInternalBytes(pair[32..]);
            Sha256D.Hash(pair, pair);
        }

        pair[..32].CopyTo(root);
    }

    /// <summary>The Merkle root of a whole block's transaction hashes (coinbase first).</summary>
    public static Hash256 ComputeRoot(IReadOnlyList<Hash256> allTransactionHashes)
    {
        ArgumentNullException.ThrowIfNull(allTransactionHashes);
        if (allTransactionHashes.Count == 0)
        {
            throw new ArgumentException("A block has at least its coinbase.", nameof(allTransactionHashes));
        }

        var level = new List<Hash256>(allTransactionHashes);
        Span<byte> pair = stackalloc byte[64];
        while (level.Count > 1)
        {
            if (level.Count % 2 == 1)
            {
                level.Add(level[^1]);
            }

            var next = new List<Hash256>(level.Count / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                level[i].WriteInternalBytes(pair);
                level[i + 1].WriteInternalBytes(pair[32..]);
                next.Add(Hash256.Compute(pair));
            }

            level = next;
        }

        return level[0];
    }
}
