package org.picu.master.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.Optional;

/** Parses the 5-field Unix cron expressions of {@code master.yml} (cron-utils; times are UTC). */
public final class CronSchedules {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private CronSchedules() {
    }

    /** @throws IllegalArgumentException if the expression is not a valid Unix cron expression */
    public static Cron parse(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("a cron expression is required, e.g. \"*/15 * * * *\"");
        }
        return PARSER.parse(expression).validate();
    }

    /** Why the expression is not usable, or empty when it is. */
    static Optional<String> problem(String expression) {
        try {
            parse(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + expression + "' is not a 5-field cron expression (minute hour day month weekday, UTC), "
                    + "e.g. \"*/15 * * * *\": " + e.getMessage());
        }
    }
}
