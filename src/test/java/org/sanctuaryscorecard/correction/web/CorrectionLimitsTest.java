package org.sanctuaryscorecard.correction.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.from;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.formFrom;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.json;
import static org.sanctuaryscorecard.correction.CorrectionFixtures.newAddress;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.sanctuaryscorecard.ScorecardWebTest;
import org.sanctuaryscorecard.audit.Actor;
import org.sanctuaryscorecard.correction.CorrectionFixtures;
import org.sanctuaryscorecard.correction.CorrectionInput;
import org.sanctuaryscorecard.correction.CorrectionLimitException;
import org.sanctuaryscorecard.correction.CorrectionLimits;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.correction.internal.ClientKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The rate limits: per client address an hour and a day, per scorecard a day. Over a limit: 429 with Retry-After and
 * a message that says how long to wait, the form with what was typed, and nothing stored. Requests arriving at once
 * never overrun a limit.
 */
@ScorecardWebTest
class CorrectionLimitsTest extends CorrectionWebTests {

    @Autowired
    Corrections corrections;

    @Autowired
    CorrectionLimits limits;

    long storedWithKey(String clientKey) {
        return jdbc.sql("SELECT COUNT(*) FROM correction_request WHERE client_key = ?").param(clientKey).query(Long.class).single();
    }

    long storedFor(long assessmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM correction_request WHERE assessment_id = ?").param(assessmentId).query(Long.class).single();
    }

    /** Stores a request as if it had arrived {@code ago}, from a client (by its key). */
    void arrived(long assessmentId, String clientKey, Duration ago) {
        jdbc.sql("INSERT INTO correction_request (assessment_id, organization_id, assessment_revision, received_at, origin, client_key, "
                        + "requester_name, part, what_is_wrong, citation, status, version) VALUES (?, ?, 1, ?, ?, ?, 'Earlier', 'other', "
                        + "'earlier request', 'x', 'new', 1)")
                .params(assessmentId, organization.id(), Timestamp.from(Instant.now().minus(ago)), clientKey, clientKey)
                .update();
    }

    @Test
    void theDefaultsAreThoseDocsSecurityMdStates() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "security.md"));
        assertThat(docs).contains("| Requests from one client | 5 an hour and 20 a day", "| Requests about one scorecard, from everyone | 50 a day",
                "the reviewer's note | 5,000 characters", "| File | one, 10 MB");
        assertThat(limits.perClientPerHour()).isEqualTo(5);
        assertThat(limits.perClientPerDay()).isEqualTo(20);
        assertThat(limits.perAssessmentPerDay()).isEqualTo(50);
        assertThat(limits.textMax()).isEqualTo(5000);
        assertThat(limits.fileMax().toMegabytes()).isEqualTo(10);
    }

    @Test
    void theSixthRequestInAnHourFromOneAddressIsRefusedWithRetryAfterAndNothingIsStored() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formFrom(id, address)).andExpect(status().is3xxRedirection());
        }
        MvcResult refused = mvc.perform(formFrom(id, address, "whatIsWrong", "My sixth try"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andReturn();
        long retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
        assertThat(retryAfter).isBetween(3500L, 3600L);
        Document page = Jsoup.parse(refused.getResponse().getContentAsString());
        assertThat(page.select("#problem[role=alert]").text()).isEqualTo("You have sent 5 correction requests in the last hour from this "
                + "connection, the most we accept. Please try again in 60 minutes. Nothing was stored; if you have more to add, put it all "
                + "in one request.");
        assertThat(page.getElementById("c-whatIsWrong").text()).as("what was typed comes back").isEqualTo("My sixth try");
        assertThat(storedWithKey(address)).isEqualTo(5);

        // the API counts the same requests
        mvc.perform(post("/api/corrections/assessments/" + id).with(from(address)).contentType(MediaType.APPLICATION_JSON)
                        .content(json(null, null)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("You have sent 5 correction requests in the last hour")));
        assertThat(storedWithKey(address)).isEqualTo(5);

        // another address is not held back
        mvc.perform(formFrom(id, newAddress())).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAddressThatSentTwentyRequestsInADayWaitsUntilTheOldestIsADayOld() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        for (int i = 0; i < 20; i++) {
            arrived(id, address, Duration.ofHours(23).minusMinutes(i)); // the oldest, 23 hours ago, leaves the window in an hour
        }
        MvcResult refused = mvc.perform(formFrom(id, address))
                .andExpect(status().isTooManyRequests())
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(3500L, 3600L);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#problem").text())
                .startsWith("You have sent 20 correction requests in the last 24 hours from this connection, the most we accept. "
                        + "Please try again in 60 minutes. Nothing was stored.");
        assertThat(storedWithKey(address)).isEqualTo(20);

        String older = newAddress();
        for (int i = 0; i < 20; i++) {
            arrived(id, older, Duration.ofHours(25).plusMinutes(i)); // more than a day ago: they no longer count
        }
        mvc.perform(formFrom(id, older)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aScorecardTakesFiftyRequestsADayFromEveryoneTogether() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        for (int i = 0; i < 50; i++) {
            arrived(id, newAddress(), Duration.ofHours(20).minusMinutes(i));
        }
        MvcResult refused = mvc.perform(formFrom(id, newAddress()))
                .andExpect(status().isTooManyRequests())
                .andReturn();
        assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isBetween(4 * 3600L - 100, 4 * 3600L);
        assertThat(Jsoup.parse(refused.getResponse().getContentAsString()).select("#problem").text())
                .startsWith("This scorecard has received 50 correction requests in the last 24 hours, the most it accepts. "
                        + "Please try again in about 4 hours. Nothing was stored.");
        assertThat(storedFor(id)).isEqualTo(50);
        // another scorecard still takes requests
        mvc.perform(formFrom(CorrectionFixtures.published(assessments, organization.id()), newAddress()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void ipv6AddressesOfOneNetworkShareALimit() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String network = "2001:db8:" + Integer.toHexString(newAddress().hashCode() & 0xffff) + ":7";
        for (int i = 1; i <= 5; i++) {
            mvc.perform(formFrom(id, network + "::" + i)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(formFrom(id, network + ":ffff:ffff:ffff:ffff")).andExpect(status().isTooManyRequests());
        assertThat(storedWithKey(ClientKey.of(network + "::1"))).isEqualTo(5);
        mvc.perform(formFrom(id, network.substring(0, network.length() - 1) + "8::1")).andExpect(status().is3xxRedirection());
    }

    @Test
    void requestsArrivingAtOnceFromOneAddressNeverOverrunTheLimit() throws Exception {
        long id = CorrectionFixtures.published(assessments, organization.id());
        String address = newAddress();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            Callable<String> send = () -> {
                start.await();
                try {
                    new Actor(null, "anonymous", address).call(() -> corrections.receive(id, new CorrectionInput("Client " + n, null, null,
                            "other", "At once " + n, null, "Sec. " + n, null, null, null)));
                    return "stored";
                } catch (CorrectionLimitException e) {
                    return "refused";
                }
            };
            outcomes.add(pool.submit(send));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();
        assertThat(results).filteredOn("stored"::equals).hasSize(5);
        assertThat(results).filteredOn("refused"::equals).hasSize(7);
        assertThat(storedWithKey(address)).isEqualTo(5);
    }
}
