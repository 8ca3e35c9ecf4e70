package dev.lmscore.cli;

import dev.lmscore.engine.LmscoreException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmscore merge}: combines the JSON reports of all shards of a run into the report one run
 * would have given. Each command's merge recomputes its numbers from the shards' per-unit records
 * (perplexity: chunk sums; choice: item log-likelihoods) with the code of a single run, so every
 * number is exactly that of a single run.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Combine the JSON reports of all shards (--shard I/N) of one perplexity or choice run into one result.")
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SHARD.json", arity = "1..*", description = "The shards' JSON reports, in any order.")
    List<Path> shards;

    @Option(names = "--json", description = "Print the merged result as JSON on stdout.")
    boolean json;

    @Mixin RunControlMixin control;

    /** A merged run: its JSON report and its summary for people. */
    record Merged(Map<String, Object> report, String text) {}

    @Override
    public Integer call() {
        if (control.checkpoint != null || control.resume || !control.shard.isWhole()) {
            throw LmscoreException.usage("merge takes only --json and --output");
        }
        control.validate();
        ShardSet set = ShardSet.read(shards);
        Merged merged = switch (set.command()) {
            case "perplexity" -> PerplexityMerge.merge(set);
            case "choice" -> ChoiceMerge.merge(set);
            default -> throw LmscoreException.badInput("merging '" + set.command() + "' shards is not supported");
        };
        if (!json) {
            System.out.print(merged.text());
            System.out.flush();
        }
        ReportOutput.emit(merged.report(), json, control, System.out);
        return 0;
    }
}
