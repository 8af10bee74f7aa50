package org.picu.master.submit;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.CleanMarketJob;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the jobs of one date, in dependency order, through the Hadoop job API. Each job publishes its own
 * partition (staging, {@code _SUCCESS}, manifest, rename), so a failed job leaves the last good partition
 * in place.
 */
public final class DatePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(DatePipeline.class);

    private final Configuration conf;

    public DatePipeline(Configuration conf) {
        this.conf = conf;
    }

    /** @return 0 when every job succeeded, otherwise the first failing job's exit code */
    public int run(PartitionDate date) throws Exception {
        LOG.info("Running jobs for {} on {}", date, ClusterConfiguration.describe(conf));
        int code = ToolRunner.run(new Configuration(conf), new CleanMarketJob(), new String[] {date.toString()});
        if (code != 0) {
            LOG.error("{} for {} failed with exit code {}", CleanMarketJob.NAME, date, code);
        }
        return code;
    }
}
