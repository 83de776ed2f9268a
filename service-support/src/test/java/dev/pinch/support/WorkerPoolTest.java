package dev.pinch.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    /** Work that runs until asked to stop or released, recording how it ended. */
    final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    final List<String> ended = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    final WorkerPool.Work work = (id, stop) -> {
        while (!stop.getAsBoolean() && release.getCount() > 0) {
            sleep(5);
        }
        ended.add(id + (stop.getAsBoolean() ? ":stopped" : ":done"));
    };

    @Test
    void oneWorkerTakesOneItemAtATimeAndReportsItsCapacity() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        WorkerPool pool = new WorkerPool("test-worker", 1, work, cancelled::contains);
        pool.onCapacityChange(changes::incrementAndGet);
        assertThat(pool.hasFreeWorker()).isTrue();

        pool.submit("a");
        pool.submit("a");
        pool.submit("b");
        assertThat(pool.hasFreeWorker()).isFalse();
        assertThat(pool.isScheduled("a")).isTrue();
        assertThat(changes).as("a and b queued once each").hasValue(2);

        cancelled.add("a");
        awaitUntil(() -> pool.active() == 1 && ended.contains("a:stopped"));
        release.countDown();
        awaitUntil(() -> ended.size() == 2 && pool.hasFreeWorker());
        assertThat(ended).containsExactly("a:stopped", "b:done");
        assertThat(changes).as("and each left its worker").hasValue(4);
        pool.stop(Duration.ofSeconds(1));
    }

    @Test
    void interruptAndStopAskRunningWorkToStop() throws Exception {
        WorkerPool pool = new WorkerPool("test-worker", 2, work, cancelled::contains);
        pool.submit("x");
        pool.submit("y");
        awaitUntil(() -> pool.active() == 2);
        pool.interrupt("x");
        awaitUntil(() -> ended.contains("x:stopped"));
        pool.stop(Duration.ofSeconds(5));
        assertThat(ended).containsExactlyInAnyOrder("x:stopped", "y:stopped");
        assertThat(pool.accepting()).isFalse();
        pool.submit("z");
        assertThat(pool.isScheduled("z")).as("nothing is queued once stopping").isFalse();
    }

    @Test
    void aFailingItemFreesItsWorkerAndAnEarlyInterruptStopsTheItemOnce() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        WorkerPool pool = new WorkerPool("test-worker", 1, (id, stop) -> {
            if (id.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            ended.add(id + (stop.getAsBoolean() ? ":stopped" : ":done"));
        }, cancelled::contains);
        pool.onCapacityChange(changes::incrementAndGet);
        pool.interrupt("later");
        pool.submit("bad");
        awaitUntil(() -> changes.get() == 2 && pool.hasFreeWorker());
        pool.submit("later");
        awaitUntil(() -> ended.contains("later:stopped"));
        pool.submit("later");
        awaitUntil(() -> ended.contains("later:done"));
        assertThat(ended).as("an interrupt sent before the item was queued stops its next run only").containsExactly(
                "later:stopped", "later:done");
        pool.stop(Duration.ofSeconds(1));
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
