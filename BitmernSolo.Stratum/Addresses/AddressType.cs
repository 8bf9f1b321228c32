namespace BitmernSolo.Stratum.Addresses;

/// <summary>The kind of output script an address stands for.</summary>
public enum AddressType
{
    /// <summary>Pay to public-key hash: <c>OP_DUP OP_HASH160 &lt;20&gt; OP_EQUALVERIFY OP_CHECKSIG</c>.</summary>
    P2pkh,

    /// <summary>Pay to script hash (BIP16): <c>OP_HASH160 &lt;20&gt; OP_EQUAL</c>.</summary>
    P2sh,

    /// <summary>Segwit v0 key hash (BIP141): <c>OP_0 &lt;20&gt;</c>.</summary>
    P2wpkh,

    /// <summary>Segwit v0 script hash (BIP141): <c>OP_0 &lt;32&gt;</c>.</summary>
    P2wsh,

    /// <summary>Taproot (BIP341): <c>OP_1 &lt;32&gt;</c>.</summary>
    P2tr,

    /// <summary>Any other witness version/length (BIP350 "future" outputs).</summary>
    WitnessUnknown,
}
