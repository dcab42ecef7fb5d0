package vn.lienthong.adapters.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapters.exchange.InMemoryExchange;

/**
 * The streaming contract of the SOAP service: a 200 MB packet goes up (sendDocument) and comes back down
 * (getDocument) as MTOM through a heap far smaller than the packet. The surefire execution "small-heap"
 * runs it alone with -Xmx128m (client, server and Tomcat in the same JVM); the default execution skips it.
 */
class LargeSoapPacketStreamingTest {

    private static final long SIZE = 200L * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a200MbPacketGoesUpAndComesBackDownWithoutBeingHeldInMemory() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        Path packet = work.resolve("large.edxml");
        String sentSha256 = writePacket(packet);

        InMemoryExchange exchange = new InMemoryExchange(work.resolve("store"));
        SoapSettings settings = SoapSettings.under(work, SIZE + 1024);
        try (SoapTestServer server = new SoapTestServer(exchange, settings, work)) {
            String docId = server.client("qlvb-tinhuy", "tinhuy-secret-2026")
                    .sendDocument("edoc", new DataHandler(new FileDataSource(packet.toFile())));
            InMemoryExchange.Accepted accepted = exchange.accepted.get(0);
            assertThat(accepted.size()).isEqualTo(SIZE);
            assertThat(accepted.sha256()).isEqualTo(sentSha256);

            exchange.deliver(docId, InMemoryExchange.UBND, "000.00.00.D41", "000.00.00.H41");
            DataHandler back = server.client("qlvb-ubnd", "ubnd-secret-2026").getDocument(docId);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long received;
            try (InputStream in = new DigestInputStream(back.getInputStream(), digest)) {
                received = in.transferTo(OutputStream.nullOutputStream());
            }
            assertThat(received).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sentSha256);
        }
        System.out.printf("200 MB up and down through a %d MB heap%n", maxHeap / (1024 * 1024));
    }

    /** A packet-sized file (XML-ish text, not all zeros), and its SHA-256. */
    private static String writePacket(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0, n = 0; written < SIZE; written += block.length, n++) {
                ByteBuffer.wrap(block).putLong(n).putLong(n * 31);
                for (int i = 16; i < block.length; i++) {
                    block[i] = (byte) ('a' + (i + n) % 26);
                }
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
