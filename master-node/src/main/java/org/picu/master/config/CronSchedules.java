package org.picu.master.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/**
 * Parses the cron expressions of {@code master.yml} (cron-utils; times are UTC): five fields as in crontab, or six
 * with a leading seconds field, as the worker's schedules (for tests and the system proof, which cannot wait a
 * minute between cycles).
 */
public final class CronSchedules {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser SECONDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

    private CronSchedules() {
    }

    /** @throws IllegalArgumentException if the expression is valid in neither form */
    public static Cron parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("a cron expression is required, e.g. \"*/15 * * * *\"");
        }
        String trimmed = expression.trim();
        return (trimmed.split("\\s+").length == 6 ? SECONDS : UNIX).parse(trimmed).validate();
    }

    /** Why the expression is not usable, or empty when it is. */
    static Optional<String> problem(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(
                    "'" + expression + "' is not a 5-field cron expression (minute hour day month weekday, UTC), "
                            + "e.g. \"*/15 * * * *\", nor a 6-field one with seconds first: " + e.getMessage());
        }
    }
}
