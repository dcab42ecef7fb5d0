package vn.lienthong.trust.pdf;

/** Where a signature's signing time comes from. Both sources are claims of the signer, not proofs. */
public enum SigningTimeSource {
    /** The CMS signed attribute {@code signingTime} (covered by the signature value). */
    SIGNED_ATTRIBUTE,
    /** The {@code /M} entry of the PDF signature dictionary (inside the signed bytes). */
    PDF_SIGNATURE_DICTIONARY,
    /** Neither is present: certificates are checked at the validation time. */
    NONE
}
