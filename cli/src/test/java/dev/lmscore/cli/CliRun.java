package dev.lmscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** Runs the CLI in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs the command line once per shard "i/count", each writing its JSON report to
     * dir/shard{i}.json, and asserts each succeeded; returns the reports, in shard order.
     */
    static Path[] shards(Path dir, int count, BiFunction<String, String, String[]> args) {
        Path[] reports = new Path[count];
        for (int i = 0; i < count; i++) {
            reports[i] = dir.resolve("shard" + i + ".json");
            CliRun shard = of(args.apply(i + "/" + count, reports[i].toString()));
            assertEquals(0, shard.exitCode(), shard.err());
        }
        return reports;
    }

    static Path data(String relative) {
        String dir = System.getProperty("lmscore.shared.dir", "../shared");
        return Path.of(dir, "data", relative).toAbsolutePath().normalize();
    }

    static String model() {
        return data("models/stories260K.gguf").toString();
    }

    static String wiki() {
        return data("eval/wikitext-2/wiki.test.raw").toString();
    }
}
