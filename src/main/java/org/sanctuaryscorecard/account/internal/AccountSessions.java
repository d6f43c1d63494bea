package org.sanctuaryscorecard.account.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions (which the database keeps, for every instance at once): when it is disabled or its
 * password is reset, and its other sessions when its owner changes the password.
 */
@Component
public class AccountSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    /**
     * Ends every session of this username except {@code keep} (a session id, or null).
     *
     * @return how many sessions ended
     */
    public int end(String username, String keep) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getIfAvailable();
        if (sessions == null) {
            return 0;
        }
        int ended = 0;
        for (String id : sessions.findByPrincipalName(username).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
