package dev.lmscore.engine.history;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results history: an SQLite database of runs and their metrics. Several lmscore processes may
 * record at once (e.g. a sweep over checkpoints): WAL journaling lets readers and one writer work
 * together, busy_timeout makes a writer wait for another's lock instead of failing, and a record
 * that still meets a busy database is retried, so no run is lost.
 */
public final class HistoryStore implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 15_000;
    private static final int ATTEMPTS = 5;
    private final Path path;
    private final Connection connection;

    private HistoryStore(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** {@code --history-db}, else {@code LMSCORE_HISTORY_DB}, else {@code ${XDG_DATA_HOME:-~/.local/share}/lmscore/history.db}. */
    public static Path defaultLocation(Path option) {
        if (option != null) return option;
        String env = System.getenv("LMSCORE_HISTORY_DB");
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("lmscore").resolve("history.db");
    }

    public static HistoryStore open(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
            prepare(c);
            return new HistoryStore(path, c);
        } catch (SQLException | IOException e) {
            throw new LmscoreException(ExitCode.OUTPUT, "cannot open the history database " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the connection up and creates the tables. Switching a new database to WAL while another
     * process does the same answers SQLITE_BUSY at once, without waiting on the busy timeout, so
     * that step is retried for as long as the timeout would have waited.
     */
    private static void prepare(Connection c) throws SQLException {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MS * 1_000_000L;
        while (true) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS runs (
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          time TEXT NOT NULL,
                          command TEXT NOT NULL,
                          model_name TEXT NOT NULL,
                          model_path TEXT,
                          model_sha256 TEXT,
                          quantization TEXT,
                          dataset_name TEXT NOT NULL,
                          dataset_sha256 TEXT,
                          settings TEXT)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS metrics (
                          run_id INTEGER NOT NULL REFERENCES runs(id),
                          name TEXT NOT NULL,
                          value REAL,
                          error REAL,
                          PRIMARY KEY (run_id, name))""");
                return;
            } catch (SQLException e) {
                if (!busy(e) || System.nanoTime() > deadline) throw e;
                sleep(20);
            }
        }
    }

    public Path path() {
        return path;
    }

    /** Stores a run (its id and time as given are ignored: the database assigns the id). Returns the id. */
    public long record(RunRecord run) {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return insert(run);
            } catch (SQLException e) {
                last = e;
                if (!busy(e)) break;
                sleep(50L << attempt);
            }
        }
        throw new LmscoreException(ExitCode.OUTPUT, "cannot record the run in " + path + ": " + last.getMessage(), last);
    }

    private long insert(RunRecord run) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long id;
            try (PreparedStatement p = connection.prepareStatement("""
                    INSERT INTO runs (time, command, model_name, model_path, model_sha256, quantization, dataset_name,
                                      dataset_sha256, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, (run.time() == null ? Instant.now() : run.time()).toString());
                p.setString(2, run.command());
                p.setString(3, run.modelName());
                p.setString(4, run.modelPath());
                p.setString(5, run.modelSha256());
                p.setString(6, run.quantization());
                p.setString(7, run.datasetName());
                p.setString(8, run.datasetSha256());
                p.setString(9, run.settingsJson());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO metrics (run_id, name, value, error) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, Metric> m : run.metrics().entrySet()) {
                    p.setLong(1, id);
                    p.setString(2, m.getKey());
                    setDouble(p, 3, m.getValue().value());
                    setDouble(p, 4, m.getValue().error());
                    p.addBatch();
                }
                p.executeBatch();
            }
            connection.commit();
            return id;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Runs in time order, optionally only those of a model name and/or dataset name (null: any). */
    public List<RunRecord> runs(String modelName, String datasetName) {
        String sql = "SELECT id, time, command, model_name, model_path, model_sha256, quantization, dataset_name, "
                + "dataset_sha256, settings FROM runs WHERE (? IS NULL OR model_name = ?) AND (? IS NULL OR dataset_name = ?) "
                + "ORDER BY time, id";
        List<RunRecord> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql);
             PreparedStatement m = connection.prepareStatement("SELECT name, value, error FROM metrics WHERE run_id = ? ORDER BY name")) {
            p.setString(1, modelName);
            p.setString(2, modelName);
            p.setString(3, datasetName);
            p.setString(4, datasetName);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    Map<String, Metric> metrics = new LinkedHashMap<>();
                    m.setLong(1, id);
                    try (ResultSet mr = m.executeQuery()) {
                        while (mr.next()) {
                            metrics.put(mr.getString(1), new Metric(getDouble(mr, 2), getDouble(mr, 3)));
                        }
                    }
                    out.add(new RunRecord(id, Instant.parse(r.getString(2)), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), metrics));
                }
            }
        } catch (SQLException e) {
            throw new LmscoreException(ExitCode.BAD_INPUT, "cannot read the history database " + path + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void setDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v) || Double.isInfinite(v)) p.setNull(i, java.sql.Types.REAL);
        else p.setDouble(i, v);
    }

    private static double getDouble(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? Double.NaN : v;
    }

    private static boolean busy(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED") || m.contains("database is locked");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to save: every record committed on its own
        }
    }
}
