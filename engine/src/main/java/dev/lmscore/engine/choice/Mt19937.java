package dev.lmscore.engine.choice;

/**
 * The random numbers llama-perplexity draws to pick HellaSwag tasks: C++'s {@code std::mt19937}
 * (32-bit Mersenne Twister) and libstdc++'s {@code std::uniform_int_distribution<size_t>} over it.
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] state = new int[N];
    private int next = N;

    Mt19937(int seed) {
        state[0] = seed;
        for (int i = 1; i < N; i++) {
            state[i] = 1812433253 * (state[i - 1] ^ (state[i - 1] >>> 30)) + i;
        }
    }

    /** The next 32-bit output, as an unsigned value. */
    long nextUnsigned() {
        if (next == N) {
            twist();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x80000000) | (state[(i + 1) % N] & 0x7fffffff);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
        }
        next = 0;
    }

    /**
     * {@code std::uniform_int_distribution<size_t>(0, range - 1)(gen)} as libstdc++ (GCC 11 and
     * later) computes it for a 32-bit generator: Lemire's nearly-divisionless multiply-shift, which
     * redraws only when the low half of the product falls below {@code 2^32 mod range}.
     */
    int uniformIndex(int range) {
        if (range <= 0) {
            throw new IllegalArgumentException("range must be positive, got " + range);
        }
        long product = nextUnsigned() * range; // < 2^63: range < 2^31
        long low = product & 0xFFFFFFFFL;
        if (low < range) {
            long threshold = ((1L << 32) - range) % range;
            while (low < threshold) {
                product = nextUnsigned() * range;
                low = product & 0xFFFFFFFFL;
            }
        }
        return (int) (product >>> 32);
    }
}
