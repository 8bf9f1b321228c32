namespace BitmernSolo.Stratum.Coins;

/// <summary>
/// How many confirmations a coinbase output needs before it can be spent. Some chains changed the rule at a height
/// (Dogecoin at its Digishield fork, DigiByte at its MultiAlgo fork); the rule applies by the height of the block
/// that holds the coinbase.
/// </summary>
/// <param name="Blocks">Maturity for coinbases at or above <paramref name="FromHeight"/> — the current rule.</param>
/// <param name="EarlyBlocks">Maturity for coinbases below <paramref name="FromHeight"/>.</param>
/// <param name="FromHeight">Height where <paramref name="Blocks"/> starts; 0 when the rule never changed.</param>
public readonly record struct CoinbaseMaturity(int Blocks, int EarlyBlocks, long FromHeight)
{
    public static CoinbaseMaturity Constant(int blocks) => new(blocks, blocks, 0);

    public int BlocksAt(long coinbaseHeight) => coinbaseHeight >= FromHeight ? Blocks : EarlyBlocks;
}
