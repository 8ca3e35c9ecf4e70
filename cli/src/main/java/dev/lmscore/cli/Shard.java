package dev.lmscore.cli;

import picocli.CommandLine;

/** One shard of a run, {@code --shard I/N}: 0-based index I of N shards. */
record Shard(int index, int count) {
    static final Shard WHOLE = new Shard(0, 1);

    boolean isWhole() {
        return count == 1;
    }

    /** Parses {@code I/N} for picocli, with the option named in the error. */
    static final class Converter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            String[] parts = value.split("/");
            try {
                if (parts.length == 2) {
                    int index = Integer.parseInt(parts[0].trim());
                    int count = Integer.parseInt(parts[1].trim());
                    if (count >= 1 && index >= 0 && index < count) {
                        return new Shard(index, count);
                    }
                }
            } catch (NumberFormatException e) {
                // fall through to the one message below
            }
            throw new CommandLine.TypeConversionException(
                    "--shard must be I/N with 0 <= I < N (e.g. 0/4, or $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT), got '" + value + "'");
        }
    }
}
