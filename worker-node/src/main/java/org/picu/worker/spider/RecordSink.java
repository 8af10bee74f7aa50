package org.picu.worker.spider;

import java.io.IOException;

/** Where a spider puts its records; in production the spool, in tests a list. */
@FunctionalInterface
public interface RecordSink {
    void accept(CrawledRecord record) throws IOException;
}
