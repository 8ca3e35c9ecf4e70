package dev.lmscore.engine.choice;

import java.nio.file.Path;

/**
 * How to read a benchmark file.
 *
 * @param numFewshot   how many solved examples to put before each item (0: none)
 * @param seed         seed of the few-shot selection, so that a run can be repeated exactly
 * @param skipBadLines false: stop at the first bad line with a {@link ChoiceFormatException};
 *                     true: leave bad lines out and count them in the task's {@link LoadReport}
 * @param split        which split to read where a path names several (an MMLU folder): {@code test},
 *                     {@code val} or {@code dev}
 * @param fewshotFile  where to draw few-shot examples from, in the same format as the file; null: the
 *                     format's own dev/train split where it has one, else the file itself (the item
 *                     being scored excluded)
 */
public record LoadOptions(int numFewshot, long seed, boolean skipBadLines, String split, Path fewshotFile) {

    /** lm-evaluation-harness's default few-shot seed. */
    public static final long DEFAULT_SEED = 1234;

    public LoadOptions {
        if (numFewshot < 0) {
            throw new IllegalArgumentException("numFewshot must be >= 0, got " + numFewshot);
        }
        if (split == null || split.isBlank()) {
            split = "test";
        }
    }

    /** Zero-shot, seed 1234, stop on the first bad line, test split. */
    public static LoadOptions defaults() {
        return new LoadOptions(0, DEFAULT_SEED, false, "test", null);
    }

    public LoadOptions withNumFewshot(int k) {
        return new LoadOptions(k, seed, skipBadLines, split, fewshotFile);
    }

    public LoadOptions withSeed(long s) {
        return new LoadOptions(numFewshot, s, skipBadLines, split, fewshotFile);
    }

    public LoadOptions withSkipBadLines(boolean skip) {
        return new LoadOptions(numFewshot, seed, skip, split, fewshotFile);
    }

    public LoadOptions withSplit(String s) {
        return new LoadOptions(numFewshot, seed, skipBadLines, s, fewshotFile);
    }

    public LoadOptions withFewshotFile(Path f) {
        return new LoadOptions(numFewshot, seed, skipBadLines, split, f);
    }
}
