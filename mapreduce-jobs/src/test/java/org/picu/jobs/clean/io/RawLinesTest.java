package org.picu.jobs.clean.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

/** The fast UTF-8 check of {@link RawLines} against Hadoop's check of the whole line. */
class RawLinesTest {

    @Test
    void the_line_check_agrees_with_hadoops_check_of_the_whole_line() {
        SplittableRandom random = new SplittableRandom(11);
        byte[][] pieces = {
            // A run of ASCII longer than the eight bytes the check skips at a time, so that runs end at every offset.
            "a".getBytes(StandardCharsets.UTF_8),
            "{\"ascii\":1}".getBytes(StandardCharsets.UTF_8),
            "비".getBytes(StandardCharsets.UTF_8),
            "é".getBytes(StandardCharsets.UTF_8),
            "🐋".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF},
            {(byte) 0xF5},
            {(byte) 0xFF},
            {(byte) 0x80},
            {(byte) 0xEA},
            {(byte) 0xEA, (byte) 0xB0},
            {(byte) 0xC3},
            {0},
        };
        int validCount = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] line = new byte[0];
            int parts = 1 + random.nextInt(10);
            for (int p = 0; p < parts; p++) {
                byte[] piece =
                        random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : pieces[random.nextInt(5)];
                byte[] joined = new byte[line.length + piece.length];
                System.arraycopy(line, 0, joined, 0, line.length);
                System.arraycopy(piece, 0, joined, line.length, piece.length);
                line = joined;
            }
            byte[] bytes = line;
            if (hadoopAccepts(bytes)) {
                validCount++;
            }
            assertEquals(
                    hadoopAccepts(bytes), RawLines.isValidUtf8(new Text(bytes)), () -> "isValidUtf8 on " + hex(bytes));
        }
        assertTrue(validCount > 4_000 && validCount < 20_000, "both kinds were generated: " + validCount);
    }

    @Test
    void the_line_check_agrees_with_hadoops_check_on_random_bytes() {
        SplittableRandom random = new SplittableRandom(12);
        // Bytes around every boundary of Hadoop's state machine, plus ASCII and plain trail bytes.
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFF};
        int validCount = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[random.nextInt(9)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte)
                        (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
            }
            boolean hadoop = hadoopAccepts(bytes);
            if (hadoop) {
                validCount++;
            }
            assertEquals(hadoop, RawLines.isValidUtf8(new Text(bytes)), () -> "isValidUtf8 on " + hex(bytes));
        }
        assertTrue(validCount > 20_000 && validCount < 190_000, "both kinds were generated: " + validCount);
    }

    @Test
    void only_the_given_length_counts() {
        byte[] cut = {'a', (byte) 0xEB, (byte) 0xB9};
        Text line = new Text();
        line.set(cut, 0, 1);
        assertTrue(RawLines.isValidUtf8(line));
        line.set(cut, 0, 2);
        assertEquals(hadoopAccepts(new byte[] {'a', (byte) 0xEB}), RawLines.isValidUtf8(line));
    }

    private static boolean hadoopAccepts(byte[] b) {
        try {
            Text.validateUTF8(b, 0, b.length);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x ", x));
        }
        return s.toString();
    }
}
