package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8TextTest {
    @Test
    void length_counted_on_the_bytes_is_the_strings_on_random_text() {
        SplittableRandom random = new SplittableRandom(31);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(30);
            for (int k = 0; k < n; k++) {
                switch (random.nextInt(5)) {
                    case 0 -> b.append((char) random.nextInt(0x80));
                    case 1 -> b.append((char) (0x80 + random.nextInt(0x780)));
                    case 2 -> b.append((char) (0xAC00 + random.nextInt(11_172)));
                    case 3 -> b.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    default -> b.append((char) random.nextInt(0x10000)); // lone surrogates too: '?' in UTF-8
                }
            }
            byte[] utf8 = b.toString().getBytes(StandardCharsets.UTF_8);
            String decoded = new String(utf8, StandardCharsets.UTF_8);
            Utf8Text text = Utf8Text.ofUtf8(utf8);
            assertEquals(decoded.length(), text.length(), decoded);
            assertTrue(text.undecoded());
            assertEquals(decoded, text.toString());
            assertFalse(text.undecoded());
        }
    }

    @Test
    void text_from_a_string_gives_the_bytes_the_string_encodes_to_and_equality_is_the_texts() {
        Utf8Text fromString = Utf8Text.of("비트코인 ETF 😀");
        Utf8Text fromBytes = Utf8Text.ofUtf8("비트코인 ETF 😀".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("비트코인 ETF 😀".getBytes(StandardCharsets.UTF_8), fromString.utf8());
        assertEquals(fromString, fromBytes);
        assertEquals(fromString.hashCode(), fromBytes.hashCode());
        assertNotEquals(fromString, Utf8Text.of("비트코인 ETF"));
        assertEquals(11, fromBytes.length()); // four Hangul, a space, three Latin, a space, a surrogate pair
    }
}
