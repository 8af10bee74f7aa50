package org.picu.tier2.api;

import org.picu.tier2.load.LoadReport;

/** Loads the partitions published since the last load; {@code Tier2Service::load} in production. */
@FunctionalInterface
public interface LoadTrigger {
    LoadReport loadNow() throws Exception;
}
