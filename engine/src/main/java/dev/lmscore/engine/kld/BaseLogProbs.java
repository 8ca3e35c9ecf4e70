package dev.lmscore.engine.kld;

/**
 * The base model's quantized log-probs, one decode group at a time: computed by running the base
 * model alongside ({@link StreamingBase}) or read from a llama.cpp base-logits file ({@link BaseLogitsFile}).
 */
interface BaseLogProbs extends AutoCloseable {
    /**
     * Fills {@code records} with the records of group g's windows, chunk-major, each
     * {@link QuantizedLogProbs#recordLength} long. Returns false if the run was interrupted.
     */
    boolean load(int group, short[] records);

    @Override
    void close();
}
