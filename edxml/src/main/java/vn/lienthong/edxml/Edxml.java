package vn.lienthong.edxml;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Constants of the edXML format (QCVN 102:2016/BTTTT). */
public final class Edxml {

    /** The one namespace of every edXML element. */
    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    /** The prefix the official SDK writes inside the envelope. */
    public static final String PREFIX = "edXML";

    /** The XML-DSig namespace: a Signature in it is a real signature; any other Signature is a placeholder. */
    /**
     * The namespace of this project's own extension elements (not part of QCVN 102:2016; readers that do not know
     * it skip them): {@code Classification} in {@code OtherInfo}, see {@link vn.lienthong.edxml.model.OtherInfo}.
     */
    public static final String LIENTHONG_NAMESPACE = "urn:lienthong:edxml:extension:1";
    public static final String LIENTHONG_PREFIX = "lt";

    public static final String XMLDSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    /** Dates: PromulgationDate, DueDate. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Timestamps: TraceHeader and status packets. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The wall clock that senders and receivers write timestamps in. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Edxml() {
    }
}
