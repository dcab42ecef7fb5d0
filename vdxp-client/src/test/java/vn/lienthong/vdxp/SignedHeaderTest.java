package vn.lienthong.vdxp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The vectors captured from the official SDK's own requests. */
class SignedHeaderTest {

    private static final String SECRET = "TestSecret01/abc+XYZ=";
    private static final String SIGN_HEADER = "{\"XroadVnpt-systemid\":\"vxp.test.01\","
            + "\"XroadVnpt-timestamp\":\"21112026T082810+0455\",\"XroadVnpt-Content-Type\":\"application/json\"}";
    private static final String HASH = "012db63fd4dc5e8e1416e0d0c0e4d88057d0d834055224057eb47dfbc5ae3e59";

    @Test
    void verifiesTheSdkHmacOverTheStringAsReceived() {
        SignedHeader header = SignedHeader.parse(SIGN_HEADER);
        assertThat(SignedHeader.hmac(SECRET, SIGN_HEADER)).isEqualTo(HASH);
        assertThat(header.isSignedWith(SECRET, HASH)).isTrue();
        assertThat(header.isSignedWith(SECRET, HASH.toUpperCase())).isTrue();
        assertThat(header.isSignedWith("wrong-secret", HASH)).isFalse();
        assertThat(header.isSignedWith(SECRET, null)).isFalse();
        // the same parameters in another key order are another string, with another HMAC
        String reordered = "{\"XroadVnpt-timestamp\":\"21112026T082810+0455\",\"XroadVnpt-systemid\":\"vxp.test.01\","
                + "\"XroadVnpt-Content-Type\":\"application/json\"}";
        assertThat(SignedHeader.parse(reordered).isSignedWith(SECRET, HASH)).isFalse();
        assertThat(header.systemId()).contains("vxp.test.01");
    }

    @Test
    void keepsCaseCollidingKeysApart() {
        SignedHeader header = SignedHeader.parse("{\"XroadVnpt-docId\":\"stale-from-getEdoc\","
                + "\"XroadVnpt-docid\":\"meant\",\"XroadVnpt-status\":\"done\",\"XroadVnpt-level\":1}");
        assertThat(header.docIdForStatusUpdate()).contains("meant");
        assertThat(header.docId()).contains("stale-from-getEdoc");
        assertThat(header.get("level")).contains("1");
        assertThat(SignedHeader.parse("{\"XroadVnpt-docId\":\"only\"}").docIdForStatusUpdate()).contains("only");
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThatThrownBy(() -> SignedHeader.parse("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedHeader.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesHashFileTheSdkWay() {
        byte[] digest = HashFile.newDigest().digest("<edXML/>".getBytes(StandardCharsets.UTF_8));
        assertThat(HashFile.unpaddedHex(digest)).isEqualTo("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3758");
        assertThat(HashFile.matches("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3758", digest)).isTrue();
        assertThat(HashFile.matches("8d55f6c7bf7cd534cf027a10e1bb5731c68279c3cb991c0f4844774c685b3758", digest)).isTrue();
        assertThat(HashFile.matches("8d55f6c7bf7cd534cf27a10e1bb5731c68279c3cb991cf4844774c685b3759", digest)).isFalse();
    }
}
