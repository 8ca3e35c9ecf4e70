package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a long run is split and kept: checkpoint/resume, sharding across machines, and an output
 * file for the JSON report. Shared by the scoring commands; the unit of work is the command's own.
 */
final class RunControlMixin {
    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Append each completed unit of work (perplexity: window group; choice: item) to FILE (JSONL, fsynced).")
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
    Map<String, Object> checkpointIdentity(Map<String, Object> runIdentity) {
        Map<String, Object> id = new LinkedHashMap<>(runIdentity);
        id.put("shard", shard.index() + "/" + shard.count());
        return id;
    }

    /** The --checkpoint of a run with this identity, opened (see {@link Checkpoint#open}), or null without one. */
    Checkpoint openCheckpoint(Map<String, Object> runIdentity) {
        return checkpoint == null ? null : Checkpoint.open(checkpoint, checkpointIdentity(runIdentity), resume);
    }

    /** The report's "shard" field: which of how many shards this run is. */
    Map<String, Object> shardReport() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", shard.index());
        m.put("count", shard.count());
        return m;
    }

    /** Checks option combinations and the output path; call before any work. */
    void validate() {
        if (resume && checkpoint == null) {
            throw LmscoreException.usage("--resume needs --checkpoint FILE");
        }
        if (output != null) {
            OutputFile.checkWritable(output);
        }
    }

    /**
     * After a run stopped by Ctrl-C or SIGTERM, whose partial results are out: says so on stderr,
     * and how to go on; returns the exit code.
     */
    int interrupted(String units) {
        System.err.println("lmscore: interrupted; results above cover the " + units + " scored before the stop"
                + (checkpoint != null ? "; continue with --resume" : ""));
        return ExitCode.INTERRUPTED.code;
    }
}
