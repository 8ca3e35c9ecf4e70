package dev.lmscore.bench.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.bench.SharedData;
import dev.lmscore.engine.gguf.GgufReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticModelMainTest {
    private static final String GPT2 = SharedData.file("models/vocab/ggml-vocab-gpt-2.gguf").toString();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return SyntheticModelMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheModelAndPrintsItsPathThenReusesIt() throws Exception {
        Path target = dir.resolve("tiny.gguf");
        assertEquals(0, run("--shape", "tiny", "--type", "f16", "--vocab", GPT2, "--out", target.toString(), "--seed", "3"));
        assertEquals(target + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("wrote "), err.toString(StandardCharsets.UTF_8));
        assertEquals("F16", GgufReader.read(target).modelInfo().quantization());
        assertEquals(3, GgufReader.read(target).metadata().integer("lmscore.synthetic.seed").getAsLong());

        assertEquals(0, run("--shape=tiny", "--type=f16", "--vocab=" + GPT2, "--out=" + target, "--seed=3"));
        assertEquals(target + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("reusing the existing file"), err.toString(StandardCharsets.UTF_8));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void badCommandLinesAreExplained() {
        assertEquals(2, run("--type", "q8_0", "--vocab", GPT2));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: --shape is required (tiny, 135m, 1b, 8b)"));
        assertEquals(2, run("--shape", "3b", "--vocab", GPT2));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: unknown shape '3b'; known: tiny, 135m, 1b, 8b"));
        assertEquals(2, run("--shape", "tiny", "--type", "q4_k", "--vocab", GPT2));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: unknown type 'q4_k'; known: f32, f16, q8_0"));
        assertEquals(2, run("--shape", "tiny", "--vocab", GPT2, "--seed", "x"));
        assertEquals(2, run("--shape", "tiny", "--vocab"));
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: SyntheticModelMain"));
    }

    @Test
    void unusableVocabularyFilesFailWithOneLine() throws Exception {
        assertEquals(1, run("--shape", "tiny", "--vocab", dir.resolve("missing.gguf").toString(), "--out", dir.resolve("m.gguf").toString()));
        assertEquals("error: no such file: " + dir.resolve("missing.gguf") + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));

        Path text = Files.writeString(dir.resolve("vocab.gguf"), "not a model");
        assertEquals(1, run("--shape", "tiny", "--vocab", text.toString(), "--out", dir.resolve("m.gguf").toString()));
        assertEquals("error: " + text + ": not a GGUF file: it starts with 'not ' (bytes 6e 6f 74 20) instead of 'GGUF'" + System.lineSeparator(),
                err.toString(StandardCharsets.UTF_8));

        Path model = SharedData.file("models/bad/stories260k-q8_0-bad-row-size.gguf");
        assertEquals(1, run("--shape", "tiny", "--vocab", model.toString(), "--out", dir.resolve("m.gguf").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("blk.0.ffn_down.weight"));
    }
}
