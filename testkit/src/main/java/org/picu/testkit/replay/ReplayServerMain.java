package org.picu.testkit.replay;

/**
 * Serves one recorded site from the command line until the process is stopped, for trying a worker by hand:
 * {@code java -cp testkit.jar org.picu.testkit.replay.ReplayServerMain upbit [port]}.
 */
public final class ReplayServerMain {
    private ReplayServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println(
                    "usage: ReplayServerMain <site> [port]   (site: a folder under sites/ on the classpath)");
            System.exit(2);
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 0;
        ReplayServer server = ReplayServer.start(args[0], port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("serving recorded site '" + args[0] + "' at " + server.baseUrl());
        Thread.currentThread().join();
    }
}
