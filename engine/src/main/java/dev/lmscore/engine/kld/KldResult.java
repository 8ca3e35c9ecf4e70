package dev.lmscore.engine.kld;

/**
 * A KL-divergence run: how much was compared and llama-perplexity's statistics over it.
 *
 * @param chunks      chunks compared (fewer than planned if interrupted)
 * @param interrupted the user stopped the run; the statistics cover the chunks done
 */
public record KldResult(int contextSize, int chunks, int plannedChunks, int vocabularySize, TokenValues tokens,
                        KldStatistics statistics, boolean interrupted, double seconds) {}
