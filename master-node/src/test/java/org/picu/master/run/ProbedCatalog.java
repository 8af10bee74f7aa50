package org.picu.master.run;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.picu.master.registry.JobCatalog;

/**
 * The real jobs of the job jar, each wrapped so a test can see every submission and catch two runs of
 * the same job and day overlapping; plus a job that always fails, standing in for a broken job.
 */
final class ProbedCatalog {
    final AtomicInteger submissions = new AtomicInteger();
    final AtomicInteger failingRuns = new AtomicInteger();
    final Set<String> active = ConcurrentHashMap.newKeySet();
    final Set<String> overlaps = ConcurrentHashMap.newKeySet();

    /** The job jar's jobs, with {@code failingJob} replaced by a Tool that always exits 1. */
    JobCatalog catalog(String failingJob) {
        JobCatalog real = JobCatalog.fromJobJar();
        Map<String, Supplier<Tool>> tools = new HashMap<>();
        for (String name : real.names()) {
            tools.put(name, () -> new Probe(name, real.newTool(name).orElseThrow()));
        }
        tools.put(failingJob, () -> new Probe(failingJob, new FailingTool()));
        return new JobCatalog(tools);
    }

    private final class Probe implements Tool {
        private final String name;
        private final Tool delegate;
        private Configuration conf;

        Probe(String name, Tool delegate) {
            this.name = name;
            this.delegate = delegate;
        }

        @Override
        public int run(String[] args) throws Exception {
            String key = name + " " + String.join(" ", args);
            submissions.incrementAndGet();
            if (!active.add(key)) {
                overlaps.add(key);
            }
            try {
                return delegate.run(args);
            } finally {
                active.remove(key);
            }
        }

        @Override
        public void setConf(Configuration conf) {
            this.conf = conf;
            delegate.setConf(conf);
        }

        @Override
        public Configuration getConf() {
            return conf;
        }
    }

    /** A job that fails on purpose, the way a job whose input the cluster cannot read does. */
    private final class FailingTool implements Tool {
        private Configuration conf;

        @Override
        public int run(String[] args) {
            failingRuns.incrementAndGet();
            return 1;
        }

        @Override
        public void setConf(Configuration conf) {
            this.conf = conf;
        }

        @Override
        public Configuration getConf() {
            return conf;
        }
    }
}
