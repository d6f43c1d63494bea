package org.sanctuaryscorecard.assessment.web;

import jakarta.servlet.http.HttpSession;

/**
 * The name of the person making a change, shown in the history. Until accounts exist it is what the person typed in
 * "Your name"; the browser session remembers it between saves.
 */
final class EditorName {

    static final String SESSION_KEY = "scorecard.editorName";

    private EditorName() {
    }

    static String of(String given, HttpSession session) {
        if (given != null && !given.isBlank()) {
            String name = given.strip();
            if (session != null) {
                session.setAttribute(SESSION_KEY, name);
            }
            return name;
        }
        return session == null ? null : (String) session.getAttribute(SESSION_KEY);
    }

    static String remembered(HttpSession session) {
        return session == null ? "" : String.valueOf(session.getAttribute(SESSION_KEY) == null ? "" : session.getAttribute(SESSION_KEY));
    }
}
