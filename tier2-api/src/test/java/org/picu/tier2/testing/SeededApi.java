package org.picu.tier2.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.hadoop.fs.FileSystem;
import org.picu.tier2.api.ApiContext;
import org.picu.tier2.api.ApiRoutes;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.api.LoadTrigger;
import org.picu.tier2.config.ApiConfig;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.config.Secret;

/**
 * The API over {@link ApiTestData} on a real MariaDB and real HTTP: the standard routes, a clock fixed at
 * {@link ApiTestData#NOW}, a token and one allowed CORS origin, and a local directory as the pipeline's file system.
 */
public final class SeededApi implements AutoCloseable {
    public static final String TOKEN = "test-token-0123456789abcdef";
    public static final String ORIGIN = "http://dashboard.example:3000";

    private final ApiServer server;
    private final ApiClient client;
    private final DataSource dataSource;

    private SeededApi(ApiServer server, DataSource dataSource) {
        this.server = server;
        this.dataSource = dataSource;
        this.client = new ApiClient(server.baseUrl());
    }

    /**
     * @param partitions layout root on the local disk for {@code /api/pipeline/status}
     * @param loadsOn what {@code POST /api/insights/generate} runs
     */
    public static SeededApi start(MariaDbExtension mariadb, Path partitions, Function<DataSource, LoadTrigger> loadsOn)
            throws SQLException, IOException {
        DataSource dataSource = mariadb.freshDatabase();
        ApiTestData.seed(dataSource);
        LoadTrigger loads = loadsOn.apply(dataSource);
        MarketTickPartitions layoutRoot = new MarketTickPartitions(partitions);
        ApiContext context = new ApiContext(dataSource, "test", new ApiConfig(new Secret(TOKEN), List.of(ORIGIN),
                ApiConfig.defaultAlerts()), Optional.of(loads),
                Optional.of(() -> FileSystem.newInstance(java.net.URI.create("file:///"), TestHadoop.conf())),
                layoutRoot.layout(), Clock.fixed(ApiTestData.NOW, ZoneOffset.UTC));
        return new SeededApi(ApiServer.start(HttpConfig.loopbackAnyPort(), ApiRoutes.standard(context)), dataSource);
    }

    public ApiClient client() {
        return client;
    }

    /** The seeded database, for tests that change rows. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
