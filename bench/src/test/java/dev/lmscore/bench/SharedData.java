package dev.lmscore.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test data ({@code ../shared/data} beside the project, see its README.md), found
 * through the system property {@code lmscore.shared.dir} that surefire sets, or by looking
 * upwards from the working directory when a test runs outside Maven. (The engine module's tests
 * have the same helper; test classes are not shared between modules.)
 */
public final class SharedData {
    private SharedData() {}

    /** The {@code data} directory of the shared folder. */
    public static Path dir() {
        String configured = System.getProperty("lmscore.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).resolve("data").normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared test data not found: set -Dlmscore.shared.dir to the folder holding data/");
    }

    /** A file under the data directory, e.g. {@code models/vocab/ggml-vocab-gpt-2.gguf}; fails if it is missing. */
    public static Path file(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("shared test file missing: " + p);
        }
        return p;
    }
}
