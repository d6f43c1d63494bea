package org.sanctuaryscorecard.nationalmap.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sanctuaryscorecard.assessment.AssessmentContent;
import org.sanctuaryscorecard.assessment.AssessmentListing;
import org.sanctuaryscorecard.assessment.Assessments;
import org.sanctuaryscorecard.framework.Framework;
import org.sanctuaryscorecard.nationalmap.MapCategory;
import org.sanctuaryscorecard.nationalmap.MapEntry;
import org.sanctuaryscorecard.nationalmap.MapLayer;
import org.sanctuaryscorecard.nationalmap.MapLayers;
import org.sanctuaryscorecard.nationalmap.MapLevel;
import org.sanctuaryscorecard.nationalmap.MapPattern;
import org.sanctuaryscorecard.scoring.CriterionResult;
import org.sanctuaryscorecard.scoring.CriterionStatus;
import org.sanctuaryscorecard.scoring.ScoreSummary;
import org.sanctuaryscorecard.scoring.Scoring;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Layers from the published assessments: "criteria met" (a summary) and one layer per criterion. A jurisdiction's
 * assessment as of a date is its latest published assessment whose own "as of" date is on or before it
 * ({@link Assessments#latestPublished}); jurisdictions without one are "not assessed". Scores are computed by the
 * framework's published rules ({@link Scoring}) and kept per assessment revision, so that a request only reads which
 * assessments are published.
 */
@Component
@Order(1) // after the effective protection, whose summary is the map's default
class AssessmentMapLayers implements MapLayers {

    /** The id of the summary layer. */
    static final String SUMMARY = "criteria-met";
    /** The ids of the criterion layers start with this, then the criterion's id. */
    static final String CRITERION = "criterion.";

    private static final String BLUE = "#0072B2";
    private static final String SKY_BLUE = "#56B4E9";
    private static final String VERMILLION = "#D55E00";
    private static final String YELLOW = "#F0E442";
    private static final String GREY = "#E0E0E0";
    /** The scores kept, at most; beyond it the cache starts again. */
    private static final int CACHE_MAX = 20_000;

    private static final MapCategory NOT_ASSESSED = new MapCategory("not-assessed", "map.category.not-assessed", GREY, MapPattern.HATCH);
    /** Both kinds of layer: a good result, a partial one, a bad one, an open one, then "not assessed". */
    private static final List<MapCategory> SUMMARY_LEGEND = legend("most-met", "map.category.most-met",
            "some-met", "map.category.some-met", "none-met", "map.category.none-met", "undecided", "map.category.undecided");
    private static final List<MapCategory> CRITERION_LEGEND = legend("met", "scoring.status.met",
            "partly-met", "scoring.status.partly-met", "not-met", "scoring.status.not-met", "needs-review", "scoring.status.needs-review");

    /** Four categories (id, message key, ...) in the colours and patterns of good, partial, bad, open; then not assessed. */
    private static List<MapCategory> legend(String... idsAndKeys) {
        String[] colours = {BLUE, SKY_BLUE, VERMILLION, YELLOW};
        MapPattern[] patterns = {MapPattern.SOLID, MapPattern.DOTS, MapPattern.SOLID, MapPattern.CROSSHATCH};
        List<MapCategory> legend = new ArrayList<>();
        for (int i = 0; i < colours.length; i++) {
            legend.add(new MapCategory(idsAndKeys[2 * i], idsAndKeys[2 * i + 1], colours[i], patterns[i]));
        }
        legend.add(NOT_ASSESSED);
        return List.copyOf(legend);
    }

    private final Assessments assessments;
    private final Framework framework;
    private final List<MapLayer> layers;
    private final Map<String, ScoreSummary> scores = new ConcurrentHashMap<>();

    AssessmentMapLayers(Assessments assessments, Framework framework) {
        this.assessments = assessments;
        this.framework = framework;
        List<MapLayer> all = new ArrayList<>();
        all.add(new MapLayer(SUMMARY, new DefaultMessageSourceResolvable("map.layer.criteria-met"), SUMMARY_LEGEND,
                SUMMARY_LEGEND.size() - 1));
        framework.criteria().forEach(c -> all.add(new MapLayer(CRITERION + c.id(),
                new DefaultMessageSourceResolvable(new String[] {"map.layer.criterion"}, new Object[] {c.number(), c.name()}),
                CRITERION_LEGEND, CRITERION_LEGEND.size() - 1)));
        this.layers = List.copyOf(all);
    }

    @Override
    public List<MapLayer> layers() {
        return layers;
    }

    @Override
    public Map<String, MapEntry> values(MapLayer layer, MapLevel level, LocalDate asOf) {
        int length = level == MapLevel.STATE ? 2 : 5;
        Map<String, MapEntry> values = new HashMap<>();
        assessments.latestPublished(asOf).forEach((geoid, listing) -> {
            if (geoid.length() == length) {
                ScoreSummary summary = score(listing);
                values.put(geoid, layer.id().equals(SUMMARY) ? summaryEntry(summary, listing)
                        : criterionEntry(layer.id().substring(CRITERION.length()), summary, listing));
            }
        });
        return values;
    }

    private MapEntry summaryEntry(ScoreSummary summary, AssessmentListing listing) {
        int met = summary.count(CriterionStatus.MET);
        int partly = summary.count(CriterionStatus.PARTLY_MET);
        int notMet = summary.count(CriterionStatus.NOT_MET);
        int undecided = summary.count(CriterionStatus.NEEDS_REVIEW) + summary.count(CriterionStatus.NOT_YET_ASSESSED);
        int total = summary.criteria().size();
        int category;
        if (met > 0 && met * 2 >= total) {
            category = 0;
        } else if (met > 0) {
            category = 1;
        } else if (partly + notMet > 0) {
            category = 2;
        } else {
            category = 3;
        }
        MessageSourceResolvable explanation = new DefaultMessageSourceResolvable(new String[] {"map.explain.summary"},
                new Object[] {met, total, partly, notMet, undecided, listing.title(), listing.asOf().toString()});
        return new MapEntry(category, explanation, "/assessments/" + listing.id());
    }

    private MapEntry criterionEntry(String criterionId, ScoreSummary summary, AssessmentListing listing) {
        CriterionResult result = summary.criterion(criterionId);
        int category = switch (result.status()) {
            case MET -> 0;
            case PARTLY_MET -> 1;
            case NOT_MET -> 2;
            case NEEDS_REVIEW -> 3;
            case NOT_YET_ASSESSED -> CRITERION_LEGEND.size() - 1;
        };
        MessageSourceResolvable explanation = new DefaultMessageSourceResolvable(new String[] {"map.explain.criterion"},
                new Object[] {new DefaultMessageSourceResolvable("scoring.status." + result.status().id()), listing.title(),
                        listing.asOf().toString()});
        return new MapEntry(category, explanation, "/assessments/" + listing.id());
    }

    /** The scores of an assessment at the revision listed, computed once per revision. */
    private ScoreSummary score(AssessmentListing listing) {
        String key = listing.id() + "@" + listing.revision();
        ScoreSummary cached = scores.get(key);
        if (cached != null) {
            return cached;
        }
        AssessmentContent content = assessments.get(listing.id()).content();
        ScoreSummary summary = Scoring.summarize(framework, content.answerCodes(), content.provisionLabels());
        if (scores.size() >= CACHE_MAX) {
            scores.clear();
        }
        scores.put(key, summary);
        return summary;
    }
}
