package dev.lmscore.bench.e2e;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tokens decoded and tokens scored, reported by JMH as rates beside the primary score
 * ({@code secondaryMetrics.decodedTokens} / {@code scoredTokens}: tokens per second).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TokenCounters {
    public long decodedTokens;
    public long scoredTokens;

    @Setup(Level.Iteration)
    public void reset() {
        decodedTokens = 0;
        scoredTokens = 0;
    }
}
