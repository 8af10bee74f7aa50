package org.picu.worker.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Daemon config files for the integration tests: upbit every second, files rolled and shipped quickly. */
final class DaemonConfigs {
    private DaemonConfigs() {
    }

    static Path write(Path dir, Path spool, String hdfsUri, String upbitBaseUrl, String rollAge) throws IOException {
        return Files.writeString(dir.resolve("worker.yml"), """
                worker:
                  id: w1
                spool:
                  dir: %s
                  roll-age: %s
                hdfs:
                  uri: "%s"
                fetch:
                  host-delay: PT0S
                  host-jitter: PT0S
                  read-timeout: PT5S
                  backoff-base: PT0.1S
                  backoff-max: PT1S
                upload:
                  interval: PT0.2S
                  backoff-min: PT0.2S
                  backoff-max: PT1S
                schedules:
                  upbit: "* * * * * *"
                assignments:
                  w1: [upbit]
                sources:
                  upbit:
                    base-url: "%s"
                """.formatted(spool, rollAge, hdfsUri, upbitBaseUrl));
    }
}
