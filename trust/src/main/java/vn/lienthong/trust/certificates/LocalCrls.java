package vn.lienthong.trust.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs the operator supplies: CRL objects given at start, and CRL files (DER or PEM, one or several CRLs each) that
 * are read again whenever their modification time or size changes, so that a job that drops a new CRL into place is
 * picked up without a restart.
 */
final class LocalCrls {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCrls.class);

    private final List<CheckedCrl> fixed;
    private final List<CrlFile> files;

    LocalCrls(Collection<X509CRL> crls, Collection<Path> paths) {
        List<CheckedCrl> given = new ArrayList<>();
        for (X509CRL crl : crls) {
            given.add(new CheckedCrl(crl, "crl:" + crl.getIssuerX500Principal().getName()));
        }
        this.fixed = List.copyOf(given);
        List<CrlFile> crlFiles = new ArrayList<>();
        for (Path path : paths) {
            crlFiles.add(new CrlFile(path));
        }
        this.files = List.copyOf(crlFiles);
    }

    /** Every local CRL, files re-read if they changed. */
    List<CheckedCrl> all() {
        if (files.isEmpty()) {
            return fixed;
        }
        List<CheckedCrl> all = new ArrayList<>(fixed);
        for (CrlFile file : files) {
            all.addAll(file.current());
        }
        return all;
    }

    private static final class CrlFile {
        private final Path path;
        private long modified = Long.MIN_VALUE;
        private long size = -1;
        private List<CheckedCrl> crls = List.of();

        CrlFile(Path path) {
            this.path = path;
        }

        synchronized List<CheckedCrl> current() {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                if (!crls.isEmpty() || size != -2) {
                    LOG.warn("CRL file {} unreadable: {}", path, e.toString());
                }
                crls = List.of();
                size = -2;
                return crls;
            }
            long newModified = attributes.lastModifiedTime().toMillis();
            if (newModified == modified && attributes.size() == size) {
                return crls;
            }
            try (InputStream in = Files.newInputStream(path)) {
                List<CheckedCrl> loaded = new ArrayList<>();
                for (CRL crl : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    loaded.add(new CheckedCrl((X509CRL) crl, "crl-file:" + path));
                }
                crls = List.copyOf(loaded);
                LOG.info("CRL file {} loaded: {} CRL(s)", path, crls.size());
            } catch (IOException | CertificateException | CRLException | ClassCastException e) {
                LOG.warn("CRL file {} cannot be parsed: {}", path, e.toString());
                crls = List.of();
            }
            modified = newModified;
            size = attributes.size();
            return crls;
        }
    }
}
