package org.picu.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command-line tools the tests drive, installed from Debian's packages when missing. Which packages
 * those are is listed in requirements/dev.yml; here only which command each package provides.
 */
final class Tools {
    private static final Map<String, String> COMMAND_OF_PACKAGE = Map.of(
            "ansible", "ansible-playbook",
            "ansible-lint", "ansible-lint",
            "debootstrap", "debootstrap",
            "qemu-user-static", "qemu-aarch64-static",
            "python3-pymysql", "");

    private Tools() {
    }

    /** Installs the requirements/dev.yml packages among {@code wanted} whose command is missing. */
    static void ensure(Repo repo, Path logDir, String... wanted) {
        List<String> listed = Repo.texts(repo.manifest("dev").path("packages").path("dev"));
        List<String> missing = new ArrayList<>();
        for (String pkg : wanted) {
            if (!listed.contains(pkg)) {
                throw new AssertionError(pkg + " is not listed in requirements/dev.yml packages.dev; add it there");
            }
            String command = COMMAND_OF_PACKAGE.getOrDefault(pkg, pkg);
            if (!command.isEmpty() && onPath(command) == null) {
                missing.add(pkg);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (!isRoot()) {
            throw new AssertionError("missing tools " + missing + "; install them with: sudo apt-get install -y "
                    + String.join(" ", missing));
        }
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        install.addAll(missing);
        Command.Result first =
                Command.of(install).env("DEBIAN_FRONTEND", "noninteractive").run(logDir.resolve("apt-install.log"));
        if (first.exitCode() != 0) {
            Command.of("apt-get", "update").runOk(logDir.resolve("apt-update.log"));
            Command.of(install).env("DEBIAN_FRONTEND", "noninteractive").runOk(logDir.resolve("apt-install.log"));
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            for (String d : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path candidate = Path.of(d, command);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
