package dev.lmscore.engine.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The key/value metadata of a GGUF file, in file order, with typed look-ups. A look-up of a key
 * that holds a value of another kind (a string where a number is expected) throws a
 * {@link GgufFormatException} naming the file and the key, since llama.cpp would refuse the file
 * for the same reason.
 */
public final class GgufMetadata {
    private final String source;
    private final Map<String, GgufValue> entries;

    /**
     * @param source  where the metadata came from (the file name), used in error messages
     * @param entries the key/value pairs, in order; copied
     */
    public GgufMetadata(String source, Map<String, GgufValue> entries) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Where the metadata came from, as used in error messages. */
    public String source() {
        return source;
    }

    /** All pairs in file order; unmodifiable. */
    public Map<String, GgufValue> asMap() {
        return entries;
    }

    /** The keys in file order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    public int size() {
        return entries.size();
    }

    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key}, if present. */
    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The pairs whose key starts with {@code prefix} (e.g. {@code "tokenizer."}), in file order. */
    public Map<String, GgufValue> withPrefix(String prefix) {
        Map<String, GgufValue> out = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The STRING value of {@code key}, if present. */
    public Optional<String> string(String key) {
        GgufValue v = entries.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.type() != GgufValueType.STRING) {
            throw wrongType(key, v, "a string");
        }
        return Optional.of(v.asString());
    }

    /** The integer value of {@code key} (any integer type), if present. */
    public OptionalLong integer(String key) {
        GgufValue v = entries.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        if (!v.type().isInteger()) {
            throw wrongType(key, v, "an integer");
        }
        return OptionalLong.of(v.asLong());
    }

    /** The numeric value of {@code key} (integer or floating point), if present. */
    public OptionalDouble number(String key) {
        GgufValue v = entries.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (!v.type().isInteger() && !v.type().isFloatingPoint()) {
            throw wrongType(key, v, "a number");
        }
        return OptionalDouble.of(v.asDouble());
    }

    /** The BOOL value of {@code key}, if present. */
    public Optional<Boolean> bool(String key) {
        GgufValue v = entries.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.type() != GgufValueType.BOOL) {
            throw wrongType(key, v, "a bool");
        }
        return Optional.of(v.asBoolean());
    }

    /** The ARRAY value of {@code key}, if present. */
    public Optional<GgufArray> array(String key) {
        GgufValue v = entries.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v.type() != GgufValueType.ARRAY) {
            throw wrongType(key, v, "an array");
        }
        return Optional.of(v.asArray());
    }

    private GgufFormatException wrongType(String key, GgufValue v, String expected) {
        return new GgufFormatException(source, "key '" + key + "' holds a " + v.type() + ", expected " + expected);
    }

    @Override
    public String toString() {
        return "GgufMetadata[" + source + ", " + entries.size() + " keys]";
    }
}
