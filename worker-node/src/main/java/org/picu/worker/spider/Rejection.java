package org.picu.worker.spider;

/**
 * An item a spider skipped.
 *
 * @param reason short lower_snake_case reason, e.g. {@code missing_field}
 * @param detail what was wrong with which item, for the log
 */
public record Rejection(String reason, String detail) {
}
