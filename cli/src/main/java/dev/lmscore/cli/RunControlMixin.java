package dev.lmscore.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a long run is split and kept: checkpoint/resume, sharding across machines, and an output
 * file for the JSON report. Shared by the scoring commands; the unit of work is the command's own.
 */
final class RunControlMixin {
    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Append each completed unit of work (perplexity: window group) to FILE (JSONL, fsynced).")
    Path checkpoint;

    @Option(names = "--resume", description = "Continue the run recorded in --checkpoint (a missing file starts afresh).")
    boolean resume;

    @Option(names = "--shard", paramLabel = "I/N", converter = Shard.Converter.class,
            description = "Compute only shard I of N (0-based); combine the shards' JSON with 'lmscore merge'.")
    Shard shard = Shard.WHOLE;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the JSON report to FILE (atomically: complete or not at all).")
    Path output;

    /** A checkpoint belongs to one shard of a run: the run's identity plus the shard. */
    java.util.Map<String, Object> checkpointIdentity(java.util.Map<String, Object> runIdentity) {
        java.util.Map<String, Object> id = new java.util.LinkedHashMap<>(runIdentity);
        id.put("shard", shard.index() + "/" + shard.count());
        return id;
    }

    /** Checks option combinations and the output path; call before any work. */
    void validate() {
        if (resume && checkpoint == null) {
            throw dev.lmscore.engine.LmscoreException.usage("--resume needs --checkpoint FILE");
        }
        if (output != null) {
            OutputFile.checkWritable(output);
        }
    }
}
