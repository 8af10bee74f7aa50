package org.picu.master.health;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.YarnClusterMetrics;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.picu.master.config.HealthSettings;
import org.picu.master.status.Heartbeats;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.WorkerHeartbeat;

/**
 * The monitoring checks, each usable on its own: NameNode reachable, ResourceManager reachable (only when
 * jobs go to YARN), every worker's heartbeat fresh, enough free space on the file system of the layout.
 * Connection retries are cut short so that a dead daemon is reported within seconds, not minutes.
 */
public final class HealthChecks {
    private final Configuration conf;
    private final HdfsLayout layout;
    private final HealthSettings settings;
    private final Clock clock;

    public HealthChecks(Configuration conf, HdfsLayout layout, HealthSettings settings, Clock clock) {
        this.conf = new Configuration(conf);
        // Fail fast: the defaults retry a dead NameNode or ResourceManager for minutes.
        this.conf.setInt("ipc.client.connect.max.retries", 1);
        this.conf.setInt("ipc.client.connect.max.retries.on.timeouts", 1);
        this.conf.setInt("ipc.client.connect.retry.interval", 200);
        this.conf.setInt("ipc.client.connect.timeout", 5000);
        this.conf.setLong("yarn.resourcemanager.connect.max-wait.ms", 2000);
        this.conf.setLong("yarn.resourcemanager.connect.retry-interval.ms", 500);
        this.layout = layout;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every check that applies to this configuration, in a fixed order. */
    public List<CheckResult> all() {
        List<CheckResult> results = new ArrayList<>();
        results.add(nameNode());
        if (onYarn()) {
            results.add(resourceManager());
        }
        results.add(heartbeats());
        results.add(disk());
        return results;
    }

    public boolean onYarn() {
        return "yarn".equals(conf.get("mapreduce.framework.name", "local"));
    }

    public CheckResult nameNode() {
        Instant start = clock.instant();
        try {
            FileSystem fs = fileSystem();
            fs.getFileStatus(new Path(layout.root()));
            return CheckResult.ok("namenode", fs.getUri() + " answered in "
                    + Duration.between(start, clock.instant()).toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail("namenode", layout.root() + " unreachable: " + e.getMessage());
        }
    }

    public CheckResult resourceManager() {
        String address = conf.get("yarn.resourcemanager.address", "0.0.0.0:8032");
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            YarnClusterMetrics metrics = yarn.getYarnClusterMetrics();
            if (metrics.getNumNodeManagers() < 1) {
                return CheckResult.fail("resourcemanager", address + " has no active NodeManager; check the workers");
            }
            return CheckResult.ok("resourcemanager", address + " with " + metrics.getNumNodeManagers()
                    + " active NodeManager(s)");
        } catch (YarnException | IOException | RuntimeException e) {
            return CheckResult.fail("resourcemanager", address + " unreachable: " + e.getMessage());
        }
    }

    public CheckResult heartbeats() {
        List<WorkerHeartbeat> beats;
        try {
            beats = Heartbeats.read(fileSystem(), layout);
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail("heartbeats", "cannot read " + layout.heartbeatDir() + ": " + e.getMessage());
        }
        if (beats.isEmpty()) {
            return CheckResult.fail("heartbeats", "no worker heartbeat in " + layout.heartbeatDir()
                    + "; are the workers' upload timers running?");
        }
        Instant now = clock.instant();
        List<String> stale = beats.stream()
                .filter(b -> Duration.between(b.writtenAt(), now).compareTo(settings.heartbeatMaxAge()) > 0)
                .map(b -> b.workerId() + " ("
                        + Duration.between(b.writtenAt(), now).toMinutes() + " min old)")
                .toList();
        if (!stale.isEmpty()) {
            return CheckResult.fail("heartbeats", "stale, older than " + settings.heartbeatMaxAge().toMinutes()
                    + " min: " + String.join(", ", stale));
        }
        return CheckResult.ok("heartbeats", beats.size() + " worker(s) fresh, newest backlog "
                + beats.stream().mapToLong(WorkerHeartbeat::backlogFiles).max().orElse(0) + " file(s)");
    }

    public CheckResult disk() {
        try {
            FsStatus status = fileSystem().getStatus(new Path(layout.root()));
            if (status.getCapacity() <= 0) {
                return CheckResult.fail("disk", "the file system reports no capacity");
            }
            long freePercent = status.getRemaining() * 100 / status.getCapacity();
            String detail = freePercent + "% free (" + status.getRemaining() / (1024 * 1024) + " MiB of "
                    + status.getCapacity() / (1024 * 1024) + " MiB)";
            return freePercent >= settings.minFreeDiskPercent() ? CheckResult.ok("disk", detail)
                    : CheckResult.fail("disk", detail + ", below " + settings.minFreeDiskPercent()
                            + "%; run the workers' cleanup or add storage");
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail("disk", "cannot read file system status: " + e.getMessage());
        }
    }

    private FileSystem fileSystem() throws IOException {
        return new Path(layout.root()).getFileSystem(conf);
    }
}
