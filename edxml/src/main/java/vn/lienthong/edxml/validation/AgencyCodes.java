package vn.lienthong.edxml.validation;

import java.util.regex.Pattern;

/**
 * The grammar of agency codes (mã định danh). Two forms are in use: QCVN 102:2016's {@code 000.00.00.H41}
 * (four levels, read right to left) and QĐ 20/2020's {@code H37.02.02} (level one first, then up to three
 * lower levels of digits or letters).
 */
public final class AgencyCodes {

    private static final Pattern QCVN_102 = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern QD_20 = Pattern.compile("[A-Z]\\d{2}(\\.[A-Z0-9]{2,3}){0,3}");
    /** What a directory may hold: the codes real axes use ({@code vxp.saas.03}, {@code 28.22.H17}) fit it too. */
    private static final Pattern DIRECTORY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private AgencyCodes() {
    }

    /**
     * A code an operator may put in the directory: 1 to 32 letters, digits, dots, dashes or underscores.
     * Looser than {@link #isValid}, which only says whether a code follows a published grammar.
     */
    public static boolean isDirectoryCode(String code) {
        return code != null && DIRECTORY_CODE.matcher(code).matches();
    }

    /** Whether the code follows QCVN 102:2016 or QĐ 20/2020. */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        return QCVN_102.matcher(code).matches() || QD_20.matcher(code).matches();
    }
}
