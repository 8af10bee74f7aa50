package org.picu.worker.daemon;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a source runs: a crontab expression evaluated in UTC. Five fields are read as in crontab; six fields
 * add a leading seconds field (useful for tests and benchmarks that cannot wait a minute).
 */
public final class CronSchedule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser SECONDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

    private final String expression;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ExecutionTime executionTime) {
        this.expression = expression;
        this.executionTime = executionTime;
    }

    /** @throws IllegalArgumentException with the parser's reason when the expression is not valid */
    public static CronSchedule parse(String expression) {
        String trimmed = expression.trim();
        CronParser parser = trimmed.split("\\s+").length == 6 ? SECONDS : UNIX;
        try {
            return new CronSchedule(trimmed, ExecutionTime.forCron(parser.parse(trimmed)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** The first run strictly after {@code after}, if the expression ever fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        return executionTime
                .nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant);
    }

    @Override
    public String toString() {
        return expression;
    }
}
