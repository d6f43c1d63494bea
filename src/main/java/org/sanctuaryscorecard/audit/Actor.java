package org.sanctuaryscorecard.audit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who is acting: an account (its id and name) from an address, or the system itself (start-up imports, scripted
 * installs). The web layer sets the actor of each request; anything recorded while it works names that actor.
 *
 * @param accountId the account's id, or null for the system and for anonymous visitors
 * @param name      the name shown in histories and the audit trail
 * @param origin    the client's address, or null
 */
public record Actor(Long accountId, String name, String origin) {

    /** The application itself. */
    public static final Actor SYSTEM = new Actor(null, "system", null);

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    /** The actor of the current thread, or {@link #SYSTEM}. */
    public static Actor current() {
        Actor actor = CURRENT.get();
        return actor == null ? SYSTEM : actor;
    }

    /** Runs work as this actor, restoring the previous one afterwards. */
    public <T> T call(Supplier<T> work) {
        Actor previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs work as this actor. */
    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Makes this the actor of the current thread until {@link #clear()} (for a filter around a request). */
    public void enter() {
        CURRENT.set(this);
    }

    /** Forgets the current thread's actor. */
    public static void clear() {
        CURRENT.remove();
    }
}
