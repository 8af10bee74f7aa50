package org.picu.worker;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.upload.HadoopFileSystems;
import org.picu.worker.upload.HdfsUploader;
import org.picu.worker.upload.UploadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code upload --config <file>}: ships every complete spool file to HDFS once. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Ships every complete spool file to HDFS /raw once, oldest first, and marks each shipped file"
                + " <name>.uploaded. Exits 1 if any file could not be shipped; it stays in the spool for the next run.")
final class UploadCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "The worker's YAML config file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        WorkerConfig worker = WorkerConfigLoader.load(config);
        SpoolDirectory spool = new SpoolDirectory(worker.spool().dir());
        Optional<AutoCloseable> lock = spool.tryLockForUpload();
        if (lock.isEmpty()) {
            spec.commandLine()
                    .getOut()
                    .println("upload: another upload of " + spool.root() + " is running; nothing done");
            return 0;
        }
        UploadReport report;
        try (AutoCloseable held = lock.get();
             FileSystem fs = HadoopFileSystems.open(worker.hdfs(), HadoopFileSystems.configuration(worker.hdfs()))) {
            HdfsUploader uploader = new HdfsUploader(fs, new HdfsLayout(worker.hdfs().layoutRoot()));
            report = uploader.drain(spool);
        }
        spec.commandLine().getOut().println("upload: " + report.summary());
        if (!report.complete()) {
            LOG.error(
                    "upload incomplete: {}; the files stay in the spool and the next run retries them (first error:"
                            + " {})",
                    report.summary(),
                    report.failed().isEmpty() ? "none" : report.failed().get(0).message());
            return WorkerMain.EXIT_FAILURE;
        }
        return 0;
    }
}
