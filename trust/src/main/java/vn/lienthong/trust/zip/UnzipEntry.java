package vn.lienthong.trust.zip;

/**
 * One file handed over by {@link SafeUnzip}.
 *
 * @param path         where it lies: the entry name, with {@code !/} between the levels of nested archives
 *                     ({@code scans.zip!/page-1.pdf}); for a file that was not zipped, the attachment's name
 * @param name         the entry name alone (last level), or the attachment's name
 * @param depth        0 for a file that was not zipped, 1 for an entry of the attachment's ZIP, 2 one level deeper
 * @param declaredSize the uncompressed size the local header declares, or -1 when it is not known in advance
 *                     (a data descriptor follows the data, as the official SDK writes it) or not zipped
 */
public record UnzipEntry(String path, String name, int depth, long declaredSize) {

    /** Whether this file came out of a ZIP (false: the attachment itself, passed through). */
    public boolean zipped() {
        return depth > 0;
    }
}
