package dev.lmscore.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the JSON JMH writes with {@code -rf json}: an array of results. */
public final class JmhJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhJson() {}

    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot read JMH results " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result (expected an array of results)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode entry : root) {
            results.add(parse(entry, file));
        }
        return results;
    }

    private static JmhResult parse(JsonNode entry, Path file) throws IOException {
        String benchmark = entry.path("benchmark").asText(null);
        String mode = entry.path("mode").asText(null);
        JsonNode primary = entry.get("primaryMetric");
        if (benchmark == null || mode == null || primary == null) {
            throw new IOException(file + ": a result lacks benchmark, mode or primaryMetric");
        }
        TreeMap<String, String> params = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            params.put(p.getKey(), p.getValue().asText());
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("secondaryMetrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            secondary.put(m.getKey(), metric(m.getValue()));
        }
        return new JmhResult(benchmark, mode, params, metric(primary), secondary);
    }

    private static Metric metric(JsonNode node) {
        return new Metric(number(node.get("score")), number(node.get("scoreError")), node.path("scoreUnit").asText(""));
    }

    /** JMH writes "NaN" as a string when it has no error estimate. */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : parseOrNaN(node.asText());
    }

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
