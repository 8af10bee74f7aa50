package org.picu.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What the fault injector did, with timestamps and what each process was doing when it was hit. */
final class FaultLog {
    /** One kill, stop, restart or observation. */
    record Event(Instant at, String fault, String action, String detail) {
        @Override
        public String toString() {
            return at + "  " + fault + ": " + action + (detail.isEmpty() ? "" : " — " + detail);
        }
    }

    /**
     * How a scheduled fault went.
     *
     * @param injected the kill, stop or condition happened
     * @param inFlight the work the fault was aimed at (a spool write, an upload, a job, a cycle, a partition load)
     *                 was observed in progress at the moment of the kill
     */
    record Outcome(FaultSchedule.Fault fault, boolean injected, boolean inFlight, Instant at, String detail) {
    }

    private final List<Event> events = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    synchronized void event(String fault, String action, String detail) {
        Event e = new Event(Instant.now(), fault, action, detail);
        events.add(e);
        System.out.println("[fault] " + e);
    }

    synchronized void outcome(Outcome outcome) {
        outcomes.add(outcome);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The times a worker was SIGKILLed, for telling a crawl run cut by a kill from a lost record. */
    synchronized List<Instant> kills(String processName) {
        return events.stream()
                .filter(e -> e.action().startsWith("SIGKILL " + processName + " "))
                .map(Event::at)
                .toList();
    }
}
