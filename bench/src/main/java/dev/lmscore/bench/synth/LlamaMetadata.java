package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgufValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata of a synthetic llama model: the {@code general.*} and {@code llama.*} keys
 * llama.cpp reads for this architecture, lmscore's own {@code lmscore.synthetic.*} keys recording
 * how the file was made (so a cached file can be recognised), and the vocabulary's
 * {@code tokenizer.*} keys copied unchanged.
 */
final class LlamaMetadata {
    static final String SHAPE_KEY = "lmscore.synthetic.shape";
    static final String SEED_KEY = "lmscore.synthetic.seed";
    static final String VOCABULARY_KEY = "lmscore.synthetic.vocabulary";
    /** GGML_QNT_VERSION: the version of the quantization formats. */
    private static final int QUANTIZATION_VERSION = 2;
    private static final float RMS_NORM_EPSILON = 1e-5f;

    private LlamaMetadata() {}

    static Map<String, GgufValue> of(SyntheticModelSpec spec) {
        ModelShape shape = spec.shape();
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("llama"));
        m.put("general.name", GgufValue.string(spec.modelName()));
        m.put("general.description", GgufValue.string("Random weights for benchmarking (lmscore synthetic model, shape "
                + shape.id() + ", seed " + Long.toUnsignedString(spec.seed()) + "); it knows no language."));
        m.put("general.file_type", GgufValue.uint32(spec.format().fileType().id()));
        m.put("general.quantization_version", GgufValue.uint32(QUANTIZATION_VERSION));
        m.put("llama.vocab_size", GgufValue.uint32(spec.vocabulary().size()));
        m.put("llama.context_length", GgufValue.uint32(shape.contextLength()));
        m.put("llama.embedding_length", GgufValue.uint32(shape.width()));
        m.put("llama.block_count", GgufValue.uint32(shape.blocks()));
        m.put("llama.feed_forward_length", GgufValue.uint32(shape.feedForward()));
        m.put("llama.attention.head_count", GgufValue.uint32(shape.heads()));
        m.put("llama.attention.head_count_kv", GgufValue.uint32(shape.kvHeads()));
        m.put("llama.attention.layer_norm_rms_epsilon", GgufValue.float32(RMS_NORM_EPSILON));
        m.put("llama.rope.dimension_count", GgufValue.uint32(shape.headDimension()));
        m.put("llama.rope.freq_base", GgufValue.float32(shape.ropeFreqBase()));
        m.put(SHAPE_KEY, GgufValue.string(shape.id()));
        m.put(SEED_KEY, GgufValue.uint64(spec.seed()));
        m.put(VOCABULARY_KEY, GgufValue.string(spec.vocabulary().name()));
        m.putAll(spec.vocabulary().tokenizerKeys());
        return m;
    }
}
