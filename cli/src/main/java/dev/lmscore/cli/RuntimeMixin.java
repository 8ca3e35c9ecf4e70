package dev.lmscore.cli;

import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.llama.ContextOptions.CacheType;
import dev.lmscore.engine.llama.ContextOptions.FlashAttention;
import dev.lmscore.engine.llama.LlamaRuntime;
import picocli.CommandLine.Option;

/** Compute and output options shared by the scoring commands. */
final class RuntimeMixin {
    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "0",
            description = "CPU threads (0: all processors). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = {"-b", "--batch-size"}, paramLabel = "N", defaultValue = "2048",
            description = "Tokens per decode. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = {"-ub", "--ubatch-size"}, paramLabel = "N", defaultValue = "512",
            description = "Physical batch size: tokens per graph computation. Default: ${DEFAULT-VALUE}, "
                    + "llama.cpp's, so that numbers equal llama-perplexity's. For perplexity on small models "
                    + "-ub equal to -b can be several times faster (measure on your machine); the numbers then equal "
                    + "llama-perplexity's at that -ub, and may differ from the default's in the 5th digit (F16 rounding).")
    int ubatchSize;

    @Option(names = {"-fa", "--flash-attn"}, paramLabel = "MODE", defaultValue = "auto",
            description = "Flash attention: auto, on, off (llama.cpp's default: auto). Default: ${DEFAULT-VALUE}.")
    FlashAttention flashAttention;

    @Option(names = "--cache-type", paramLabel = "TYPE", defaultValue = "f16",
            description = "KV cache precision: f16, f32, q8_0. Default: ${DEFAULT-VALUE}.")
    CacheType cacheType;

    @Option(names = "--exact", description = "No flash attention and an F32 KV cache: equal to float64 math "
            + "to about 5e-7, for comparisons across tools.")
    boolean exact;

    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Option(names = "--debug", description = "On failure print the stack trace; echo llama.cpp's log.")
    boolean debug;

    FlashAttention effectiveFlashAttention() {
        return exact ? FlashAttention.OFF : flashAttention;
    }

    CacheType effectiveCacheType() {
        return exact ? CacheType.F32 : cacheType;
    }

    /** Checks ranges and applies --debug; call first in every command. */
    void validate() {
        if (threads < 0) throw LmscoreException.usage("--threads must be 0 or more, got " + threads);
        if (batchSize < 1) throw LmscoreException.usage("--batch-size must be positive, got " + batchSize);
        if (ubatchSize < 1) throw LmscoreException.usage("--ubatch-size must be positive, got " + ubatchSize);
        if (debug) {
            LlamaRuntime.log().echoTo(System.err);
        }
    }
}
