package dev.lmscore.cli;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.choice.ChoiceMetrics;
import dev.lmscore.engine.choice.ChoiceRun;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.ItemResult;
import dev.lmscore.engine.choice.ItemScore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-item JSON Lines file of {@code lmscore choice --items}: one line per item, written and
 * flushed as soon as the item is scored, so an interrupted run keeps what it did.
 */
final class ItemsWriter implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final ChoiceTask task;
    private final Map<Integer, ItemResult> unconditional = new HashMap<>();

    private ItemsWriter(Path file, BufferedWriter out, ChoiceTask task, ChoiceRun unconditional) {
        this.file = file;
        this.out = out;
        this.task = task;
        if (unconditional != null) {
            unconditional.results().forEach(r -> this.unconditional.put(r.index(), r));
        }
    }

    /**
     * A writer to {@code file}, or one that writes nothing when {@code file} is null; with the
     * unconditional run (or null) of mutual-information scoring.
     */
    static ItemsWriter open(Path file, ChoiceTask task, ChoiceRun unconditional) {
        if (file == null) {
            return new ItemsWriter(null, null, task, unconditional);
        }
        try {
            return new ItemsWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), task, unconditional);
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write items file " + file + ": " + e.getMessage(), e);
        }
    }

    void write(ItemResult r) {
        if (out == null) {
            return;
        }
        try {
            out.write(Json.line(toMap(r)));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot write items file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One item: id, gold, the most likely choice, each per-item metric (1 or 0 for accuracies, the
     * true mass for mc2), {@code correct} (= acc, what {@code lmscore compare} pairs), and the raw
     * per-choice numbers.
     */
    private Map<String, Object> toMap(ItemResult r) {
        ItemResult u = unconditional.get(r.index());
        ItemScore score = ChoiceMetrics.scoreItem(task, r, u);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.item().id());
        m.put("gold", r.item().gold());
        if (r.item().trueChoices().size() > 1) {
            m.put("true_choices", r.item().trueChoices());
        }
        m.put("prediction", score.predicted());
        Double acc = score.values().get(ChoiceMetrics.ACC);
        if (acc != null) {
            m.put("correct", acc == 1.0);
        }
        m.put("metrics", score.values());
        m.put("loglik", r.logLikelihoods());
        m.put("tokens", r.tokenCounts());
        m.put("greedy", r.greedy());
        if (u != null) {
            m.put("loglik_unconditional", u.logLikelihoods());
        }
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
