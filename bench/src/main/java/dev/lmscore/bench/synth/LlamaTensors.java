package dev.lmscore.bench.synth;

import dev.lmscore.engine.gguf.GgmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The tensors llama.cpp's {@code llama} architecture loads (see {@code src/models/llama.cpp} in
 * llama.cpp), with the names and shapes it expects: the token embedding, per block the attention
 * norm, Q/K/V/O projections, the FFN norm and the gated FFN, then the output norm and, unless the
 * embedding is tied, the output projection. llama.cpp refuses a file with any other tensor.
 */
final class LlamaTensors {
    private LlamaTensors() {}

    static List<SyntheticTensor> plan(ModelShape shape, int vocabularySize, WeightFormat format) {
        GgmlType matrix = format.matrixType();
        long width = shape.width();
        List<SyntheticTensor> tensors = new ArrayList<>();
        tensors.add(new SyntheticTensor("token_embd.weight", new long[] {width, vocabularySize}, matrix, false));
        for (int b = 0; b < shape.blocks(); b++) {
            String blk = "blk." + b + ".";
            tensors.add(norm(blk + "attn_norm.weight", width));
            tensors.add(new SyntheticTensor(blk + "attn_q.weight", new long[] {width, width}, matrix, false));
            tensors.add(new SyntheticTensor(blk + "attn_k.weight", new long[] {width, shape.kvWidth()}, matrix, false));
            tensors.add(new SyntheticTensor(blk + "attn_v.weight", new long[] {width, shape.kvWidth()}, matrix, false));
            tensors.add(new SyntheticTensor(blk + "attn_output.weight", new long[] {width, width}, matrix, false));
            tensors.add(norm(blk + "ffn_norm.weight", width));
            tensors.add(new SyntheticTensor(blk + "ffn_gate.weight", new long[] {width, shape.feedForward()}, matrix, false));
            tensors.add(new SyntheticTensor(blk + "ffn_up.weight", new long[] {width, shape.feedForward()}, matrix, false));
            tensors.add(new SyntheticTensor(blk + "ffn_down.weight", new long[] {shape.feedForward(), width}, matrix, false));
        }
        tensors.add(norm("output_norm.weight", width));
        if (!shape.tiedEmbeddings()) {
            tensors.add(new SyntheticTensor("output.weight", new long[] {width, vocabularySize}, matrix, false));
        }
        return tensors;
    }

    private static SyntheticTensor norm(String name, long width) {
        return new SyntheticTensor(name, new long[] {width}, GgmlType.F32, true);
    }
}
