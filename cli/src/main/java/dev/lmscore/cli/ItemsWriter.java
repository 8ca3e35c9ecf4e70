package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.ItemResult;
import dev.lmscore.engine.choice.ScoringKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-item JSON Lines file of {@code lmscore choice --items}: one line per item, written and
 * flushed as soon as the item is scored, so an interrupted run keeps what it did.
 */
final class ItemsWriter implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final ScoringKind kind;

    private ItemsWriter(Path file, BufferedWriter out, ScoringKind kind) {
        this.file = file;
        this.out = out;
        this.kind = kind;
    }

    /** A writer to {@code file}, or one that writes nothing when {@code file} is null. */
    static ItemsWriter open(Path file, ScoringKind kind) {
        if (file == null) {
            return new ItemsWriter(null, null, kind);
        }
        try {
            return new ItemsWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), kind);
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write items file " + file + ": " + e.getMessage(), e);
        }
    }

    void write(ItemResult r) {
        if (out == null) {
            return;
        }
        try {
            out.write(Json.line(toMap(kind, r)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write items file " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> toMap(ScoringKind kind, ItemResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.item().id());
        m.put("gold", r.item().gold());
        switch (kind) {
            case GREEDY -> m.put("correct", r.greedy()[r.item().gold()]);
            case MC2 -> m.put("true_choices", r.item().trueChoices());
            case MULTIPLE_CHOICE, PARTIAL -> {
                m.put("prediction", r.prediction());
                m.put("prediction_norm", r.predictionPerCharacter());
                m.put("prediction_llamacpp", r.predictionPerToken());
                m.put("correct", r.prediction() == r.item().gold());
            }
        }
        m.put("loglik", r.logLikelihoods());
        m.put("tokens", r.tokenCounts());
        m.put("greedy", r.greedy());
        return m;
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new LmscoreException(ExitCode.OUTPUT, "cannot write items file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
