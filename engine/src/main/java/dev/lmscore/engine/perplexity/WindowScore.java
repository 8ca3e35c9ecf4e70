package dev.lmscore.engine.perplexity;

import dev.lmscore.engine.stats.NllStats;

/**
 * What one window (chunk) contributed: its NLL sums, the UTF-8 bytes of its scored tokens and how
 * many of them were the model's top prediction. Kept per window so that interrupted, resumed and
 * sharded runs add up to exactly the totals of one uninterrupted run.
 */
public record WindowScore(int window, NllStats nll, long bytes, long top1) {}
