package vn.lienthong.adapters.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.activation.DataHandler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming contract of the push clients: a 200 MB packet pushed over SOAP (MTOM) and over REST to
 * receivers in the same JVM, through a heap far smaller than the packet. Run alone by the surefire
 * execution "small-heap" (-Xmx128m); the default execution skips it.
 */
class LargePushStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @TempDir
    Path work;

    /** Digests what it receives, never holding it. */
    static final class DigestingReceiver implements LienthongReceiver {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public String receiveDocument(String deliveryId, String docId, String messageType, String from, String to,
                                      DataHandler packet) {
            try (InputStream in = new DigestInputStream(packet.getInputStream(), sha256())) {
                long size = in.transferTo(OutputStream.nullOutputStream());
                received.add(size + ":" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
                return "ok";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a200MbPacketIsPushedOverSoapAndRestWithoutBeingHeldInMemory() throws Exception {
        Path packet = work.resolve("large.edxml");
        String expected = SIZE + ":" + write(packet);
        PushMessage message = new PushMessage("dlv-large", "doc-large", "edoc", "000.00.00.D41", "000.00.00.H41",
                packet, SIZE);

        DigestingReceiver soapReceiver = new DigestingReceiver();
        DigestingReceiver restReceiver = new DigestingReceiver();
        try (ReceiverEndpoints.Handle soap = ReceiverEndpoints.publishSoap("127.0.0.1", 0, "/receiver", soapReceiver);
             ReceiverEndpoints.Handle rest = ReceiverEndpoints.publishRest(
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/nhan", work.resolve("spool"),
                     restReceiver);
             SoapPushClient soapClient = new SoapPushClient()) {
            soapClient.push(new PushTarget(soap.url().toString(), PushTarget.Mode.SOAP, Duration.ofMinutes(2)), message);
            new RestPushClient().push(new PushTarget(rest.url().toString(), PushTarget.Mode.REST, Duration.ofMinutes(2)),
                    message);
        }
        assertThat(soapReceiver.received).containsExactly(expected);
        assertThat(restReceiver.received).containsExactly(expected);
        System.out.printf("200 MB pushed over SOAP and REST through a %d MB heap%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static String write(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0, n = 0; written < SIZE; written += block.length, n++) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) ('A' + (i * 7 + n) % 26);
                }
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
