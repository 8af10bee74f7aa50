package org.picu.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes worker config files for command-line tests. */
final class WorkerConfigFiles {
    private WorkerConfigFiles() {
    }

    /** A config crawling {@code upbitBaseUrl} into {@code spool} and shipping to {@code hdfsUri}, without delays. */
    static Path write(Path dir, Path spool, String hdfsUri, String upbitBaseUrl) throws IOException {
        return Files.writeString(dir.resolve("worker.yml"), """
                worker:
                  id: w1
                spool:
                  dir: %s
                hdfs:
                  uri: "%s"
                fetch:
                  host-delay: PT0S
                  read-timeout: PT10S
                sources:
                  upbit:
                    base-url: "%s"
                """.formatted(spool, hdfsUri, upbitBaseUrl));
    }
}
