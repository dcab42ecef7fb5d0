package vn.lienthong.edxml.dsig;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import vn.lienthong.edxml.Edxml;
import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;

/**
 * Signs an edXML packet with an enveloped XML-DSig signature over the whole document.
 *
 * <p>The signature: {@code Reference URI=""} with the transforms enveloped-signature and exclusive c14n, digest
 * SHA-256, canonicalization exclusive c14n, signature RSA-SHA256 (RSA key) or ECDSA-SHA256 (EC key), in the real
 * XML-DSig namespace (prefix {@code ds}), KeyInfo/X509Data with the signer certificate and then the rest of the
 * chain given. It goes as the last child of {@code edXMLHeader}, where the SDK's dummy {@code Signature} (in the
 * edXML namespace, no XML-DSig namespace) is removed; everything else is kept as parsed (prefixes, whitespace,
 * attachments) and written back as UTF-8.
 *
 * <p>The packet is loaded into a DOM: inputs larger than {@link #maxBytes()} (default 64 MiB) are refused with an
 * {@link EdxmlException} of {@link EdxmlError#LIMIT_EXCEEDED}. Instances are immutable and thread-safe.
 */
public final class EdxmlSigner {

    /** Default bound on a packet to sign: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = DomPackets.DEFAULT_MAX_BYTES;

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final long maxBytes;
    private final boolean replaceExistingSignature;

    private EdxmlSigner(PrivateKey key, List<X509Certificate> chain, long maxBytes, boolean replaceExistingSignature) {
        this.key = key;
        this.chain = chain;
        this.maxBytes = maxBytes;
        this.replaceExistingSignature = replaceExistingSignature;
    }

    /**
     * A signer for this key.
     *
     * @param key   an RSA or EC private key
     * @param chain the signer's certificate first, then (optionally) its issuers; all go into KeyInfo/X509Data
     * @throws IllegalArgumentException if the key is neither RSA nor EC, or does not belong to the first certificate
     */
    public static EdxmlSigner of(PrivateKey key, List<X509Certificate> chain) {
        Objects.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the signer certificate is required (chain[0])");
        }
        signatureMethod(key);
        checkKeyMatchesCertificate(key, chain.get(0));
        DomPackets.initSantuario();
        return new EdxmlSigner(key, List.copyOf(chain), DEFAULT_MAX_BYTES, false);
    }

    /** A signer for this key and certificate, KeyInfo carrying just the certificate. */
    public static EdxmlSigner of(PrivateKey key, X509Certificate certificate) {
        return of(key, List.of(certificate));
    }

    /** A signer from a key entry of a keystore (e.g. a PKCS#12 file): its key and its whole certificate chain. */
    public static EdxmlSigner fromKeyStore(KeyStore keyStore, String alias, char[] password)
            throws GeneralSecurityException {
        PrivateKey privateKey = (PrivateKey) keyStore.getKey(alias, password);
        Certificate[] certificates = keyStore.getCertificateChain(alias);
        if (privateKey == null || certificates == null) {
            throw new GeneralSecurityException("no key entry " + alias + " in the keystore");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            chain.add((X509Certificate) certificate);
        }
        return of(privateKey, chain);
    }

    /** The same signer with another bound on the input size, in bytes. */
    public EdxmlSigner withMaxBytes(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return new EdxmlSigner(key, chain, maxBytes, replaceExistingSignature);
    }

    /**
     * The same signer, deciding what to do with a packet that already carries an XML-DSig signature: refuse it
     * (default: an {@link EdxmlException}) or remove the old signature(s) and sign again.
     */
    public EdxmlSigner withReplaceExistingSignature(boolean replace) {
        return new EdxmlSigner(key, chain, maxBytes, replace);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The SignatureMethod this signer writes. */
    public String signatureMethod() {
        return signatureMethod(key);
    }

    /** Reads a packet from {@code in}, writes the signed packet to {@code out}; neither stream is closed. */
    public void sign(InputStream in, OutputStream out) throws IOException {
        Document document = DomPackets.parse(in, maxBytes);
        sign(document);
        DomPackets.write(document, out);
    }

    /** Signs the file {@code in} into {@code out} (written whole through a temporary file, then moved). */
    public void sign(Path in, Path out) throws IOException {
        Document document = DomPackets.parse(in, maxBytes);
        sign(document);
        Path parent = out.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, out.getFileName().toString(), ".part");
        try {
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temporary), 64 * 1024)) {
                DomPackets.write(document, stream);
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Signs a packet held as bytes; returns the signed packet. */
    public byte[] sign(byte[] packet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(packet.length + 8 * 1024);
        sign(new ByteArrayInputStream(packet), out);
        return out.toByteArray();
    }

    /**
     * Signs a DOM in place (it must come from a namespace-aware parser). The caller serializes it; any
     * serialization that keeps the infoset keeps the signature valid.
     */
    public void sign(Document document) throws EdxmlException {
        Element header = header(document);
        removeExistingSignatures(document);

        Placement placement = removeDummySignatures(header);
        try {
            XMLSignature signature = new XMLSignature(document, "", signatureMethod(key),
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            Element signatureElement = signature.getElement();
            if (placement.indent()) {
                appendIndented(header, signatureElement);
            } else {
                header.insertBefore(signatureElement, placement.before()); // null before: appended
            }

            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);

            X509Data x509Data = new X509Data(document);
            for (X509Certificate certificate : chain) {
                x509Data.addCertificate(certificate);
            }
            signature.getKeyInfo().add(x509Data);

            signature.sign(key);
            dropCarriageReturns(signatureElement);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Santuario cannot sign the packet: " + e.getMessage(), e);
        }
    }

    /**
     * Santuario wraps base64 with CRLF, which a serializer must write as {@code &#13;}. SignatureValue and KeyInfo
     * are outside SignedInfo (and base64 ignores whitespace), so their line breaks become plain LF. SignedInfo is
     * left untouched: it is what the signature covers.
     */
    private static void dropCarriageReturns(Element signatureElement) {
        for (Node child = signatureElement.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Constants._TAG_SIGNEDINFO.equals(element.getLocalName())) {
                continue;
            }
            dropCarriageReturnsBelow(child);
        }
    }

    private static void dropCarriageReturnsBelow(Node node) {
        if (node.getNodeType() == Node.TEXT_NODE) {
            String value = node.getNodeValue();
            if (value.indexOf('\r') >= 0) {
                node.setNodeValue(value.replace("\r", ""));
            }
            return;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            dropCarriageReturnsBelow(child);
        }
    }

    /** The single edXMLHeader element. */
    private static Element header(Document document) throws EdxmlException {
        Element root = document.getDocumentElement();
        if (root == null || !Edxml.NAMESPACE.equals(root.getNamespaceURI()) || !"edXML".equals(root.getLocalName())) {
            throw new EdxmlException(EdxmlError.NOT_EDXML, "/", "phần tử gốc phải là edXML trong namespace "
                    + Edxml.NAMESPACE + " (the root must be edXML in the QCVN 102:2016 namespace)");
        }
        NodeList headers = document.getElementsByTagNameNS(Edxml.NAMESPACE, "edXMLHeader");
        if (headers.getLength() != 1) {
            throw new EdxmlException(EdxmlError.NOT_EDXML, "/edXML/edXMLEnvelope/edXMLHeader",
                    "cần đúng một edXMLHeader, có " + headers.getLength() + " (exactly one edXMLHeader needed)");
        }
        return (Element) headers.item(0);
    }

    private void removeExistingSignatures(Document document) throws EdxmlException {
        NodeList signatures = document.getElementsByTagNameNS(Constants.SignatureSpecNS, Constants._TAG_SIGNATURE);
        if (signatures.getLength() == 0) {
            return;
        }
        if (!replaceExistingSignature) {
            throw new EdxmlException(EdxmlError.BAD_SIGNATURE, "/edXML/edXMLEnvelope/edXMLHeader/Signature",
                    "gói tin đã có chữ ký XML-DSig; không ký đè (the packet already carries an XML-DSig signature;"
                            + " enable withReplaceExistingSignature to sign it again)");
        }
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            found.add((Element) signatures.item(i));
        }
        for (Element signature : found) {
            if (signature.getParentNode() != null) {
                removeWithIndentation(signature);
            }
        }
    }

    /** Where the new signature goes: before {@code before} (null: at the end), with or without new indentation. */
    private record Placement(Node before, boolean indent) {
    }

    /**
     * Removes the SDK's dummy Signature children of edXMLHeader (edXML namespace, or no namespace at all) and
     * says where the new signature goes: in the last dummy's place when only whitespace follows it (the signature
     * stays the last child and keeps the dummy's indentation), otherwise appended, indented like its siblings.
     */
    private static Placement removeDummySignatures(Element header) {
        List<Element> dummies = new ArrayList<>();
        for (Node child = header.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Constants._TAG_SIGNATURE.equals(element.getLocalName())
                    && (element.getNamespaceURI() == null || Edxml.NAMESPACE.equals(element.getNamespaceURI()))) {
                dummies.add(element);
            }
        }
        Placement placement = new Placement(null, true);
        for (int i = 0; i < dummies.size(); i++) {
            Element dummy = dummies.get(i);
            Node next = dummy.getNextSibling();
            boolean last = i == dummies.size() - 1;
            if (last && onlyWhitespaceFrom(next)) {
                header.removeChild(dummy);
                placement = new Placement(next, false);
            } else {
                removeWithIndentation(dummy);
            }
        }
        return placement;
    }

    /** True when {@code node} and its following siblings are whitespace text only (or there are none). */
    private static boolean onlyWhitespaceFrom(Node node) {
        for (Node n = node; n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.TEXT_NODE || !n.getNodeValue().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Appends as last element child, indented like the previous element child when there is one. */
    private static void appendIndented(Element parent, Element child) {
        Node last = parent.getLastChild();
        Node trailing = last != null && last.getNodeType() == Node.TEXT_NODE && last.getNodeValue().isBlank()
                ? last : null;
        Node previousElement = trailing != null ? trailing.getPreviousSibling() : last;
        String indentation = null;
        if (previousElement != null && previousElement.getPreviousSibling() != null
                && previousElement.getPreviousSibling().getNodeType() == Node.TEXT_NODE
                && previousElement.getPreviousSibling().getNodeValue().isBlank()) {
            indentation = previousElement.getPreviousSibling().getNodeValue();
        }
        if (trailing != null) {
            if (indentation != null) {
                parent.insertBefore(parent.getOwnerDocument().createTextNode(indentation), trailing);
            }
            parent.insertBefore(child, trailing);
        } else {
            if (indentation != null) {
                parent.appendChild(parent.getOwnerDocument().createTextNode(indentation));
            }
            parent.appendChild(child);
        }
    }

    private static void removeWithIndentation(Element element) {
        Node parent = element.getParentNode();
        Node previous = element.getPreviousSibling();
        if (previous != null && previous.getNodeType() == Node.TEXT_NODE && previous.getNodeValue().isBlank()) {
            parent.removeChild(previous);
        }
        parent.removeChild(element);
    }

    private static String signatureMethod(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
            case "EC", "ECDSA" -> XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
            default -> throw new IllegalArgumentException(
                    "only RSA and EC keys can sign edXML packets, not " + key.getAlgorithm());
        };
    }

    private static void checkKeyMatchesCertificate(PrivateKey key, X509Certificate certificate) {
        String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] probe = "edxml-signer-key-check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] value = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (!verifier.verify(value)) {
                throw new IllegalArgumentException("the private key does not belong to the certificate "
                        + certificate.getSubjectX500Principal().getName());
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }
}
