package dev.lmscore.cli;

import dev.lmscore.engine.gguf.GgufFile;
import dev.lmscore.engine.gguf.GgufFormatException;
import dev.lmscore.engine.kernel.KernelWarmup;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.ModelOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model options every scoring command takes. */
final class ModelMixin {
    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "GGUF model file.")
    Path model;

    @Option(names = {"-ngl", "--gpu-layers"}, paramLabel = "N", defaultValue = "0",
            description = "Layers to offload to the GPU backend (-1: all; needs a CUDA build). Default: ${DEFAULT-VALUE}.")
    int gpuLayers;

    /** Loads the model, first starting to compile the log-softmax kernel that {@code scoring} will use. */
    Model load(KernelWarmup.Scoring scoring) {
        GgufFile checked = Model.checkModelFile(model);
        startKernelWarmup(checked, scoring);
        return Model.load(checked, ModelOptions.defaults().withGpuLayers(gpuLayers));
    }

    /**
     * Starts compiling the kernel for this model's vocabulary on the other core while llama.cpp loads
     * the model and the process is otherwise single-threaded.
     */
    private static void startKernelWarmup(GgufFile checked, KernelWarmup.Scoring scoring) {
        try {
            checked.modelInfo().vocabularySize().ifPresent(vocab -> KernelWarmup.startFor(vocab, scoring));
        } catch (GgufFormatException e) {
            // a vocabulary size of the wrong type: llama.cpp's load reports the model's problem
        }
    }
}
