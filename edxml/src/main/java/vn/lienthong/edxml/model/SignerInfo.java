package vn.lienthong.edxml.model;

/** Quyền hạn ký (TM., KT., TL., ...), chức vụ and họ tên of the signer. */
public record SignerInfo(String competence, String position, String fullName) {
}
