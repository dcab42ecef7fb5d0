package vn.lienthong.adapters.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.adapters.exchange.SpooledPacket;
import vn.lienthong.vdxp.HashFile;

class SdkUploadTest {

    @TempDir
    Path dir;

    @Test
    void recognisesTheSdksTrailingCrlfByItsHash() throws IOException {
        byte[] packet = "<edXML/>".getBytes(StandardCharsets.UTF_8);
        String sdkHash = HashFile.unpaddedHex(HashFile.newDigest().digest(packet));
        SdkUpload spooled = SdkUpload.spool(new ByteArrayInputStream("<edXML/>\r\n".getBytes()), dir, 1000);
        assertThat(spooled.received().size()).isEqualTo(10);
        assertThat(spooled.matchesHashFile(sdkHash)).isTrue();
        SpooledPacket stripped = spooled.forHashFile(sdkHash);
        assertThat(stripped.size()).isEqualTo(8);
        assertThat(Files.readAllBytes(stripped.file())).isEqualTo(packet);
        assertThat(stripped.sha256Hex()).isEqualTo(java.util.HexFormat.of().formatHex(HashFile.newDigest().digest(packet)));
    }

    @Test
    void findsTheCrlfWhenTheBodyArrivesByteByByte() throws IOException {
        byte[] packet = "<edXML/>".getBytes(StandardCharsets.UTF_8);
        String sdkHash = HashFile.unpaddedHex(HashFile.newDigest().digest(packet));
        InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream("<edXML/>\r\n".getBytes())) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        SdkUpload spooled = SdkUpload.spool(trickle, dir, 1000);
        assertThat(spooled.matchesHashFile(sdkHash)).isTrue();
        assertThat(Files.readAllBytes(spooled.forHashFile(sdkHash).file())).isEqualTo(packet);
    }

    @Test
    void keepsABodyWithoutCrlfWhole() throws IOException {
        byte[] packet = new byte[200_000];
        new java.util.Random(3).nextBytes(packet);
        SdkUpload spooled = SdkUpload.spool(new ByteArrayInputStream(packet), dir, 1_000_000);
        String hash = HashFile.unpaddedHex(HashFile.newDigest().digest(packet));
        assertThat(spooled.matchesHashFile(hash)).isTrue();
        assertThat(spooled.forHashFile(hash).size()).isEqualTo(packet.length);
        assertThat(spooled.matchesHashFile("00")).isFalse();
    }

    @Test
    void refusesAPacketOverTheLimitAndLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> SdkUpload.spool(new ByteArrayInputStream(new byte[5000]), dir, 4999))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.error()).isEqualTo(GatewayError.PACKET_TOO_LARGE));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
