package dev.lmscore.engine.perplexity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lmscore.engine.LmscoreException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPlanTest {

    @Test
    void chunksFollowLlamaPerplexity() {
        List<Window> chunks = WindowPlan.chunks(1000, 128, true, 0);
        assertEquals(7, chunks.size(), "remainder dropped");
        Window second = chunks.get(1);
        assertEquals(128, second.sourceStart());
        assertTrue(second.bosFirst());
        assertEquals(64, second.scoreFrom());
        assertEquals(127, second.scoreTo());
        assertEquals(63, second.scoredTokens(), "positions n/2 .. n-2: 63 tokens per 128-token chunk");
        assertEquals(3, WindowPlan.chunks(1000, 128, true, 3).size());
    }

    @Test
    void tooShortTextIsRefused() {
        LmscoreException e = assertThrows(LmscoreException.class, () -> WindowPlan.chunks(255, 128, true, 0));
        assertTrue(e.getMessage().contains("needs at least 256"));
    }

    @ParameterizedTest
    @CsvSource({"1000,128,128", "1000,128,32", "129,128,128", "5,128,128", "1000,64,1"})
    void rollingWindowsPredictEveryTokenOnceWithinTheContext(int tokens, int n, int stride) {
        List<Window> windows = WindowPlan.rolling(tokens, n, stride, true, 0);
        boolean[] predicted = new boolean[tokens];
        for (Window w : windows) {
            assertTrue(w.length() <= n, "window fits the context");
            for (int p = w.scoreFrom(); p < w.scoreTo(); p++) {
                int target = w.sourceStart() + p + 1;
                assertTrue(!predicted[target], "token " + target + " predicted twice");
                predicted[target] = true;
                assertTrue(p >= Math.min(p, n - stride), "context of at least n - stride tokens");
            }
        }
        for (int t = 0; t < tokens; t++) {
            assertTrue(predicted[t], "token " + t + " not predicted");
        }
    }
}
