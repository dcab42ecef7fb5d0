package vn.lienthong.edxml.model;

/** One hop of a packet's route: the agency (or axis) and when (yyyy/MM/dd HH:mm:ss). */
public record TraceHeader(String organId, String timestamp) {
}
