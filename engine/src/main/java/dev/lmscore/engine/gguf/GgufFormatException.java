package dev.lmscore.engine.gguf;

/**
 * A GGUF file is malformed, truncated, of an unsupported version, or holds something llama.cpp
 * would refuse. The message is one line meant for the user: it names the file and what is wrong,
 * e.g. {@code model.gguf: tensor 'blk.0.ffn_down.weight' (Q8_0) has rows of 172 elements, ...}.
 *
 * <p>Unchecked, so that typed metadata accessors can report a value of the wrong type the same way
 * the reader reports a bad file; plain I/O failures stay {@link java.io.IOException}s.
 */
public final class GgufFormatException extends RuntimeException {
    private final String source;
    private final String problem;

    /**
     * @param source  the file (or other origin) the problem was found in, as shown to the user
     * @param problem what is wrong, without the source
     */
    public GgufFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** The file (or other origin) the problem was found in. */
    public String source() {
        return source;
    }

    /** What is wrong, without the source prefix. */
    public String problem() {
        return problem;
    }
}
