package vn.lienthong.gateway.intake;

import java.io.IOException;
import java.io.InputStream;

import vn.lienthong.edxml.io.CountingInputStream;

import vn.lienthong.adapters.exchange.GatewayError;
import vn.lienthong.adapters.exchange.GatewayException;
import vn.lienthong.gateway.limits.LimitsProperties;
import vn.lienthong.trust.pdf.InspectionBudget;

/**
 * Meters what one packet costs while the intake reads it, in that one pass ({@code gateway.limits.packet.*}): the
 * bytes before its first attachment (the edXMLEnvelope, 66), the PDF signatures verified (67), the bytes unpacked
 * from its attachments (68) and the attachments (69). A bound is enforced while the packet is read, so a packet over
 * it costs no more than the bound. One per packet.
 */
final class PacketCostMeter {

    private final LimitsProperties.Packet limits;
    private final InspectionBudget inspection;
    private boolean headerRead;
    private long headerBytes;
    private int attachments;
    private GatewayException crossed;

    PacketCostMeter(LimitsProperties.Packet limits) {
        this.limits = limits;
        this.inspection = new InspectionBudget(limits.maxPdfSignatures(), limits.maxUnpackedSize().toBytes());
    }

    /**
     * The packet as the reader should read it: its bytes are counted until the first attachment begins (the
     * reader's read-ahead, at most 64 KiB, counts with them), and a header over the bound stops the read.
     */
    InputStream metering(InputStream packet) {
        return new CountingInputStream(packet) {
            @Override
            protected void counted(long n) throws IOException {
                count(n);
            }
        };
    }

    private void count(long bytes) throws IOException {
        if (headerRead) {
            return;
        }
        headerBytes += bytes;
        if (headerBytes > limits.maxHeaderSize().toBytes()) {
            throw cross(GatewayError.HEADER_TOO_LARGE, "tối đa " + limits.maxHeaderSize().toBytes()
                    + " byte trước tệp đính kèm đầu tiên (at most that many bytes before the first attachment)");
        }
    }

    /** An attachment begins: the header is over, and one more attachment is counted. */
    void attachment() throws IOException {
        headerRead = true;
        attachments++;
        if (attachments > limits.maxAttachments()) {
            throw cross(GatewayError.TOO_MANY_ATTACHMENTS, "tối đa " + limits.maxAttachments() + " tệp đính kèm");
        }
    }

    /** What checking the PDFs of this packet may still cost. */
    InspectionBudget inspection() {
        return inspection;
    }

    /**
     * The refusal for a bound this packet crossed, whatever became of the exception on the way out (the XML
     * parser wraps what its input throws); null when none was crossed.
     */
    GatewayException refusal(Throwable failure) {
        for (Throwable t = failure; t != null && crossed == null; t = t.getCause()) {
            if (t instanceof InspectionBudget.Exceeded exceeded) {
                crossed = exceeded.limit() == InspectionBudget.Limit.PDF_SIGNATURES
                        ? new GatewayException(GatewayError.TOO_MANY_PDF_SIGNATURES,
                                "tối đa " + exceeded.max() + " chữ ký được kiểm tra trong một gói tin")
                        : new GatewayException(GatewayError.UNPACKED_TOO_LARGE,
                                "tối đa " + exceeded.max() + " byte sau khi giải nén, cho cả gói tin");
            }
        }
        return crossed;
    }

    private IOException cross(GatewayError error, String detail) {
        crossed = new GatewayException(error, detail);
        return new IOException(error.english());
    }
}
