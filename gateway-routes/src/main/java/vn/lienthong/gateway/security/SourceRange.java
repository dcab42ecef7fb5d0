package vn.lienthong.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** One IP address or CIDR range ({@code 10.1.2.3}, {@code 10.1.0.0/16}, {@code 2001:db8::/32}), literal only. */
public record SourceRange(byte[] network, int prefix) {

    public static SourceRange parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        byte[] address = literal(slash < 0 ? value : value.substring(0, slash));
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CIDR prefix: " + value);
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("bad CIDR prefix: " + value);
            }
        }
        return new SourceRange(address, prefix);
    }

    public boolean contains(String addressText) {
        byte[] address;
        try {
            address = literal(addressText);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (address.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of an IP literal; never a DNS lookup (a name is refused). */
    static byte[] literal(String text) {
        String value = text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        boolean ipv4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = value.contains(":") && value.matches("[0-9a-fA-F:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        try {
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
    }
}
