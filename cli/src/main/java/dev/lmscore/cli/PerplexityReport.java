package dev.lmscore.cli;

import dev.lmscore.engine.perplexity.PerplexityOptions.Mode;
import dev.lmscore.engine.perplexity.PerplexityResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a perplexity result for people and for machines. */
final class PerplexityReport {
    private PerplexityReport() {}

    static Map<String, Object> toMap(Path file, PerplexityResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("text_bytes", r.textBytes());
        m.put("text_tokens", r.textTokens());
        m.put("chunks", r.windowStats().size());
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
        if (r.options().mode() == Mode.ROLLING) {
            m.put("words", r.words());
            m.put("word_perplexity", r.wordPerplexity());
        }
        m.put("top1_accuracy", r.top1Accuracy());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("tokenize_ms", r.tokenizeMillis());
        t.put("score_ms", r.scoreMillis());
        t.put("scored_tokens_per_second", r.tokensPerSecond());
        m.put("timings", t);
        return m;
    }

    static String toText(Path file, PerplexityResult r) {
        StringBuilder s = new StringBuilder();
        s.append(file).append('\n');
        s.append(String.format("  PPL = %.4f +/- %.5f   (%s, %d chunks of %d, %d scored tokens)%n", r.perplexity(),
                r.perplexityError(), r.options().mode().name().toLowerCase(), r.windowStats().size(),
                r.options().contextSize(), r.total().count()));
        s.append(String.format("  NLL = %.6f +/- %.6f nats/token   bits/byte = %.5f   top-1 = %.2f%%%n",
                r.total().mean(), r.total().meanError(), r.bitsPerByte(), 100 * r.top1Accuracy()));
        if (r.options().mode() == Mode.ROLLING) {
            s.append(String.format("  word PPL = %.4f   byte PPL = %.5f%n", r.wordPerplexity(), r.bytePerplexity()));
        }
        s.append(String.format("  %.0f tokens/s scored (%.1f s), tokenized in %.0f ms%n", r.tokensPerSecond(),
                r.scoreMillis() / 1000, r.tokenizeMillis()));
        return s.toString();
    }
}
