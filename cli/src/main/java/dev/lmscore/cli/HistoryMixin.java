package dev.lmscore.cli;

import dev.lmscore.engine.history.HistoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the results history lives, and whether a scoring command records into it. */
final class HistoryMixin {
    @Option(names = "--record", description = "Store the run in the results history (see 'lmscore history').")
    boolean record;

    @Option(names = "--history-db", paramLabel = "FILE",
            description = "History database (default: $LMSCORE_HISTORY_DB, else ${XDG_DATA_HOME:-~/.local/share}/lmscore/history.db).")
    Path database;

    Path location() {
        return HistoryStore.defaultLocation(database);
    }
}
