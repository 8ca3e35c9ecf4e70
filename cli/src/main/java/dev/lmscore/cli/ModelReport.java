package dev.lmscore.cli;

import dev.lmscore.engine.llama.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a report says about the model: enough to tell checkpoints and quantizations apart. */
final class ModelReport {
    private ModelReport() {}

    static Map<String, Object> describe(Model model) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", model.path().toString());
        m.put("name", model.metadata().getOrDefault("general.name", model.path().getFileName().toString()));
        m.put("architecture", model.metadata().getOrDefault("general.architecture", "unknown"));
        m.put("description", model.description());
        m.put("parameters", model.parameterCount());
        m.put("size_bytes", model.sizeBytes());
        m.put("layers", model.layers());
        m.put("embedding", model.embeddingSize());
        m.put("training_context", model.trainingContext());
        m.put("vocabulary_type", model.vocabulary().type());
        m.put("vocabulary_size", model.vocabulary().size());
        return m;
    }
}
