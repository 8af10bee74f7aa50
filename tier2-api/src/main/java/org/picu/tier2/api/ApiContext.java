package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.picu.model.layout.HdfsLayout;
import org.picu.tier2.api.pipeline.FileSystemOpener;
import org.picu.tier2.config.ApiConfig;

/**
 * What the endpoints need from the process around them.
 *
 * @param version shown by {@code GET /}
 * @param loads what {@code POST /api/insights/generate} runs; empty answers 503
 * @param fileSystems where {@code /api/pipeline/status} reads manifests and heartbeats; empty reports
 *        {@code not_configured}
 * @param layout the layout root on that file system
 */
public record ApiContext(DataSource dataSource, String version, ApiConfig api, Optional<LoadTrigger> loads,
        Optional<FileSystemOpener> fileSystems, HdfsLayout layout, Clock clock) {
    public ApiContext {
        requireNonNull(dataSource, "dataSource is null");
        requireNonNull(version, "version is null");
        requireNonNull(api, "api is null");
        requireNonNull(loads, "loads is null");
        requireNonNull(fileSystems, "fileSystems is null");
        requireNonNull(layout, "layout is null");
        requireNonNull(clock, "clock is null");
    }

    /** Database only: default API settings, no loading, no file system, the system clock. */
    public static ApiContext databaseOnly(DataSource dataSource, String version) {
        return new ApiContext(dataSource, version, ApiConfig.defaults(), Optional.empty(), Optional.empty(),
                new HdfsLayout("/"), Clock.systemUTC());
    }
}
