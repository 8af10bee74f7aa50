package org.picu.master.health;

/**
 * The outcome of one health check.
 *
 * @param name short check name, e.g. {@code namenode}
 * @param ok whether it passed
 * @param detail what was seen, or what is wrong and where to look
 */
public record CheckResult(String name, boolean ok, String detail) {
    static CheckResult ok(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    static CheckResult fail(String name, String detail) {
        return new CheckResult(name, false, detail);
    }

    /** {@code OK   namenode  hdfs://pi-master:9000/ answered in 12 ms}: the line monitoring reads. */
    public String line() {
        return String.format("%-4s %-15s %s", ok ? "OK" : "FAIL", name, detail);
    }
}
