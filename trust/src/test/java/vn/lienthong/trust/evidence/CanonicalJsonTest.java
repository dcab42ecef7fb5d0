package vn.lienthong.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysSortedNoSpaceUtf8AsIs() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", "Văn phòng Tỉnh ủy \"Nghệ An\"\n\u0001\\");
        object.put("a", 42L);
        object.put("c", Map.of("z", 1, "y", "x"));

        String json = new String(CanonicalJson.write(object), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"a\":42,\"b\":\"Văn phòng Tỉnh ủy \\\"Nghệ An\\\"\\n\\u0001\\\\\","
                + "\"c\":{\"y\":\"x\",\"z\":1}}");
        assertThat(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8)))
                .containsEntry("a", 42L).containsEntry("b", object.get("b"));
        assertThat(CanonicalJson.write(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatItCannotWriteCanonically() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("a b", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("a", 1.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":[1]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.parse(new byte[] {'{', '"', (byte) 0xC3, '"'}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
