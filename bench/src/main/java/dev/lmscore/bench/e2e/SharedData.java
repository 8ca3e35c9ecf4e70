package dev.lmscore.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared models and texts are: {@code -Dlmscore.shared.dir}, else {@code LMSCORE_SHARED_DIR},
 * else {@code ../shared} from the working directory (the repository root, where {@code bench/jmh.sh}
 * runs). JMH forks inherit the launching JVM's {@code -D} options, so setting it once is enough.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        String dir = System.getProperty("lmscore.shared.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("LMSCORE_SHARED_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "../shared" : dir).toAbsolutePath().normalize();
    }

    /** {@code data/RELATIVE} under the shared directory; fails naming the path when it is missing. */
    public static Path data(String relative) {
        Path p = root().resolve("data").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared data missing: " + p
                    + " (set -Dlmscore.shared.dir or LMSCORE_SHARED_DIR to the directory that holds data/)");
        }
        return p;
    }
}
