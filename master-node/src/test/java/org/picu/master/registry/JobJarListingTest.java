package org.picu.master.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.picu.jobs.PicuJobs;

/**
 * What {@code hadoop jar mapreduce-jobs-<version>.jar} lists (the jar's {@code ProgramDriver}) and what the
 * orchestrator submits must agree, so that the README's {@code hadoop jar} lines are the orchestrator's runs.
 */
class JobJarListingTest {
    private static final Pattern LISTED = Pattern.compile("^\\s+([a-z0-9-]+): ", Pattern.MULTILINE);

    @Test
    void the_job_jar_lists_every_job_the_orchestrator_can_run_and_the_registry_knows_every_listed_job() throws Throwable {
        Set<String> listed = listing();
        Set<String> registered = new TreeSet<>();
        JobRegistry.standard().jobs().forEach(j -> registered.add(j.jobName()));
        Set<String> available = JobCatalog.fromJobJar().names();

        assertTrue(listed.contains("clean-market"), "listing: " + listed);
        assertEquals(listed, available, "the catalog is exactly the driver's list");
        assertTrue(registered.containsAll(listed), "every job in the jar has a registry line: jar " + listed
                + ", registry " + registered);
        Set<String> unavailable = new TreeSet<>(registered);
        unavailable.removeAll(listed);
        System.out.println("Registry jobs not yet in the job jar (skipped as unavailable): " + unavailable);
    }

    @Test
    void every_catalog_job_is_a_tool_that_can_be_instantiated() {
        JobCatalog catalog = JobCatalog.fromJobJar();
        for (String name : catalog.names()) {
            assertTrue(catalog.newTool(name).isPresent(), name);
        }
    }

    private static Set<String> listing() throws Throwable {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(-1, PicuJobs.driver().run(new String[0]), "no job named lists the jobs");
        } finally {
            System.setOut(original);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = LISTED.matcher(captured.toString(StandardCharsets.UTF_8));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
