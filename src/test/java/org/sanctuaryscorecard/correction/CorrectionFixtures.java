package org.sanctuaryscorecard.correction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.audit.Actor;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published and draft assessments, client addresses and correction forms for the correction tests. Every test uses
 * addresses of its own ({@link #newAddress()}), so that the rate limits of one test never touch another's (the test
 * database is shared by all the tests of one Spring context).
 */
public final class CorrectionFixtures {

    public static final String QUESTION = "question.detainers.formal-policy";
    public static final String XSS = "<script>alert('x')</script>";
    public static final String PDF_BYTES = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private CorrectionFixtures() {
    }

    /** A new published assessment of Fresno County in the organization. */
    public static long published(Assessments assessments, long organizationId) {
        long id = draft(assessments, organizationId);
        Actor.SYSTEM.run(() -> {
            assessments.setStatus(id, 1, "in-review", null, "Ana");
            assessments.setStatus(id, 3, "published", null, "Rae");
        });
        return id;
    }

    /** A new draft of Fresno County in the organization, with one answer. */
    public static long draft(Assessments assessments, long organizationId) {
        return Actor.SYSTEM.call(() -> {
            long id = assessments.create("06019", organizationId, "Fresno County 2026", "Ana", "2026-09-01", "Ana").id();
            assessments.saveAnswer(id, QUESTION, 0, "N", "No written policy.", "Ana");
            return id;
        });
    }

    /** An address no other test uses (198.18.0.0/15, set aside for tests). */
    public static String newAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    /** Makes the request come from this address. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /**
     * The correction form of an assessment, filled in well, with its CSRF token, from a new address.
     *
     * @param changes field names and values (pairs) that replace the good ones
     */
    public static MockMultipartHttpServletRequestBuilder form(long assessmentId, String... changes) {
        return formFrom(assessmentId, newAddress(), changes);
    }

    /** The correction form of an assessment, filled in well but for {@code changes}, from this address. */
    public static MockMultipartHttpServletRequestBuilder formFrom(long assessmentId, String address, String... changes) {
        Map<String, String> fields = good(changes);
        fields.put("website", fields.getOrDefault("website", ""));
        MockMultipartHttpServletRequestBuilder form = multipart("/corrections/assessments/" + assessmentId);
        form.with(csrf()).with(from(address));
        fields.forEach(form::param);
        return form;
    }

    /** A small PDF. */
    public static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", PDF_BYTES.getBytes(StandardCharsets.US_ASCII));
    }

    /** The JSON of a good request, with one field replaced (or added) when {@code field} is given. */
    public static String json(String field, String value) {
        return JsonMapper.builder().build().writeValueAsString(field == null ? good() : good(field, value));
    }

    /** The fields of a good request, with {@code changes} (field names and values, in pairs) made. */
    private static Map<String, String> good(String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Dana Official");
        fields.put("organization", "Fresno County Counsel");
        fields.put("email", "dana@example.gov");
        fields.put("part", QUESTION);
        fields.put("whatIsWrong", "The county adopted a written policy in 2025.");
        fields.put("shouldSay", "Yes, with the policy as evidence.");
        fields.put("citation", "Board resolution 2025-31, section 2");
        fields.put("link", "https://example.gov/resolution-2025-31");
        for (int i = 0; i + 1 < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        return fields;
    }
}
