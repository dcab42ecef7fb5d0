package vn.lienthong.edxml.model;

/** Địa danh and ngày ban hành (yyyy/MM/dd, kept as written). */
public record PromulgationInfo(String place, String promulgationDate) {
}
