package dev.lmscore.cli;

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

    Model load() {
        return Model.load(model, ModelOptions.defaults().withGpuLayers(gpuLayers));
    }
}
