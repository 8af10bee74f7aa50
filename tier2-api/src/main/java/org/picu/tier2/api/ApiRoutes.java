package org.picu.tier2.api;

import java.time.Clock;
import javax.sql.DataSource;
import org.picu.tier2.api.market.MarketTrendsHandler;
import org.picu.tier2.api.market.MarketTrendsQuery;
import org.picu.tier2.api.status.HealthHandler;
import org.picu.tier2.api.status.RootHandler;

/** The endpoints tier-2 serves; a new endpoint is one more line here and a {@code *Handler}. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    /**
     * @param version shown by {@code GET /}
     */
    public static Router standard(DataSource dataSource, String version) {
        return Router.builder()
                .get("/", new RootHandler(version))
                .get("/health", new HealthHandler(dataSource, Clock.systemUTC()))
                .get("/api/market/trends", new MarketTrendsHandler(new MarketTrendsQuery(dataSource)))
                .build();
    }
}
