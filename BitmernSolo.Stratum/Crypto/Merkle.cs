using System.Buffers;

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
        var level = ArrayPool<Hash256>.Shared.Rent(transactionHashes.Count + 2);
        try
        {
            for (var i = 0; i < transactionHashes.Count; i++)
            {
                level[i + 1] = transactionHashes[i];
            }

            return BranchInPlace(level, transactionHashes.Count + 1);
        }
        finally
        {
            ArrayPool<Hash256>.Shared.Return(level);
        }
    }

    /// <inheritdoc cref="ComputeBranch(IReadOnlyList{Hash256})"/>
    public static Hash256[] ComputeBranch(ReadOnlySpan<Hash256> transactionHashes)
    {
        // Rented, not allocated: a 3,000-transaction level is ~96 KB, a large-object-heap allocation per template otherwise.
        var level = ArrayPool<Hash256>.Shared.Rent(transactionHashes.Length + 2);
        try
        {
            transactionHashes.CopyTo(level.AsSpan(1));
            return BranchInPlace(level, transactionHashes.Length + 1);
        }
        finally
        {
            ArrayPool<Hash256>.Shared.Return(level);
        }
    }

    /// <summary>
    /// Levels with at least this many pairs to hash are split between two threads: a new block's template (3,000
    /// transactions on Bitcoin) is reduced while every miner waits for the block's first notify, and the machine is
    /// otherwise idle at that moment (≈ 5 ms on one core of the benchmark machine, BENCHMARKS.md seventh pass).
    /// </summary>
    internal const int ParallelPairs = 256;

    /// <summary>
    /// Reduces the tree level by level in <paramref name="level"/> (count nodes, room for one more): index 0 is the
    /// coinbase's path node, index 1 its sibling (the branch step); node j of the next level overwrites index j, which
    /// the pairs at indexes 2j and 2j + 1 no longer need. A level hashed by two threads is written to a second array
    /// instead (one half's writes would land on the other half's inputs).
    /// </summary>
    private static Hash256[] BranchInPlace(Hash256[] level, int count)
    {
        var branch = new List<Hash256>();
        Hash256[]? rented = null;
        try
        {
            var spare = level;
            level[0] = Hash256.Zero;
            while (count > 1)
            {
                branch.Add(level[1]);
                if (count % 2 == 1)
                {
                    level[count] = level[count - 1];
                    count++;
                }

                // Pair 0 is the path node and its sibling: its hash is the next level's path node, which the branch never needs.
                var pairs = count / 2;
                if (pairs - 1 >= ParallelPairs)
                {
                    if (ReferenceEquals(spare, level))
                    {
                        spare = rented ??= ArrayPool<Hash256>.Shared.Rent(level.Length);
                    }

                    var (from, to, middle) = (level, spare, 1 + ((pairs - 1) / 2));
                    Parallel.For(0, 2, half => HashPairs(from, to, half == 0 ? 1 : middle, half == 0 ? middle : pairs));
                    (level, spare) = (to, from);
                }
                else
                {
                    HashPairs(level, level, 1, pairs);
                }

                level[0] = Hash256.Zero;
                count = pairs;
            }

            return [.. branch];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Hash256>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Node j of the next level, for j in [first, end), from nodes 2j and 2j + 1 of <paramref name="from"/>.</summary>
    private static void HashPairs(Hash256[] from, Hash256[] to, int first, int end)
    {
        Span<byte> pair = stackalloc byte[64];
        for (var j = first; j < end; j++)
        {
            from[2 * j].WriteInternalBytes(pair);
            from[(2 * j) + 1].WriteInternalBytes(pair[32..]);
            to[j] = Hash256.Compute(pair);
        }
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
