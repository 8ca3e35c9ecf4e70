package dev.lmscore.cli;

import dev.lmscore.bindings.LlamaLibrary;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.llama.LlamaRuntime;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** lmscore's version, llama.cpp's, and the backend and devices the loaded libraries offer. */
final class VersionProvider implements CommandLine.IVersionProvider {
    /** lmscore's version from the jar manifest; "dev" when run from classes (tests). */
    static String lmscoreVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        List<String> lines = new ArrayList<>();
        lines.add("lmscore " + lmscoreVersion());
        lines.add("llama.cpp " + LlamaLibrary.LLAMA_VERSION + " (" + LlamaLibrary.LLAMA_COMMIT.substring(0, 8) + ")");
        try {
            lines.add("libraries: " + LlamaRuntime.libraryDirectory());
            lines.add("backend: " + LlamaLibrary.requestedBackend()
                    + (LlamaRuntime.supportsGpuOffload() ? " (GPU offload available)" : ""));
            for (String device : LlamaRuntime.devices()) {
                lines.add("device: " + device);
            }
        } catch (LmscoreException e) {
            lines.add("backend: unavailable: " + e.getMessage());
        }
        return lines.toArray(String[]::new);
    }
}
