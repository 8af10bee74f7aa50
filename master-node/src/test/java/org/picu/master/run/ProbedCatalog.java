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
 * The real jobs of the job jar, each wrapped so a test can see every submission, catch two runs of the
 * same job and day overlapping, and see how many jobs ran at once; a job named in {@link #broken} is
 * replaced by one that fails, standing in for a broken job.
 */
final class ProbedCatalog {
    final AtomicInteger submissions = new AtomicInteger();
    final AtomicInteger failingRuns = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final Set<String> active = ConcurrentHashMap.newKeySet();
    final Set<String> overlaps = ConcurrentHashMap.newKeySet();
    final Set<String> broken = ConcurrentHashMap.newKeySet();

    /** The job jar's jobs, each failing while its name is in {@link #broken}. */
    JobCatalog catalog() {
        JobCatalog real = JobCatalog.fromJobJar();
        Map<String, Supplier<Tool>> tools = new HashMap<>();
        for (String name : real.names()) {
            tools.put(
                    name,
                    () -> new Probe(
                            name,
                            broken.contains(name)
                                    ? new FailingTool()
                                    : real.newTool(name).orElseThrow()));
        }
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
            maxConcurrent.accumulateAndGet(active.size(), Math::max);
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
