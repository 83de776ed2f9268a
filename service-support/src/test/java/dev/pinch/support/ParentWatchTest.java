package dev.pinch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    @Test
    void aRealProcessIsAliveUntilItEnds() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        assertThat(ParentWatch.isAlive(sleeper.pid())).isTrue();
        assertThat(ParentWatch.isAlive(ProcessHandle.current().pid())).isTrue();
        sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        assertThat(ParentWatch.isAlive(sleeper.pid())).isFalse();
    }

    @Test
    void callsBackOnceWhenTheParentIsGone() throws Exception {
        Process parent = new ProcessBuilder("sleep", "30").start();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch gone = new CountDownLatch(1);
        try (ParentWatch watch = ParentWatch.start(parent.pid(), 20, ParentWatch::isAlive, () -> {
            calls.incrementAndGet();
            gone.countDown();
        })) {
            Thread.sleep(100);
            assertThat(calls).as("parent still alive").hasValue(0);
            parent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            assertThat(gone.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            assertThat(calls).as("called once only").hasValue(1);
        }
    }
}
