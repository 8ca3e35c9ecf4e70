package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lmscore kld end to end: a model against itself, base files, and the inputs it must refuse. */
class KldCommandTest {
    @TempDir Path dir;

    @Test
    void modelAgainstItselfStreamingAndThroughAFile() throws IOException {
        CliRun streaming = CliRun.of("kld", "--base", CliRun.model(), "-m", CliRun.model(), "-f", CliRun.wiki(),
                "-c", "128", "--chunks", "4", "-q", "--json");
        assertEquals(0, streaming.exitCode(), streaming.err());
        JsonNode s = Json.MAPPER.readTree(streaming.out());
        assertEquals(4 * 63, s.get("scored_tokens").asInt());
        assertEquals(0, s.get("kld").get("value").asDouble(), 1e-5);
        assertEquals(1.0, s.get("same_top").get("value").asDouble());

        Path file = dir.resolve("base.logits");
        CliRun save = CliRun.of("kld", "--save-base", file.toString(), "-m", CliRun.model(), "-f", CliRun.wiki(),
                "-c", "128", "--chunks", "4", "-q");
        assertEquals(0, save.exitCode(), save.err());
        CliRun read = CliRun.of("kld", "--base-file", file.toString(), "-m", CliRun.model(), "-q", "--json");
        assertEquals(0, read.exitCode(), read.err());
        JsonNode r = Json.MAPPER.readTree(read.out());
        assertEquals(s.get("kld").get("value").asDouble(), r.get("kld").get("value").asDouble(), 1e-12,
                "the file holds exactly what streaming computes");
        assertEquals(s.get("ppl").get("value").asDouble(), r.get("ppl").get("value").asDouble(), 1e-9);

        CliRun text = CliRun.of("kld", "--base", CliRun.model(), "-m", CliRun.model(), "-f", CliRun.wiki(),
                "-c", "128", "--chunks", "2", "-q");
        assertTrue(text.out().contains("Mean    KLD:"), text.out());
        assertTrue(text.out().contains("Same top p: 100.000"), text.out());
    }

    @Test
    void modelsWithDifferentVocabulariesAreRefusedBeforeScoring() {
        CliRun run = CliRun.of("kld", "--base", CliRun.model(), "-m", CliRun.data("models/llama-2-tiny-random.gguf").toString(),
                "-f", CliRun.wiki(), "-c", "128", "--chunks", "2", "-q");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("different vocabularies"), run.err());
    }

    @Test
    void truncatedBaseFileAndBaseFileOfAnotherTextAreRefused() throws IOException {
        Path file = dir.resolve("base.logits");
        assertEquals(0, CliRun.of("kld", "--save-base", file.toString(), "-m", CliRun.model(), "-f", CliRun.wiki(),
                "-c", "128", "--chunks", "2", "-q").exitCode());

        Path other = dir.resolve("other.txt");
        Files.writeString(other, "Once upon a time there was a little dog who liked to run in the park. ".repeat(40));
        CliRun another = CliRun.of("kld", "--base-file", file.toString(), "-m", CliRun.model(), "-f", other.toString(), "-q");
        assertEquals(3, another.exitCode());
        assertTrue(another.err().contains("another text"), another.err());

        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(c.size() - 100);
        }
        CliRun truncated = CliRun.of("kld", "--base-file", file.toString(), "-m", CliRun.model(), "-q");
        assertEquals(3, truncated.exitCode());
        assertTrue(truncated.err().contains("truncated"), truncated.err());
        assertFalse(truncated.err().contains("internal error"));

        Files.writeString(file, "not a logits file");
        CliRun garbage = CliRun.of("kld", "--base-file", file.toString(), "-m", CliRun.model(), "-q");
        assertEquals(3, garbage.exitCode());
        assertTrue(garbage.err().contains("not a llama.cpp base-logits file"), garbage.err());
    }
}
