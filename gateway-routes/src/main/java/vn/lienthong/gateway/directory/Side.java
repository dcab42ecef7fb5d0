package vn.lienthong.gateway.directory;

/** Which branch an agency belongs to. */
public enum Side {
    /** Party offices: Văn phòng Tỉnh ủy, the Party committee boards. */
    PARTY,
    /** State agencies: UBND, sở, ban, ngành, Văn phòng Chính phủ. */
    STATE
}
