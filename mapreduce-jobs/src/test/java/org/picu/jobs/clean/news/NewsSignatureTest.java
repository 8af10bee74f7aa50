package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NewsSignatureTest {
    /**
     * The shortcut for simple URLs against java.net.URI (the reference): random URLs built from pieces at the
     * edges of the shape it accepts (case, ports, user, query, fragment, escapes, '_' in a host, numeric and
     * dotted hosts, trailing slashes and dots) either go to the URI path, or are kept as they are and normalised
     * as the URI path normalises them.
     */
    @Test
    void simple_urls_are_kept_and_normalised_as_java_net_uri_would() {
        String[] starts = {"https://", "http://", "HTTPS://", "Http://", "ftp://", "https:/", "https:///"};
        String[] hostPieces = {
            "www", "coinness", "com", "a", "z9", "x-y", "-x", "x-", "1", "123", "_x", "Coin", "é", "", ".", ".", "."
        };
        String[] pathPieces = {
            "/",
            "/",
            "news",
            "1",
            "A",
            "-",
            ".",
            "_",
            "~",
            "%20",
            "?",
            "q=1",
            "&",
            "utm_source=x",
            "#",
            ":",
            "@",
            ";",
            " ",
            "é",
            "//",
            ":443",
            "user@"
        };
        SplittableRandom random = new SplittableRandom(29);
        int simple = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder(
                    starts[random.nextInt(4) > 0 ? random.nextInt(2) : random.nextInt(starts.length)]);
            int labels = 1 + random.nextInt(4);
            for (int k = 0; k < labels; k++) {
                if (k > 0) {
                    b.append('.');
                }
                b.append(
                        random.nextInt(4) > 0
                                ? hostPieces[random.nextInt(6)]
                                : hostPieces[random.nextInt(hostPieces.length)]);
            }
            int pieces = random.nextInt(6);
            for (int k = 0; k < pieces; k++) {
                b.append(
                        random.nextInt(3) > 0
                                ? pathPieces[random.nextInt(9)]
                                : pathPieces[random.nextInt(pathPieces.length)]);
            }
            String url = b.toString();
            String normalized = NewsSignature.simpleNormalized(url);
            if (normalized != null) {
                simple++;
                URI uri = NewsSignature.validUri(url);
                assertNotNull(uri, url);
                assertEquals(url, uri.toString(), url);
                assertEquals(NewsSignature.normalizeUrl(url), normalized, url);
            }
        }
        assertTrue(simple > 10_000, "too few simple URLs to say much: " + simple);
    }

    @Test
    void simple_urls_get_the_signature_of_their_normal_form() {
        assertEquals("https://www.coinness.com/", NewsSignature.simpleNormalized("https://www.coinness.com"));
        assertEquals(
                "https://www.coinness.com/news/1", NewsSignature.simpleNormalized("https://www.coinness.com/news/1/"));
        assertEquals("http://a.b/c//", NewsSignature.simpleNormalized("http://a.b/c///"));
        assertNull(NewsSignature.simpleNormalized("https://www.coinness.com/news?id=1"), "a query takes the URI path");
        assertNull(NewsSignature.simpleNormalized("https://1.2.3.4/x"), "a numeric host takes the URI path");
        assertEquals(NewsSignature.of("coinness", "t", "https://www.coinness.com/news/1", null),
                NewsSignature.ofNormalizedUrl(NewsSignature.simpleNormalized("https://www.coinness.com/news/1")));
    }
}
