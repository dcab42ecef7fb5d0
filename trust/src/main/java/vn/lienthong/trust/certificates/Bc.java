package vn.lienthong.trust.certificates;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** The Bouncy Castle provider instance of this package (not registered globally) and JDK-backed digests. */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    /** Digests from the JDK's providers: SHA-1/SHA-256 there are several times faster than Bouncy Castle's. */
    static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Bc() {
    }
}
