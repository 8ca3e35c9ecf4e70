package dev.lmscore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.perplexity.PerplexityResult;
import dev.lmscore.engine.perplexity.WindowScore;
import dev.lmscore.engine.stats.NllStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a perplexity result for people and for machines. */
final class PerplexityReport {
    private PerplexityReport() {}

    static Map<String, Object> toMap(Path file, PerplexityResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("text_bytes", r.textBytes());
        m.put("text_tokens", r.textTokens() >= 0 ? r.textTokens() : null); // null: only the chunks' part tokenized
        m.put("text_words", r.words());
        m.put("chunks", r.windows().size());
        m.put("chunks_planned", r.plannedWindows());
        m.put("chunks_total", r.totalWindows());
        m.put("interrupted", r.interrupted());
        m.put("sequences_per_decode", r.sequences());
        m.put("scored_tokens", r.total().count());
        m.put("scored_bytes", r.scoredBytes());
        m.put("nll_mean", r.total().mean());
        m.put("nll_stderr", r.total().meanError());
        m.put("nll_sum", r.total().sum());
        m.put("ppl", r.perplexity());
        m.put("ppl_error", r.perplexityError());
        m.put("bits_per_byte", r.bitsPerByte());
        m.put("byte_perplexity", r.bytePerplexity());
        if (r.coversWholeText()) {
            m.put("words", r.words());
            m.put("word_perplexity", r.wordPerplexity());
        }
        m.put("top1_accuracy", r.top1Accuracy());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("tokenize_ms", r.tokenizeMillis());
        t.put("score_ms", r.scoreMillis());
        t.put("scored_tokens_per_second", r.tokensPerSecond());
        m.put("timings", t);
        m.put("chunk_scores", chunkScores(r.windows()));
        return m;
    }

    /**
     * Per chunk sums, column-wise: what paired comparisons and shard merging need. Doubles are
     * written in their shortest round-trip form, so a merge recomputes the totals exactly.
     */
    static Map<String, Object> chunkScores(List<WindowScore> windows) {
        int n = windows.size();
        int[] index = new int[n];
        long[] count = new long[n];
        double[] sum = new double[n];
        double[] sumSquares = new double[n];
        long[] bytes = new long[n];
        long[] top1 = new long[n];
        for (int i = 0; i < n; i++) {
            WindowScore w = windows.get(i);
            index[i] = w.window();
            count[i] = w.nll().count();
            sum[i] = w.nll().sum();
            sumSquares[i] = w.nll().sumSquares();
            bytes[i] = w.bytes();
            top1[i] = w.top1();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chunk", index);
        m.put("tokens", count);
        m.put("nll_sum", sum);
        m.put("nll_sum_squares", sumSquares);
        m.put("bytes", bytes);
        m.put("top1", top1);
        return m;
    }

    /** The inverse of {@link #chunkScores}: per-window sums back from a report or checkpoint record. */
    static List<WindowScore> parseChunkScores(JsonNode columns, String source) {
        if (columns == null || !columns.path("chunk").isArray()) {
            throw LmscoreException.badInput(source + " has no per-chunk scores (chunk_scores)");
        }
        for (String column : List.of("tokens", "nll_sum", "nll_sum_squares", "bytes", "top1")) {
            if (columns.path(column).size() != columns.get("chunk").size()) {
                throw LmscoreException.badInput(source + ": chunk_scores." + column + " is missing or of the wrong length");
            }
        }
        JsonNode index = columns.get("chunk");
        List<WindowScore> windows = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            windows.add(new WindowScore(index.get(i).asInt(),
                    new NllStats(columns.get("tokens").get(i).asLong(), columns.get("nll_sum").get(i).asDouble(),
                            columns.get("nll_sum_squares").get(i).asDouble()),
                    columns.get("bytes").get(i).asLong(), columns.get("top1").get(i).asLong()));
        }
        return windows;
    }

    static String toText(Path file, PerplexityResult r) {
        StringBuilder s = new StringBuilder();
        s.append(file).append(r.interrupted() ? String.format("  (interrupted: %d of %d chunks scored)",
                r.windows().size(), r.plannedWindows()) : "").append('\n');
        s.append(String.format("  PPL = %.4f +/- %.5f   (%s, %d chunks of %d, %d scored tokens)%n", r.perplexity(),
                r.perplexityError(), r.options().mode().name().toLowerCase(), r.windows().size(),
                r.options().contextSize(), r.total().count()));
        s.append(String.format("  NLL = %.6f +/- %.6f nats/token   bits/byte = %.5f   top-1 = %.2f%%%n",
                r.total().mean(), r.total().meanError(), r.bitsPerByte(), 100 * r.top1Accuracy()));
        if (r.coversWholeText()) {
            s.append(String.format("  word PPL = %.4f   byte PPL = %.5f%n", r.wordPerplexity(), r.bytePerplexity()));
        }
        s.append(String.format("  %.0f tokens/s scored (%.1f s), tokenized in %.0f ms%n", r.tokensPerSecond(),
                r.scoreMillis() / 1000, r.tokenizeMillis()));
        return s.toString();
    }
}
