package dev.lmscore.engine.kld;

import dev.lmscore.engine.stats.NllStats;
import java.nio.file.Path;

/** A base-logits file written, and the base model's own perplexity on its chunks. */
public record BaseSaveResult(Path file, int contextSize, int chunks, int vocabularySize, NllStats nll,
                             long bytes, double seconds) {}
