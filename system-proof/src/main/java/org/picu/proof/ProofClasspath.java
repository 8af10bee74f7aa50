package org.picu.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of every child JVM: the system-proof module's classes plus {@code target/proof-classpath.txt}, which
 * Maven writes at {@code package} (the test scope, so hadoop-minicluster's dependencies bring the HDFS and YARN
 * daemons).
 */
record ProofClasspath(List<String> entries) {
    ProofClasspath {
        entries = List.copyOf(entries);
    }

    static ProofClasspath read(Path classpathFile, Path classesDir) throws IOException {
        if (!Files.isRegularFile(classpathFile)) {
            throw new ProofException(
                    classpathFile + " is missing; build first: ./mvnw -o -q package -DskipTests -pl system-proof -am");
        }
        List<String> entries = new ArrayList<>();
        entries.add(classesDir.toAbsolutePath().toString());
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return new ProofClasspath(entries);
    }

    String joined() {
        return String.join(java.io.File.pathSeparator, entries);
    }
}
