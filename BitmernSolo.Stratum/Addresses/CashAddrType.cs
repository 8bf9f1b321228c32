namespace BitmernSolo.Stratum.Addresses;

/// <summary>CashAddr type bits (bits 6..3 of the version byte): 0 = P2PKH, 1 = P2SH.</summary>
public enum CashAddrType
{
    P2pkh = 0,
    P2sh = 1,
}
