package vn.lienthong.trust.chain;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import vn.lienthong.trust.evidence.CmsSigner;

/**
 * Signs chain heads with the gateway's key: CMS SignedData encapsulating {@link ChainHead#canonicalJson()}, the
 * same form as signed evidence, verifiable with
 * {@code openssl cms -verify -binary -inform DER -in head.p7s -CAfile ca.pem -out head.json}. Thread-safe.
 */
public final class ChainHeadSigner {

    private final CmsSigner cms;

    public ChainHeadSigner(CmsSigner cms) {
        this.cms = cms;
    }

    public ChainHeadSigner(PrivateKey key, List<X509Certificate> chain) {
        this(new CmsSigner(key, chain));
    }

    /** The DER CMS SignedData of the head. */
    public byte[] sign(ChainHead head) {
        return cms.sign(head.canonicalJson());
    }
}
