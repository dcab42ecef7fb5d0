package vn.lienthong.gateway.refusals;

import java.time.Instant;

/**
 * A packet refused as classified, as operators see it: who sent what to whom (metadata only: no subject, no
 * content) and what was found where. The packet itself was never stored.
 *
 * @param mark    TUYET_MAT, TOI_MAT or MAT
 * @param markText the mark as stamped (TUYỆT MẬT, TỐI MẬT, MẬT)
 * @param foundIn where: {@code Subject}, {@code OtherInfo/lt:Classification}, or an attachment and file, page 1
 */
public record Refusal(String id, Instant createdAt, String errorCode, String senderSystem, String channel,
                      String fromCode, String toCodes, String edxmlDocumentId, String codeNumber, String codeNotation,
                      String receivedSha256, long receivedSize, String mark, String markText, String foundIn) {
}
