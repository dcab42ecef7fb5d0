package vn.lienthong.adapters.vdxp;

import java.nio.file.Path;

/**
 * @param maxPacketBytes the largest packet sendEdoc accepts
 * @param spoolDir       where received packets are written while they are checked
 */
public record VdxpSettings(long maxPacketBytes, Path spoolDir) {
}
