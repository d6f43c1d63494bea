package org.sanctuaryscorecard.report.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.sanctuaryscorecard.assessment.Assessment;
import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentContent.Evidence;
import org.sanctuaryscorecard.assessment.AssessmentStatus;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.jurisdiction.Jurisdiction;
import org.sanctuaryscorecard.jurisdiction.JurisdictionCatalog;
import org.sanctuaryscorecard.jurisdiction.JurisdictionKind;
import org.sanctuaryscorecard.policy.Policies;
import org.sanctuaryscorecard.protection.EffectiveLabel;
import org.sanctuaryscorecard.protection.EffectiveProtections;
import org.sanctuaryscorecard.scoring.CriterionResult;
import org.sanctuaryscorecard.scoring.CriterionStatus;
import org.sanctuaryscorecard.scoring.ScoreSummary;
import org.sanctuaryscorecard.scoring.Scoring;
import org.sanctuaryscorecard.web.CsvCells;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open data: every published assessment as rows, one per assessment × criterion, × provision and × landscape
 * question, in CSV and JSON. The columns are defined once here ({@link Column}); the files and the codebook are both
 * made from these definitions, so that the codebook describes exactly what the files hold. Files are written while
 * the assessments are read, one at a time (never all in memory).
 */
@Component
public class OpenData {

    /** Between the values of a cell that holds several (citations, links, quotes). */
    public static final String SEPARATOR = " | ";

    /** The data licence of the project's assessments (the government texts they quote are public records). */
    public static final String LICENCE = "CC-BY-4.0";
    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

    /** The types a column can have, as the codebook names them. */
    public enum Type { STRING, INTEGER, DATE, BOOLEAN, URL, TEXT }

    /**
     * One column: its name in the files, its type, the values it may take (empty when any value of its type), and a
     * message key for its meaning and its source ({@code opendata.column.<name>.meaning} / {@code .source}).
     */
    public record Column<R>(String name, Type type, List<String> allowed, Function<R, Object> value) {

        public String meaningKey() {
            return "opendata.column." + name + ".meaning";
        }

        public String sourceKey() {
            return "opendata.column." + name + ".source";
        }

        public String typeName() {
            return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One dataset: its name (the file's), its columns, its rows (given one at a time to a sink, with the address the
     * files link to), and the state of the data the rows come from (for the ETag: it changes when the rows may).
     */
    public record Dataset<R>(String id, List<Column<R>> columns, BiConsumer<String, Consumer<R>> rows, Supplier<String> state) {

        public String descriptionKey() {
            return "opendata.dataset." + id;
        }

        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }
    }

    /** A published assessment as the rows see it. */
    public record Published(Assessment assessment, Jurisdiction jurisdiction, boolean latest, ScoreSummary scores, String base) {
        AssessmentContent content() {
            return assessment.content();
        }
    }

    /** One row: the assessment and the item (criterion, provision or landscape question id) it is about. */
    public record Row(Published p, String item, List<Evidence> evidence) {
    }

    /** One row of the effective protection: a state or county, on a date, and its effective label on one provision. */
    public record ProtectionRow(Jurisdiction jurisdiction, LocalDate asOf, EffectiveLabel label, String base) {
    }

    private final Assessments assessments;
    private final JurisdictionCatalog catalog;
    private final Framework framework;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EffectiveProtections protections;
    private final Policies policies;
    private final Clock clock;
    private final List<Dataset<?>> datasets;

    OpenData(Assessments assessments, JurisdictionCatalog catalog, Framework framework, EffectiveProtections protections,
             Policies policies, Clock clock) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.framework = framework;
        this.protections = protections;
        this.policies = policies;
        this.clock = clock;
        this.datasets = List.of(
                assessmentDataset("criteria", concat(assessmentColumns(), criterionColumns(), evidenceColumns()), this::criterionRows),
                assessmentDataset("provisions", concat(assessmentColumns(), provisionColumns(), evidenceColumns()), this::provisionRows),
                assessmentDataset("landscape", concat(assessmentColumns(), landscapeColumns(), evidenceColumns()), this::landscapeRows),
                new Dataset<>("protection", protectionColumns(), this::protectionRows, this::protectionState));
    }

    private Dataset<Row> assessmentDataset(String id, List<Column<Row>> columns, Function<Published, List<Row>> rows) {
        return new Dataset<>(id, columns, (base, sink) -> eachPublished(base, p -> rows.apply(p).forEach(sink)), this::publishedState);
    }

    public List<Dataset<?>> datasets() {
        return datasets;
    }

    public Optional<Dataset<?>> dataset(String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    // ---------------------------------------------------------------- the columns

    private List<Column<Row>> assessmentColumns() {
        return List.of(
                new Column<>("jurisdiction_geoid", Type.STRING, List.of(), r -> r.p().jurisdiction().geoid()),
                new Column<>("jurisdiction_name", Type.STRING, List.of(), r -> r.p().jurisdiction().name()),
                new Column<>("jurisdiction_kind", Type.STRING, Stream.of(JurisdictionKind.values()).map(JurisdictionKind::id).toList(),
                        r -> r.p().jurisdiction().kind().id()),
                new Column<>("state_code", Type.STRING, List.of(), r -> r.p().jurisdiction().stateCode()),
                new Column<>("assessment_id", Type.INTEGER, List.of(), r -> r.p().assessment().id()),
                new Column<>("assessment_title", Type.TEXT, List.of(), r -> r.p().content().title()),
                new Column<>("assessment_author", Type.STRING, List.of(), r -> r.p().content().author()),
                new Column<>("as_of", Type.DATE, List.of(), r -> r.p().content().asOf() == null ? null : r.p().content().asOf().toString()),
                new Column<>("revision", Type.INTEGER, List.of(), r -> r.p().assessment().revision()),
                new Column<>("example", Type.BOOLEAN, List.of("true", "false"), r -> r.p().content().example() != null),
                new Column<>("latest_for_jurisdiction", Type.BOOLEAN, List.of("true", "false"), r -> r.p().latest()),
                new Column<>("framework_version", Type.STRING, List.of(), r -> r.p().assessment().frameworkVersion()),
                new Column<>("scorecard_url", Type.URL, List.of(), r -> r.p().base() + "/assessments/" + r.p().assessment().id()));
    }

    private List<Column<Row>> criterionColumns() {
        return List.of(
                new Column<>("criterion_id", Type.STRING, framework.criteria().stream().map(Framework.Criterion::id).toList(), Row::item),
                new Column<>("criterion_number", Type.INTEGER, List.of(), r -> criterion(r).number()),
                new Column<>("criterion_name", Type.STRING, List.of(), r -> criterion(r).name()),
                new Column<>("status", Type.STRING, Stream.of(CriterionStatus.values()).map(CriterionStatus::id).toList(),
                        r -> result(r).status().id()),
                new Column<>("waiting_for", Type.STRING, List.of(), r -> numbers(result(r).unanswered())),
                new Column<>("needs_review_of", Type.STRING, List.of(), r -> numbers(result(r).needReview())),
                new Column<>("answers", Type.STRING, List.of(), this::answers));
    }

    private List<Column<Row>> provisionColumns() {
        return List.of(
                new Column<>("provision_id", Type.STRING, framework.provisions().stream().map(Framework.Provision::id).toList(), Row::item),
                new Column<>("provision_name", Type.STRING, List.of(), r -> framework.provision(r.item()).orElseThrow().name()),
                new Column<>("label", Type.STRING, framework.provisionLabels().stream().map(Framework.ProvisionLabel::id).toList(),
                        r -> r.p().content().provisionCheck(r.item()).label()),
                new Column<>("explanation", Type.TEXT, List.of(), r -> r.p().content().provisionCheck(r.item()).explanation()));
    }

    private List<Column<Row>> landscapeColumns() {
        return List.of(
                new Column<>("question_id", Type.STRING, framework.landscape().questions().stream()
                        .map(Framework.LandscapeQuestion::id).toList(), Row::item),
                new Column<>("question_text", Type.TEXT, List.of(), r -> framework.landscapeQuestion(r.item()).orElseThrow().text()),
                new Column<>("choice", Type.STRING, List.of(), r -> r.p().content().landscapeAnswer(r.item()).choice()),
                new Column<>("text", Type.TEXT, List.of(), r -> r.p().content().landscapeAnswer(r.item()).text()),
                new Column<>("agencies", Type.STRING, List.of(), r -> joined(r.p().content().landscapeAnswer(r.item()).agencies())),
                new Column<>("link", Type.URL, List.of(), r -> r.p().content().landscapeAnswer(r.item()).link()));
    }

    private static List<Column<Row>> evidenceColumns() {
        return List.of(
                new Column<>("evidence_count", Type.INTEGER, List.of(), r -> r.evidence().size()),
                new Column<>("citations", Type.TEXT, List.of(), r -> joined(r.evidence().stream()
                        .map(e -> e.sourceTitle() + (e.citation() == null ? "" : ", " + e.citation())).toList())),
                new Column<>("source_urls", Type.TEXT, List.of(), r -> joined(r.evidence().stream()
                        .map(Evidence::url).filter(u -> u != null).toList())),
                new Column<>("quotes", Type.TEXT, List.of(), r -> joined(r.evidence().stream()
                        .map(Evidence::quote).filter(q -> q != null).toList())));
    }

    /** The effective protection's columns: one state or county, one provision, its effective label and its source. */
    private List<Column<ProtectionRow>> protectionColumns() {
        return List.of(
                new Column<>("jurisdiction_geoid", Type.STRING, List.of(), r -> r.jurisdiction().geoid()),
                new Column<>("jurisdiction_name", Type.STRING, List.of(), r -> r.jurisdiction().name()),
                new Column<>("jurisdiction_kind", Type.STRING, List.of(JurisdictionKind.STATE.id(), JurisdictionKind.COUNTY.id()),
                        r -> r.jurisdiction().kind().id()),
                new Column<>("state_code", Type.STRING, List.of(), r -> r.jurisdiction().stateCode()),
                new Column<>("effective_as_of", Type.DATE, List.of(), r -> r.asOf().toString()),
                new Column<>("provision_id", Type.STRING, framework.provisions().stream().map(Framework.Provision::id).toList(),
                        r -> r.label().provision()),
                new Column<>("provision_name", Type.STRING, List.of(), r -> framework.provision(r.label().provision()).orElseThrow().name()),
                new Column<>("effective_label", Type.STRING, framework.provisionLabels().stream().map(Framework.ProvisionLabel::id).toList(),
                        r -> r.label().label()),
                new Column<>("source_level", Type.STRING, List.of("state", "county", "place"),
                        r -> r.label().source() == null ? null : r.label().source().level()),
                new Column<>("source_geoid", Type.STRING, List.of(), r -> r.label().source() == null ? null : r.label().source().geoid()),
                new Column<>("source_citation", Type.TEXT, List.of(), r -> r.label().source() == null ? null : r.label().source().name()),
                new Column<>("source_status", Type.STRING, List.of(), r -> r.label().source() == null ? null : r.label().source().status()),
                new Column<>("source_quote", Type.TEXT, List.of(), r -> r.label().source() == null ? null : r.label().source().quote()),
                new Column<>("policy_url", Type.URL, List.of(),
                        r -> r.label().source() == null ? null : r.base() + "/policies/" + r.label().source().policyId()),
                new Column<>("preempted", Type.BOOLEAN, List.of("true", "false"), r -> r.label().preempted()),
                new Column<>("follows_jail", Type.BOOLEAN, List.of("true", "false"), r -> r.label().jail()),
                new Column<>("conflicts", Type.TEXT, List.of(), r -> joined(r.label().conflicts().stream()
                        .map(c -> c.name() + " (" + c.level() + ", " + c.label() + ")").toList())),
                new Column<>("effective_explanation", Type.TEXT, List.of(), r -> r.label().explanation()));
    }

    @SafeVarargs
    private static List<Column<Row>> concat(List<Column<Row>>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }

    private Framework.Criterion criterion(Row r) {
        return framework.criterion(r.item()).orElseThrow();
    }

    private static CriterionResult result(Row r) {
        return r.p().scores().criterion(r.item());
    }

    private String numbers(List<String> questions) {
        return questions.isEmpty() ? null : framework.questionNumbers(questions);
    }

    /** "1.1=Y; 1.2=N; 1.3=" : each question of the criterion by its number, and its answer (empty when not answered). */
    private String answers(Row r) {
        return criterion(r).questions().stream()
                .map(q -> framework.questionNumber(q.id()) + "=" + Optional.ofNullable(r.p().content().answer(q.id()).answer()).orElse(""))
                .collect(Collectors.joining("; "));
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(SEPARATOR, values);
    }

    // ---------------------------------------------------------------- the rows

    private List<Row> criterionRows(Published p) {
        return framework.criteria().stream().map(c -> new Row(p, c.id(), c.questions().stream()
                .flatMap(q -> p.content().evidenceFor(q.id()).stream()).distinct().toList())).toList();
    }

    private List<Row> provisionRows(Published p) {
        return framework.provisions().stream().map(pr -> new Row(p, pr.id(), p.content().evidenceFor("provision." + pr.id()))).toList();
    }

    private List<Row> landscapeRows(Published p) {
        return framework.landscape().questions().stream().map(q -> new Row(p, q.id(), p.content().evidenceFor(q.id()))).toList();
    }

    /**
     * Every state, then every county, that a policy on record reaches (the others are left out: nothing is known of
     * them), by GEOID, with its effective label on each provision today.
     */
    private void protectionRows(String base, Consumer<ProtectionRow> sink) {
        LocalDate today = LocalDate.now(clock);
        for (String level : List.of("state", "county")) {
            new TreeMap<>(protections.forAll(level, today)).forEach((geoid, labels) -> {
                if (labels.stream().anyMatch(l -> l.source() != null)) {
                    Jurisdiction jurisdiction = catalog.find(geoid).orElseThrow();
                    labels.forEach(l -> sink.accept(new ProtectionRow(jurisdiction, today, l, base)));
                }
            });
        }
    }

    /** Calls {@code each} with every published assessment, one at a time, by jurisdiction then id. */
    private void eachPublished(String base, java.util.function.Consumer<Published> each) {
        Map<Long, Integer> published = assessments.publishedRevisions();
        String latestOf = null;
        String latestGeoid = null;
        for (long id : published.keySet()) {
            Optional<Assessment> found = assessments.find(id).filter(a -> a.status() == AssessmentStatus.PUBLISHED);
            if (found.isEmpty()) {
                continue; // sent back to draft since the list was read
            }
            Assessment a = found.get();
            if (!a.jurisdictionGeoid().equals(latestGeoid)) {
                latestGeoid = a.jurisdictionGeoid();
                latestOf = assessments.latestPublished(latestGeoid).map(l -> String.valueOf(l.id())).orElse(null);
            }
            Jurisdiction jurisdiction = catalog.find(a.jurisdictionGeoid()).orElseThrow();
            ScoreSummary scores = Scoring.summarize(framework, a.content().answerCodes(), a.content().provisionLabels());
            each.accept(new Published(a, jurisdiction, String.valueOf(a.id()).equals(latestOf), scores, base));
        }
    }

    /**
     * A strong validator of the files: it changes whenever the data the rows come from change (for the assessments'
     * files: an assessment published, sent back or changed; for the protection file: a policy added or changed, or
     * the date), or the columns change.
     */
    public String etag(Dataset<?> dataset, String format) {
        String state = dataset.id() + '.' + format + ':' + String.join(",", dataset.columnNames()) + ':'
                + framework.about().version() + ':' + dataset.state().get();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
            // weak: it names the content whatever its encoding, so that the server may gzip the file
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published assessments' ids and revisions. */
    private String publishedState() {
        StringBuilder state = new StringBuilder();
        assessments.publishedRevisions().forEach((id, revision) -> state.append(id).append('@').append(revision).append(';'));
        return state.toString();
    }

    /** The date the protection is computed for, and every policy's id and version. */
    private String protectionState() {
        StringBuilder state = new StringBuilder(LocalDate.now(clock).toString()).append(':');
        policies.all().forEach(p -> state.append(p.id()).append('@').append(p.version()).append(';'));
        return state.toString();
    }

    // ---------------------------------------------------------------- the files

    /** Writes the dataset as CSV: a header line of the column names, then one line per row (RFC 4180, CRLF). */
    public <R> void csv(Dataset<R> dataset, String base, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        write(writer, String.join(",", dataset.columnNames()) + "\r\n");
        dataset.rows().accept(base, row -> {
            List<String> cells = new ArrayList<>();
            for (Column<R> column : dataset.columns()) {
                Object value = column.value().apply(row);
                cells.add(CsvCells.cell(value == null ? null : value.toString()));
            }
            write(writer, String.join(",", cells) + "\r\n");
        });
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the dataset as JSON: {@code {"dataset", "licence", "codebook", "columns", "rows": [{column: value}]}},
     * integers and booleans as JSON numbers and booleans, missing values as null.
     */
    public <R> void json(Dataset<R> dataset, String base, OutputStream out) {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("dataset", dataset.id());
            g.writeStringProperty("licence", LICENCE);
            g.writeStringProperty("licenceUrl", LICENCE_URL);
            g.writeStringProperty("codebook", base + "/downloads/codebook#" + dataset.id());
            g.writeName("columns");
            g.writeStartArray();
            for (String name : dataset.columnNames()) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeName("rows");
            g.writeStartArray();
            int[] written = {0};
            dataset.rows().accept(base, row -> {
                    g.writeStartObject();
                    for (Column<R> column : dataset.columns()) {
                        g.writeName(column.name());
                        Object value = column.value().apply(row);
                        if (value == null) {
                            g.writeNull();
                        } else if (value instanceof Number number) {
                            g.writeNumber(number.longValue());
                        } else if (value instanceof Boolean bool) {
                            g.writeBoolean(bool);
                        } else {
                            g.writeString(value.toString());
                        }
                    }
                    g.writeEndObject();
                    if (++written[0] % 100 == 0) {
                        g.flush();
                    }
            });
            g.flush();
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
