package io.wsscan.ir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NestingTest {

    @Test
    void depthPastTheLimitIsRefusedAndRecovers() {
        Nesting n = new Nesting();
        for (int i = 0; i < Nesting.MAX; i++) n.enter();
        assertThrows(Nesting.TooDeep.class, n::enter);
        n.exit();
        n.exit();
        n.enter(); // back within the limit
    }

    @Test
    void anInterruptedThreadStopsWithinAFewThousandNodes() {
        Nesting n = new Nesting();
        Thread.currentThread().interrupt();
        try {
            int entered = 0;
            try {
                for (; entered < 10_000; entered++) {
                    n.enter();
                    n.exit();
                }
                fail("not stopped");
            } catch (Nesting.Interrupted e) {
                assertTrue(entered < 4_096, "stopped after " + entered);
            }
        } finally {
            Thread.interrupted();
        }
    }
}
