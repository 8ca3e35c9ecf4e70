package dev.lmscore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes two runs' numbers comparable unit by unit: the command, the model, the data files and
 * every setting that changes a number (not threads or paths: shards run on different machines).
 * Checkpoints start with it and shard outputs carry it; resume and merge refuse a mismatch.
 */
final class RunIdentity {
    private RunIdentity() {}

    static Map<String, Object> of(String command, Path model, List<Path> dataFiles, Map<String, Object> numericSettings) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("command", command);
        id.put("lmscore_version", VersionProvider.lmscoreVersion());
        id.put("model", FileFingerprint.ofModel(model));
        List<Object> data = new ArrayList<>();
        for (Path file : dataFiles) {
            data.add(FileFingerprint.ofData(file));
        }
        id.put("data", data);
        id.put("settings", numericSettings);
        return id;
    }

    /** The first difference between two identities, as a phrase for an error message, or null when equal. */
    static String difference(Object expected, Object actual) {
        return difference("", Json.MAPPER.valueToTree(expected), Json.MAPPER.valueToTree(actual));
    }

    private static String difference(String at, com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || (a.isValueNode() && !sameValue(a, b))) {
            return (at.isEmpty() ? "identity" : at) + " is " + (b == null ? "missing" : b) + ", expected " + (a == null ? "nothing" : a);
        }
        if (a.isObject()) {
            var names = new java.util.TreeSet<String>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String d = difference(at.isEmpty() ? name : at + "." + name, a.get(name), b.get(name));
                if (d != null) return d;
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) return at + " has " + b.size() + " entries, expected " + a.size();
            for (int i = 0; i < a.size(); i++) {
                String d = difference(at + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) return d;
            }
        }
        return null;
    }

    /** Equal values; numbers by value (a long written and read back may come back as an int node). */
    private static boolean sameValue(com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b) {
        return a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }
}
