package dev.lmscore.cli;

import dev.lmscore.bindings.EmbeddedLibraries;
import dev.lmscore.bindings.LlamaLibrary;
import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.llama.LlamaRuntime;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** lmscore's command line: every failure ends as one line on stderr and a documented exit code. */
@Command(name = "lmscore", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Evaluate local GGUF language models through llama.cpp.",
        // subcommands are added in run(): only the one named when a command is named
        commandListHeading = "%nCommands:%n")
public final class Main implements Runnable {
    private static final Set<String> SCORING_COMMANDS = Set.of("perplexity", "choice", "kld");
    private static final String PICOCLI_CONVERTER_EXCLUDES = "picocli.converters.excludes";
    /**
     * Picocli reflects over every option of every command it is given (~0.1 s for all of them at
     * start-up), so a run that names its command gets only that one; help, usage errors and unknown
     * names get them all.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("perplexity", PerplexityCommand::new);
        m.put("choice", ChoiceCommand::new);
        m.put("kld", KldCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("merge", MergeCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("plot", PlotCommand::new);
        m.put("info", InfoCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    public static void main(String[] args) {
        try {
            EmbeddedLibraries.registerIfPresent(); // the single binary carries llama.cpp's CPU libraries
        } catch (LlamaLibrary.NativeLibraryException e) {
            System.err.println("lmscore: " + oneLine(e.getMessage()));
            System.exit(ExitCode.NATIVE_LIBRARY.code);
        }
        if (args.length > 0 && SCORING_COMMANDS.contains(args[0])) {
            // load llama.cpp's libraries and link the scoring downcalls while picocli parses (~0.1 s off
            // the run's start); a failure is reported by the command's own load
            Thread.ofPlatform().daemon().name("lmscore-native-init").start(() -> {
                try {
                    LlamaRuntime.linkScoringCalls();
                } catch (RuntimeException | LinkageError e) {
                    // the command's model load initialises again and reports it as one line
                }
            });
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        // Picocli registers its converters for java.sql and java.time types by reflection, loading
        // and initialising ~100 classes (~30 ms of start-up); no lmscore option has such a type.
        if (System.getProperty(PICOCLI_CONVERTER_EXCLUDES) == null) {
            System.setProperty(PICOCLI_CONVERTER_EXCLUDES, "java.sql.*,java.time.*");
        }
        CommandLine cli = new CommandLine(new Main());
        String named = args.length > 0 && COMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command.get());
            }
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(Main::handleFailure);
        cli.setParameterExceptionHandler(Main::handleUsageError);
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required (try 'lmscore --help')");
    }

    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("lmscore: " + e.getMessage().lines().findFirst().orElse("bad usage"));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE.code;
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        boolean debug = parseResult.subcommand() != null
                ? parseResult.subcommand().hasMatchedOption("--debug") : parseResult.hasMatchedOption("--debug");
        int code;
        if (e instanceof LmscoreException le) {
            err.println("lmscore: " + oneLine(le.getMessage()));
            code = le.exitCode().code;
        } else if (e instanceof CommandLine.ParameterException pe) {
            return handleUsageError(pe, new String[0]);
        } else {
            err.println("lmscore: internal error: " + oneLine(String.valueOf(e)) + (debug ? "" : " (run with --debug for details)"));
            code = ExitCode.INTERNAL.code;
        }
        if (debug) {
            e.printStackTrace(err);
            LlamaRuntime.log().recentLines().forEach(line -> err.println("llama.cpp: " + line));
        }
        err.flush();
        return code;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').strip();
    }
}
