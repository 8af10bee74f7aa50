package org.picu.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PicuJobsTest {

    @Test
    void the_driver_lists_every_job() throws Throwable {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = PicuJobs.driver().run(new String[0]);
        } finally {
            System.setOut(original);
        }
        String listing = captured.toString(StandardCharsets.UTF_8);
        assertEquals(-1, code, "no job named is a usage error, which main turns into exit 2");
        for (String job : new String[] {"clean-market", "clean-news", "clean-fear-greed"}) {
            assertTrue(listing.contains(job), "listing names " + job + ":\n" + listing);
        }
    }

    @Test
    void the_driver_lists_the_analytics_jobs() throws Throwable {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            PicuJobs.driver().run(new String[0]);
        } finally {
            System.setOut(original);
        }
        String listing = captured.toString(StandardCharsets.UTF_8);
        for (String job : new String[] {"candles-1h", "indicators", "sentiment", "insights"}) {
            assertTrue(listing.contains(job + ":"), "listing names " + job + ":\n" + listing);
        }
    }
}
