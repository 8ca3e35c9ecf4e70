package dev.lmscore.engine.gguf;

/**
 * The fixed-size start of a GGUF file, as returned by {@link GgufReader#checkHeader}.
 *
 * @param version       the GGUF version (2 or 3 once checked)
 * @param tensorCount   how many tensor infos follow the metadata
 * @param metadataCount how many metadata key/value pairs follow the header
 * @param fileSize      the size of the file in bytes
 */
public record GgufHeader(int version, long tensorCount, long metadataCount, long fileSize) {
    /** Bytes taken by magic, version and the two counts. */
    public static final int SIZE = 4 + 4 + 8 + 8;
}
