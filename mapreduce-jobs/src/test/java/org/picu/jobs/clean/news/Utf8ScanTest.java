package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8ScanTest {
    /** Counts over texts up to several chunks long, against the decoded string's. */
    @Test
    void counts_agree_with_the_decoded_text_across_chunks() {
        String[] pieces = {"a", "Z", " ", "가", "힣", "\uABFF", "\uD7A4", "\uA000", "\uD000", "é", "😀", "1", "한글"};
        SplittableRandom random = new SplittableRandom(37);
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12_000);
            for (int k = 0; k < n; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            Utf8Scan scan = Utf8Scan.of(utf8, 0, utf8.length);
            int latin = 0;
            int hangul = 0;
            for (char c : text.toCharArray()) {
                latin += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 1 : 0;
                hangul += c >= '\uAC00' && c <= '\uD7A3' ? 1 : 0;
            }
            assertEquals(text.length(), scan.units(), "units of " + utf8.length + " bytes");
            assertEquals(latin, scan.latin());
            assertTrue(
                    scan.hangul() <= hangul && hangul <= scan.hangul() + scan.hangulMaybe(),
                    hangul + " Hangul syllables outside [" + scan.hangul() + ", " + (scan.hangul() + scan.hangulMaybe())
                            + "]");
        }
    }
}
