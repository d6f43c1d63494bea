package org.sanctuaryscorecard.correction.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What the per-client rate limits count by: an IPv4 address as it is, and for IPv6 its /64 network, since one home
 * or office is given a whole /64 and could otherwise use a new address for every request. An origin that is not an
 * address literal (or none) is kept as it is, lower-cased and cut to 100 characters.
 */
public final class ClientKey {

    private static final String UNKNOWN = "unknown";

    private ClientKey() {
    }

    public static String of(String origin) {
        if (origin == null || origin.isBlank()) {
            return UNKNOWN;
        }
        String clean = origin.strip();
        if (clean.startsWith("[") && clean.endsWith("]")) {
            clean = clean.substring(1, clean.length() - 1);
        }
        if (clean.indexOf('%') > 0 && clean.contains(":")) {
            clean = clean.substring(0, clean.indexOf('%')); // an IPv6 zone names the server's interface, not the client
        }
        if (!clean.contains(":")) {
            return ipv4(clean);
        }
        if (clean.length() > 45 || !clean.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return cut(clean.toLowerCase(Locale.ROOT));
        }
        InetAddress address;
        try {
            // in brackets, Java reads only an IPv6 literal and never looks a name up
            address = InetAddress.getByName("[" + clean + "]");
        } catch (UnknownHostException | SecurityException e) {
            return cut(clean.toLowerCase(Locale.ROOT));
        }
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return network.append(":/64").toString();
        }
        return address instanceof Inet4Address ? address.getHostAddress() : cut(clean);
    }

    /** A dotted IPv4 address in its usual form ("010.1.1.1" is "10.1.1.1"); anything else as it is. */
    private static String ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return cut(text.toLowerCase(Locale.ROOT));
        }
        StringBuilder address = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
                return cut(text.toLowerCase(Locale.ROOT));
            }
            address.append(address.isEmpty() ? "" : ".").append(Integer.parseInt(part));
        }
        return address.toString();
    }

    private static String cut(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100);
    }
}
