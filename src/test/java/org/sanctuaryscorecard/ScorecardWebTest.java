package org.sanctuaryscorecard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one shared configuration for MockMvc tests: the whole application, in-memory database, no server.
 *
 * <p>Without the public answers kept in front of the application ({@code web.internal.PublicAnswers}): MockMvc signs
 * people in by putting a security context into the request, with no session cookie and no Authorization header, which
 * no real request does; the front cache tells readers apart by what the request carries, so it would take such a
 * request for one not signed in. Tests on a real server (PublicAnswersTest, the browser tests) run with it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "scorecard.public-answers.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface ScorecardWebTest {
}
