package dev.lmscore.engine.choice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values printed by g++ 12 / libstdc++ (std::mt19937, std::uniform_int_distribution<size_t>). */
class Mt19937Test {

    @Test
    void rawOutputsMatchStdMt19937() {
        Mt19937 rng = new Mt19937(1);
        long[] first = new long[5];
        for (int i = 0; i < first.length; i++) {
            first[i] = rng.nextUnsigned();
        }
        assertArrayEquals(new long[] {1791095845L, 4282876139L, 3093770124L, 4005303368L, 491263L}, first);
        Mt19937 standard = new Mt19937(5489);
        long v = 0;
        for (int i = 0; i < 10000; i++) {
            v = standard.nextUnsigned();
        }
        assertEquals(4123659995L, v, "the C++ standard's check value: 10000th output of a default-seeded mt19937");
    }

    @Test
    void uniformIndexMatchesLibstdcxx() {
        Mt19937 rng = new Mt19937(1);
        int[] draws = new int[20];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = rng.uniformIndex(7);
        }
        assertArrayEquals(new int[] {2, 6, 5, 6, 0, 0, 2, 6, 1, 1, 0, 2, 1, 2, 2, 4, 2, 6, 3, 5}, draws);
    }

    @Test
    void llamaPerplexityPicksTheseHellaswagTasksFirst() {
        Mt19937 rng = new Mt19937(1);
        List<Integer> left = new ArrayList<>();
        for (int t = 0; t < 10042; t++) {
            left.add(t);
        }
        int[] picks = new int[12];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = left.remove(rng.uniformIndex(left.size()));
        }
        assertArrayEquals(new int[] {4187, 10013, 7233, 9363, 1, 1286, 3036, 10032, 1474, 2371, 927, 3984}, picks);
    }
}
