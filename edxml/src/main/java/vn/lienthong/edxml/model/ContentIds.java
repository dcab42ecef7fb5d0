package vn.lienthong.edxml.model;

/** Content ids are matched without their "cid:" prefix, since some builders write it on one side only. */
public final class ContentIds {

    private ContentIds() {
    }

    public static String bare(String contentId) {
        if (contentId == null) {
            return null;
        }
        String trimmed = contentId.trim();
        return trimmed.regionMatches(true, 0, "cid:", 0, 4) ? trimmed.substring(4) : trimmed;
    }
}
