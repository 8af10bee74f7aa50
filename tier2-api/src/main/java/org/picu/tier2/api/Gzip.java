package org.picu.tier2.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for answers of {@link #MIN_BYTES} and more to clients whose {@code Accept-Encoding} allows it. The router
 * encodes here rather than through a server-wide filter so that a cached answer is compressed once, when it is
 * cached, and every later request only copies the compressed bytes.
 */
final class Gzip {
    /** Below this a gzip header and the CPU cost more than the bytes saved. */
    static final int MIN_BYTES = 1500;

    private Gzip() {
    }

    /** The gzip form of {@code body}, or null if it is too small to be worth compressing. */
    static byte[] compressible(byte[] body) {
        return body.length < MIN_BYTES ? null : compress(body);
    }

    static byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Whether an {@code Accept-Encoding} value allows gzip: {@code gzip} or {@code *} listed without
     * {@code q=0} (RFC 9110); an explicit {@code gzip;q=0} wins over {@code *}.
     */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        Boolean wildcard = null;
        for (String item : acceptEncoding.split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean allowed = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    allowed = !isZero(parameter.substring(2).trim());
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return wildcard != null && wildcard;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0.0;
        } catch (NumberFormatException e) {
            return false; // an unreadable weight is ignored, as if it were absent
        }
    }
}
