package vn.lienthong.edxml.model;

/** The clerk who handled a packet. */
public record StaffInfo(String department, String staff, String email, String mobile) {
}
