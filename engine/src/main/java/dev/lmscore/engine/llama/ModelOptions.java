package dev.lmscore.engine.llama;

/**
 * How to load a model.
 *
 * @param gpuLayers layers to offload to a GPU backend: 0 keeps everything on the CPU, a negative
 *                  value offloads all layers
 * @param vocabOnly load only the vocabulary (tokenizer tests, vocab-only GGUF files)
 * @param useMmap   map the file instead of reading it into memory
 */
public record ModelOptions(int gpuLayers, boolean vocabOnly, boolean useMmap) {
    public static ModelOptions defaults() {
        return new ModelOptions(0, false, true);
    }

    public static ModelOptions vocabularyOnly() {
        return new ModelOptions(0, true, true);
    }

    public ModelOptions withGpuLayers(int layers) {
        return new ModelOptions(layers, vocabOnly, useMmap);
    }
}
