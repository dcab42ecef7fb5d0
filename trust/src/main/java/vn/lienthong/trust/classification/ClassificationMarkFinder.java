package vn.lienthong.trust.classification;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds a classification mark (TUYỆT MẬT, TỐI MẬT, MẬT) standing alone: in capitals, as a whole segment of a line,
 * where segments are separated by line breaks, by punctuation that separates phrases ({@code - : ; , . / | ( ) [ ]}),
 * by tabs and, in a PDF, by a wide horizontal gap. Quotes and asterisks around a segment are ignored. So
 * "TUYỆT MẬT", "(MẬT)" or "Độ mật: TỐI MẬT" are marks, while "bảo vệ bí mật nhà nước", "mật khẩu", "BÍ MẬT NHÀ
 * NƯỚC" or "Mật" inside a sentence are not.
 *
 * <p>In a PDF only page 1 is read, and on it only the text in the top {@link #TOP_OF_PAGE} of the page, where
 * NĐ 30/2020 puts the mark (box 10a, under the số, ký hiệu), at most {@link #MAX_GLYPHS} glyphs. A mark drawn as an
 * image (a scanned stamp) has no text and is not seen. Thread-safe.
 */
public final class ClassificationMarkFinder {

    /** The part of page 1, from its top edge, searched for a mark. */
    public static final float TOP_OF_PAGE = 0.4f;
    /** At most this many glyphs of the top of page 1 are read, so that a hostile page costs a bounded effort. */
    public static final int MAX_GLYPHS = 20_000;
    /** A horizontal gap wider than this many font sizes separates two segments of one printed line. */
    private static final float SEGMENT_GAP_EMS = 2.0f;

    private static final Pattern SEGMENT_BREAK = Pattern.compile("[\\r\\n\\t\\-–—:;,./|()\\[\\]{}]| {3,}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u3000]+");
    private static final String DECORATION = "\"'“”‘’«»*";

    /** The first mark standing alone in {@code text} (any number of lines), if any. */
    public Optional<ClassificationMark> inText(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (String segment : SEGMENT_BREAK.split(normalized)) {
            Optional<ClassificationMark> mark = ClassificationMark.exactly(clean(segment));
            if (mark.isPresent()) {
                return mark;
            }
        }
        return Optional.empty();
    }

    /**
     * The first mark near the top of the first page of the PDF in {@code file}, if any. A file that cannot be read
     * as a PDF (broken, or protected by a password) gives empty: its text cannot be known.
     */
    public Optional<ClassificationMark> inFirstPage(Path file) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file))) {
            return inFirstPage(document);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #inFirstPage(Path)} for a document already parsed: empty when its text cannot be read, since then
     * the text cannot be known.
     */
    public Optional<ClassificationMark> inFirstPageOf(PDDocument document) {
        try {
            return inFirstPage(document);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first mark near the top of the first page of {@code document}, if any. */
    public Optional<ClassificationMark> inFirstPage(PDDocument document) throws IOException {
        if (document.getNumberOfPages() == 0) {
            return Optional.empty();
        }
        TopOfFirstPage stripper = new TopOfFirstPage();
        StringWriter text = new StringWriter();
        stripper.writeText(document, text);
        return inText(text.toString());
    }

    private static String clean(String segment) {
        String collapsed = SPACES.matcher(segment).replaceAll(" ").strip();
        int start = 0;
        int end = collapsed.length();
        while (start < end && DECORATION.indexOf(collapsed.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && DECORATION.indexOf(collapsed.charAt(end - 1)) >= 0) {
            end--;
        }
        return collapsed.substring(start, end).strip();
    }

    /**
     * The text of the top of page 1, line by line in reading order; a word far from the previous one on its line
     * starts with a tab (a segment break).
     */
    private static final class TopOfFirstPage extends PDFTextStripper {

        private int glyphs;
        private TextPosition lastOfLine;

        TopOfFirstPage() {
            setStartPage(1);
            setEndPage(1);
            setSortByPosition(true);
            setLineSeparator("\n");
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (glyphs >= MAX_GLYPHS || text.getYDirAdj() > text.getPageHeight() * TOP_OF_PAGE) {
                return;
            }
            glyphs++;
            super.processTextPosition(text);
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (!positions.isEmpty()) {
                TextPosition first = positions.get(0);
                if (lastOfLine != null) {
                    float gap = first.getXDirAdj() - (lastOfLine.getXDirAdj() + lastOfLine.getWidthDirAdj());
                    if (gap > SEGMENT_GAP_EMS * Math.max(first.getFontSizeInPt(), 1f)) {
                        output.write('\t');
                    }
                }
                lastOfLine = positions.get(positions.size() - 1);
            }
            super.writeString(text, positions);
        }

        @Override
        protected void writeLineSeparator() throws IOException {
            lastOfLine = null;
            super.writeLineSeparator();
        }
    }
}
