package vn.lienthong.trust.classification;

import java.util.Objects;

/**
 * A classification mark found, and where: never the text around it, so that a refusal can be recorded and shown
 * without any of the document's content.
 *
 * @param mark  the mark
 * @param where where it was found, e.g. {@code Subject}, {@code OtherInfo/Classification}, or an attachment's name
 *              and file ({@code cong-van.zip!/a.pdf, trang 1})
 */
public record ClassificationFinding(ClassificationMark mark, String where) {

    public ClassificationFinding {
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(where, "where");
    }

    /** The same finding, placed inside {@code container} (an attachment holding the file). */
    public ClassificationFinding within(String container) {
        return new ClassificationFinding(mark, container + ": " + where);
    }
}
