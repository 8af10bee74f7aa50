package org.picu.tier2;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.config.Tier2Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tier2 serve}: migrate, serve the API until the process is stopped or the thread interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Migrate, then serve the HTTP API until stopped (Ctrl-C / SIGTERM).")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Tier2Service service = Tier2Service.open(Tier2Config.load(config.file));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "tier2-shutdown");
        boolean interrupted = false;
        try {
            ApiServer api = service.startApi();
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().println("API listening on " + api.baseUrl());
            if (service.startIntervalLoading()) {
                spec.commandLine()
                        .getOut()
                        .println("loading new partitions every "
                                + service.loadInterval().orElseThrow());
            }
            spec.commandLine().getOut().flush();
            stopped.await();
        } catch (InterruptedException e) {
            interrupted = true; // stopped from inside the JVM, e.g. by a test or an embedding program
        } finally {
            removeHook(hook);
            service.close(); // before restoring the interrupt, which would cut the shutdown short
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down (the hook is running) or the hook was never added: nothing to undo
        }
    }
}
