using BitmernSolo.Stratum.Crypto;

namespace BitmernSolo.Tests.Crypto;

public class MerkleTests
{
    public static TheoryData<int> TransactionCounts()
    {
        var data = new TheoryData<int>();
        for (var count = 1; count <= 20; count++)
        {
            data.Add(count);
        }

        data.Add(33);
        data.Add(100);
        data.Add(2049);

        // Around the first level hashed by two threads (Merkle.ParallelPairs pairs besides the coinbase's), and a mainnet-sized
        // template whose first levels are.
        var parallel = 2 * (Merkle.ParallelPairs + 1);
        foreach (var count in (int[])[parallel - 2, parallel - 1, parallel, parallel + 1, parallel + 2, 3001, 4097])
        {
            data.Add(count);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TransactionCounts))]
    public void FoldingTheBranchOverTheCoinbaseGivesTheFullTreesRoot(int transactionCount)
    {
        var hashes = RandomHashes(transactionCount, seed: transactionCount);
        var branch = Merkle.ComputeBranch(hashes.AsSpan(1));
        var root = new byte[32];
        Merkle.ComputeRoot(hashes[0].ToInternalBytes(), branch, root);

        Assert.Equal(Merkle.ComputeRoot(hashes), Hash256.FromInternalBytes(root));
        Assert.Equal(branch, Merkle.ComputeBranch((IReadOnlyList<Hash256>)hashes[1..].ToList())); // both overloads, one tree
        Assert.Equal(TreeDepth(transactionCount), branch.Length);
    }

    [Theory]
    [MemberData(nameof(TransactionCounts))]
    public void FullRootEqualsANaiveTreeBuiltFromTheDefinition(int transactionCount)
    {
        var hashes = RandomHashes(transactionCount, seed: 1000 + transactionCount);
        Assert.Equal(NaiveRoot(hashes), Merkle.ComputeRoot(hashes));
    }

    [Fact]
    public void TheBranchDoesNotDependOnTheCoinbase()
    {
        var others = RandomHashes(7, seed: 3)[1..];
        var first = Merkle.ComputeBranch(others);
        Assert.Equal(first, Merkle.ComputeBranch(others));
        Assert.Equal(others[0], first[0]);
    }

    [Fact]
    public void ASingleTransactionIsItsOwnRootWithAnEmptyBranch()
    {
        var coinbase = RandomHashes(1, seed: 9)[0];
        Assert.Empty(Merkle.ComputeBranch([]));
        Assert.Equal(coinbase, Merkle.ComputeRoot([coinbase]));
    }

    [Fact]
    public void AnOddLevelDuplicatesItsLastHash()
    {
        var h = RandomHashes(3, seed: 11);
        var left = Pair(h[0], h[1]);
        var right = Pair(h[2], h[2]);
        Assert.Equal(Pair(left, right), Merkle.ComputeRoot(h));
    }

    [Fact]
    public void AnEmptyBlockIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Merkle.ComputeRoot(Array.Empty<Hash256>()));
    }

    private static Hash256[] RandomHashes(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[32];
        var hashes = new Hash256[count];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            hashes[i] = Hash256.FromInternalBytes(bytes);
        }

        return hashes;
    }

    private static Hash256 Pair(Hash256 left, Hash256 right)
    {
        var pair = new byte[64];
        left.WriteInternalBytes(pair);
        right.WriteInternalBytes(pair.AsSpan(32));
        return Hash256.Compute(pair);
    }

    private static Hash256 NaiveRoot(IReadOnlyList<Hash256> leaves)
    {
        var level = leaves.ToList();
        while (level.Count > 1)
        {
            var next = new List<Hash256>();
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(Pair(level[i], level[Math.Min(i + 1, level.Count - 1)]));
            }

            level = next;
        }

        return level[0];
    }

    private static int TreeDepth(int leaves)
    {
        var depth = 0;
        while ((1 << depth) < leaves)
        {
            depth++;
        }

        return depth;
    }
}
