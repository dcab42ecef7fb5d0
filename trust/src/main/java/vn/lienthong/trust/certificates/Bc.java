package vn.lienthong.trust.certificates;

import java.security.Provider;

import org.bouncycastle.cms.CMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.SignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The trust module's Bouncy Castle provider instance (not registered globally) and the parts of its CMS machinery
 * that are the same for every signature: built once, since Bouncy Castle's builders fill large tables each time.
 */
public final class Bc {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    /**
     * Digests from the JDK's providers where they have the algorithm (SHA-1/SHA-2 there are several times faster
     * than Bouncy Castle's), Bouncy Castle's for the rest.
     */
    public static final DigestCalculatorProvider DIGESTS;

    /** Names of CMS signature algorithms, read-only once built. */
    public static final CMSSignatureAlgorithmNameGenerator SIGNATURE_NAMES = new DefaultCMSSignatureAlgorithmNameGenerator();

    /** Algorithm identifiers of signature names. */
    public static final SignatureAlgorithmIdentifierFinder SIGNATURE_IDS = new DefaultSignatureAlgorithmIdentifierFinder();

    static {
        try {
            DigestCalculatorProvider jdk = new JcaDigestCalculatorProviderBuilder().build();
            DigestCalculatorProvider bouncyCastle = new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build();
            DIGESTS = algorithm -> {
                try {
                    return jdk.get(algorithm);
                } catch (OperatorCreationException e) {
                    return bouncyCastle.get(algorithm);
                }
            };
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Bc() {
    }
}
