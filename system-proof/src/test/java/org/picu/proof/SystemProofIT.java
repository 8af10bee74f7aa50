package org.picu.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shortened system proof: every PICU process and Hadoop daemon as a JVM of its own, 90 seconds of crawling
 * every source (upbit, coinness, saveticker, perplexity, fear_greed) under the shortened fault schedule (a worker
 * SIGKILLed during a spool write and another during an upload, the NameNode stopped and the DataNode briefly, the
 * orchestrator SIGKILLed during a cycle and a NodeManager during a job, the loader SIGKILLed mid-partition, the
 * capped worker's spool filled), then the drain and the checks of every dataset. The report is kept in
 * {@code target/system-proof/report.txt}, every process's log in {@code target/system-proof/logs/}.
 */
class SystemProofIT {
    @Test
    void shortened_run_under_faults_loses_and_duplicates_nothing() throws Exception {
        SystemProof proof = new SystemProof();
        proof.duration = Duration.ofSeconds(Long.getLong("picu.proof.seconds", 90));
        proof.seed = Long.getLong("picu.proof.seed", 8);
        proof.workDir = Path.of("target/system-proof");
        proof.jobJar = Path.of(System.getProperty("picu.proof.job-jar"));
        proof.classpathFile = Path.of(System.getProperty("picu.proof.classpath-file"));
        proof.classesDir = Path.of("target/classes");
        proof.mariaDbBinaries = Path.of("target/mariadb-binaries");

        ProofReport report = proof.run();

        assertTrue(Files.exists(Path.of("target/system-proof/report.txt")));
        assertTrue(report.count("served") > 0, "the live site served nothing:\n" + report.text());
        assertTrue(report.count("served_malformed") > 0, "no malformed record was served:\n" + report.text());
        assertEquals(0, report.count("lost"), report.text());
        assertEquals(0, report.count("duplicated"), report.text());
        assertEquals(0, report.count("unexpected"), report.text());
        assertEquals(0, report.count("rejects_missing"), report.text());
        assertEquals(0, report.count("partial"), report.text());
        assertEquals(0, report.count("derived_mismatches"), report.text());
        for (String dataset : java.util.List.of("market_ticks", "news", "fear_greed")) {
            assertTrue(
                    report.count("served." + dataset) > 0, "nothing of " + dataset + " was served:\n" + report.text());
        }
        assertEquals(0, report.count("faults_not_injected"), report.text());
        assertTrue(report.passed(), report.text());
    }
}
