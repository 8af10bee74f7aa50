package org.picu.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/** Creates {@code @TempDir} directories under {@code target/tmp} so that tests leave nothing in /tmp. */
public final class TargetTempDirFactory implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws Exception {
        Path base = Files.createDirectories(Path.of("target", "tmp").toAbsolutePath());
        return Files.createTempDirectory(base, "junit-");
    }
}
