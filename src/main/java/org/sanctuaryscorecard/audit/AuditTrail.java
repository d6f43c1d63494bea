package org.sanctuaryscorecard.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.sanctuaryscorecard.audit.internal.AuditStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every change with its actor ({@link Actor#current()}), time, origin and the values before and after. A
 * change and its record are written in the same transaction: a change that is acknowledged is in the trail.
 */
@Service
public class AuditTrail {

    /** Longest value kept before and after (characters of JSON); longer ones are cut and marked. */
    public static final int VALUE_MAX = 40_000;

    private final AuditStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** Changes recorded by this instance, counted when recorded and again when their transaction ends. */
    private final AtomicLong recordedHere = new AtomicLong();
    /** The newest event number in the database at the last reading, and when ({@link System#nanoTime}) to read again. */
    private volatile long latestEvent = -1;
    private final AtomicLong nextReading = new AtomicLong(System.nanoTime());

    public AuditTrail(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records a change, joining the caller's transaction.
     *
     * @param before the value before (a map, a string, a record ...), serialized as JSON; null when created
     * @param after  the value after; null when removed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long organizationId, String targetType, String targetId, String action, Object before, Object after) {
        Actor actor = Actor.current();
        store.insert(clock.instant(), actor.accountId(), actor.name(), actor.origin(), organizationId, targetType, targetId, action,
                asJson(before), asJson(after));
        countRecorded();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // counted again once committed (or rolled back): what was read between the two counts may be the old state
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    countRecorded();
                }
            });
        }
    }

    /**
     * Where the trail stands, for caches of what the public reads (every change is recorded, in its own transaction):
     * the changes recorded by this instance, counted when recorded and again when their transaction ends, and the
     * newest event number in the database, read again when the last reading is older than {@code freshness} (another
     * instance sharing the database writes there). Two equal marks mean: nothing recorded here in between, and nothing
     * by others that the database showed when the later mark was read.
     */
    public Mark mark(Duration freshness) {
        long now = System.nanoTime();
        long next = nextReading.get();
        if (latestEvent < 0 || (now - next >= 0 && nextReading.compareAndSet(next, now + freshness.toNanos()))) {
            latestEvent = store.latestId();
        }
        return new Mark(recordedHere.get(), latestEvent);
    }

    /** One more change here; the next mark reads the newest event number again (it includes this one once committed). */
    private void countRecorded() {
        recordedHere.incrementAndGet();
        nextReading.set(System.nanoTime());
    }

    /** See {@link #mark(Duration)}. */
    public record Mark(long recordedHere, long latestEvent) {
    }

    /** Records an event that is its own transaction (a failed sign-in, which changes nothing else). */
    @Transactional
    public void recordAlone(Long organizationId, String targetType, String targetId, String action, Object before, Object after) {
        record(organizationId, targetType, targetId, action, before, after);
    }

    /** An organization's events, newest first, at most {@code limit} before the event numbered {@code beforeId}. */
    @Transactional(readOnly = true)
    public List<AuditEvent> forOrganization(long organizationId, long beforeId, int limit) {
        return page(AuditQuery.of(organizationId), beforeId, limit);
    }

    /** All events of the installation (every organization's and its own), newest first, as {@link #forOrganization}. */
    @Transactional(readOnly = true)
    public List<AuditEvent> all(long beforeId, int limit) {
        return page(AuditQuery.everything(), beforeId, limit);
    }

    /**
     * The events the query selects, newest first: at most {@code limit} (up to 1000) whose number is below
     * {@code beforeId}, so that a page stays the same however many events are added meanwhile.
     */
    @Transactional(readOnly = true)
    public List<AuditEvent> page(AuditQuery query, long beforeId, int limit) {
        return store.page(query, beforeId, Math.max(1, Math.min(limit, 1000)));
    }

    /** Every event (of one organization, or all when null), oldest first, handed to {@code sink} one at a time. */
    @Transactional(readOnly = true)
    public void each(Long organizationId, Consumer<AuditEvent> sink) {
        each(AuditQuery.of(organizationId), sink);
    }

    /** Every event the query selects, oldest first, handed to {@code sink} one at a time (never all in memory). */
    @Transactional(readOnly = true)
    public void each(AuditQuery query, Consumer<AuditEvent> sink) {
        store.each(query, sink);
    }

    /** The events about one target, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> forTarget(String targetType, String targetId) {
        return store.forTarget(targetType, targetId);
    }

    /** How many events there are (of one organization, or all). */
    @Transactional(readOnly = true)
    public long count(Long organizationId) {
        return store.count(AuditQuery.of(organizationId));
    }

    /** The actions recorded (of one organization, or all when null), for a choice of filter. */
    @Transactional(readOnly = true)
    public List<String> actions(Long organizationId) {
        return store.actions(organizationId);
    }

    private String asJson(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof String s ? json.writeValueAsString(Map.of("value", s)) : json.writeValueAsString(value);
        return text.length() <= VALUE_MAX ? text : text.substring(0, VALUE_MAX - 20) + "…(cut)";
    }
}
