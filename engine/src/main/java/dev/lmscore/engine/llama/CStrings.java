package dev.lmscore.engine.llama;

import java.lang.foreign.MemorySegment;

/** Reads NUL-terminated strings that llama.cpp returns as zero-length pointers. */
final class CStrings {
    private CStrings() {}

    static String read(MemorySegment cString) {
        return cString.equals(MemorySegment.NULL) ? "" : cString.reinterpret(Long.MAX_VALUE).getString(0);
    }
}
