package vn.lienthong.edxml.model;

/** An agency as it appears in From, To: OrganId is its code (mã định danh); the rest is contact detail. */
public record Organization(String organId, String organizationInCharge, String organName, String organAdd,
                           String email, String telephone, String fax, String website) {

    public static Organization of(String organId, String organName) {
        return new Organization(organId, organName, organName, null, null, null, null, null);
    }

    public Organization withOrganId(String newOrganId) {
        return new Organization(newOrganId, organizationInCharge, organName, organAdd, email, telephone, fax, website);
    }
}
