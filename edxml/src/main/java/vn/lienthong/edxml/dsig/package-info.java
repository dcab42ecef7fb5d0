/**
 * XML-DSig for edXML packets: {@link vn.lienthong.edxml.dsig.EdxmlSigner} signs a packet with an enveloped signature
 * over the whole document, {@link vn.lienthong.edxml.dsig.EdxmlSignatureVerifier} checks one and answers with a
 * {@link vn.lienthong.edxml.dsig.SignatureCheck} (UNSIGNED, VALID or INVALID with a reason).
 *
 * <p>The profile, both ways: one {@code ds:Signature} in the namespace {@code http://www.w3.org/2000/09/xmldsig#},
 * last child of {@code edXMLHeader}; one {@code Reference URI=""} with the transforms enveloped-signature and
 * exclusive c14n; SHA-256; RSA-SHA256 or ECDSA-SHA256; KeyInfo/X509Data with the signer certificate (and optionally
 * its chain). The SDK's {@code Signature} block without the XML-DSig namespace is a placeholder with dummy values:
 * the signer replaces it and the verifier reports such a packet as UNSIGNED.
 *
 * <p>Both load the packet into a DOM (Santuario), bounded by {@code maxBytes} (64 MiB by default). Whether a
 * certificate may sign for an agency, and whether it is revoked, is the caller's policy: this package checks the
 * maths and, when given trust anchors, that the signer chains to one of them.
 */
package vn.lienthong.edxml.dsig;
