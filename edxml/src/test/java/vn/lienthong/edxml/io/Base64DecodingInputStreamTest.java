package vn.lienthong.edxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.lienthong.edxml.EdxmlError;
import vn.lienthong.edxml.EdxmlException;

/** The block decoder gives the same bytes and the same errors whatever the chunking and the line breaks. */
class Base64DecodingInputStreamTest {

    private final Random random = new Random(102);

    @Test
    void decodesAnySizeWrappedOrNotInSegmentsOfAnyLength() throws IOException {
        for (int size : new int[] {0, 1, 2, 3, 4, 5, 47, 48, 1000, 24_575, 24_576, 24_577, 100_000, 300_001}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            String plain = Base64.getEncoder().encodeToString(content);
            String mime = Base64.getMimeEncoder().encodeToString(content);
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(content);
            for (String text : new String[] {plain, mime, unpadded, " \n" + plain + "\r\n\t "}) {
                for (int segment : new int[] {1, 7, 4096, 1 << 20}) {
                    assertThat(decode(text, segment)).as("size %d, segment %d", size, segment).isEqualTo(content);
                }
            }
        }
    }

    @Test
    void namesAnInvalidCharacterAndItsPosition() {
        String text = Base64.getEncoder().encodeToString(new byte[60_000]);
        String broken = text.substring(0, 50_000) + "-" + text.substring(50_001);
        assertThatThrownBy(() -> decode(broken, 4096)).isInstanceOfSatisfying(EdxmlException.class, e -> {
            assertThat(e.error()).isEqualTo(EdxmlError.BAD_BASE64);
            assertThat(e.getMessage()).contains("'-'").contains("50001");
        });
        assertThatThrownBy(() -> decode("QUJD\u00e9QUJD", 3)).isInstanceOfSatisfying(EdxmlException.class,
                e -> assertThat(e.getMessage()).contains("\\u00e9").contains("5"));
    }

    @Test
    void refusesDataAfterThePaddingAndTooMuchPadding() {
        for (String text : new String[] {"QQ==QUJD", "QQ==\nQ", "QUI=QUJD", "QUJD====", "Q"}) {
            for (int segment : new int[] {1, 3, 4096}) {
                assertThatThrownBy(() -> decode(text, segment)).as(text).isInstanceOfSatisfying(EdxmlException.class,
                        e -> assertThat(e.error()).isEqualTo(EdxmlError.BAD_BASE64));
            }
        }
    }

    private static byte[] decode(String text, int segment) throws IOException {
        Reader reader = new StringReader(text) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, segment));
            }
        };
        try (Base64DecodingInputStream in = new Base64DecodingInputStream(reader, "/test")) {
            return in.readAllBytes();
        }
    }
}
