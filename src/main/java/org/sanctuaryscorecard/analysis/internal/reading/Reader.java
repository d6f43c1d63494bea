package org.sanctuaryscorecard.analysis.internal.reading;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sanctuaryscorecard.analysis.internal.reading.Vocabulary.Force;
import org.sanctuaryscorecard.analysis.internal.reading.Vocabulary.ProvisionTerms;

/**
 * Reads a legal text clause by clause and says, for every mention of a provision in operative text, what the clause
 * does with it: forbids the practice, limits it with exceptions, leaves it to discretion, requires or permits it.
 * Each reading keeps the words it relied on (the force word, the exception) and where they are in the original.
 *
 * <p>The reading is rule-based and explainable: a clause is split from its sentence and list context, the force word
 * that governs a mention is the nearest one before it in its clause (or after it, for "... is prohibited"), and the
 * verb after the force word says whether the clause limits the practice ("shall decline") or does it ("shall
 * honor"). The vocabulary ({@link Vocabulary}) holds every word list.
 */
public final class Reader {

    /** What a clause does with a provision. */
    public enum Reading {
        /** forbids the practice, or requires limiting it */
        PROTECTS,
        /** forbids it with an exception tied to criminal history or charges */
        LIMITED_CRIMINAL,
        /** allows it with the person's consent or counsel present (jail access) */
        LIMITED_CONSENT,
        /** only discourages it, or leaves it to discretion */
        LIMITED_DISCRETION,
        /** requires the practice, or forbids limiting it */
        CONTRARY,
        /** a penalty, a funding cut-off or a ban on sanctuary policies: contrary whatever the modal */
        CONTRARY_DIRECT,
        /** permits the practice without requiring it */
        PERMISSION
    }

    /** Notes on a reading that a user should see. */
    public enum Note { CRIMINAL_EXCEPTION, ADMINISTRATIVE_WARRANT, REQUIRED_BY_LAW, DISCRETIONARY, CONSENT_EXCEPTION }

    /**
     * One reading of one mention.
     *
     * @param provision the provision id
     * @param reading   what the clause does with it
     * @param start     original offset where the quoted evidence starts
     * @param end       original offset where it ends
     * @param section   index of the section (see {@link Segmenter.Block#section()})
     * @param path      where it is ("§ 7283.1 (a) (2)")
     * @param force     the force word as written in the clause, or "" where none governs
     * @param exceptionStart original offset of the exception that changed the reading, or -1
     * @param exceptionEnd   its original end, or -1
     * @param notes     notes for the user
     * @param mentionStart original offset of the words that name the provision
     * @param mentionEnd   original end of those words
     */
    public record Finding(String provision, Reading reading, int start, int end, int section, String path, String force,
                          int exceptionStart, int exceptionEnd, Set<Note> notes, int mentionStart, int mentionEnd) {
    }

    /** A sentence saying that the protections of a section do not apply to people with a criminal record. */
    public record SectionLimit(int section, int start, int end) {
    }

    /** All readings of a text. */
    public record Result(List<Finding> findings, List<SectionLimit> sectionLimits) {
    }

    private record ForceMatch(Force force, int start, int end) {
    }

    private record Part(int from, int to, int originalStart, int originalEnd) {
    }

    private static final Pattern APPLICABILITY = Pattern.compile(
            "\\b(shall|does|do|will) not apply\\b|\\bshall be inapplicable\\b|\\bnot (be )?applicable\\b");
    private static final Pattern NEGATION = Pattern.compile("\\b(not|no|never|neither|nor|terminate\\w*|prohibit\\w*)\\b");
    private static final Pattern PERSON_RECIPIENT = Pattern.compile(
            "\\b(to|notify|inform|advise|give|provide) (the|such|that|a|any) (individual|person|inmate|detainee|prisoner|defendant)\\b"
                    + "|\\b(individual|person|inmate|detainee|prisoner)'s (attorney|counsel|designee)");
    private static final Pattern PERSON_SUBJECT = Pattern.compile(
            "\\b(the|such|that|an|any) (individual|person|inmate|detainee|prisoner|defendant|noncitizen)s? (himself or herself )?$|\\b(he or she|they) $");
    private static final Pattern CONDITION_FORM = Pattern.compile("only (if|when|after|upon|in accordance)");
    private static final Pattern BUT_BEFORE = Pattern.compile(",? but $|, $");
    private static final Pattern WARRANT = Pattern.compile("\\bwarrants?\\b");
    private static final Pattern TRUSTED_WARRANT = Pattern.compile("(judicial|criminal|court|judge|magistrate)\\w*\\W+(\\w+\\W+){0,3}warrant|warrant\\w*\\W+(\\w+\\W+){0,4}(judge|magistrate|court)");
    private static final Pattern AND_JUDICIAL = Pattern.compile("\\band\\b.{0,120}(judicial (warrant|order)|(warrant|order) (issued|signed) by a (federal )?(judge|magistrate))");
    private static final Pattern BARE_SHOULD = Pattern.compile("^should$");
    private static final int AUTHORITY_CONTEXT = 1200;
    /** How much of a clause after its force word is read as what the force word does ("shall not adopt any law ... that prohibits"). */
    private static final int VERB_WINDOW = 400;
    /** Longer than any cue: a cue across the join of two pieces lies within this many characters of it. */
    private static final int JOIN_WINDOW = 80;
    private static final int LONG_EVIDENCE = 420;

    private final Vocabulary vocabulary;

    public Reader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Reads a whole text. */
    public Result read(String original) {
        // page furniture blanked out, offsets unchanged: every quote is still cut from the original
        String text = Segmenter.maskPageFurniture(original);
        List<Segmenter.Block> blocks = Segmenter.blocks(text);
        Context context = new Context(text, authorityOffsets(text));
        List<Finding> findings = new ArrayList<>();
        List<SectionLimit> limits = new ArrayList<>();
        Map<String, List<Definition>> definitions = new java.util.LinkedHashMap<>();
        List<Definition> operative = new ArrayList<>();
        Map<Segmenter.Block, Piece> leadIns = new java.util.IdentityHashMap<>();
        boolean descriptive = false;
        for (Segmenter.Block block : blocks) {
            String head = text.substring(block.start(), Math.min(block.end(), block.start() + 300));
            if (head.startsWith("[")) {
                descriptive = matchesAny(vocabulary.descriptiveRegion(), head.toLowerCase(java.util.Locale.ROOT));
                if (!descriptive && head.matches("(?s)\\[.*\\][\"”]?\\s*") || descriptive) {
                    // an editor's note, not the law's text
                    continue;
                }
            }
            if (descriptive || block.heading()) {
                continue;
            }
            List<int[]> sentences = Sentences.split(text, block.start(), block.end());
            for (int k = 0; k < sentences.size(); k++) {
                int[] sentence = sentences.get(k);
                Piece own = piece(text, sentence[0], sentence[1], sentence);
                if (own.nonOperative()) {
                    continue;
                }
                List<Piece> pieces = new ArrayList<>();
                boolean skip = false;
                if (k == 0) {
                    for (Segmenter.Block frame : block.frames()) {
                        Piece lead = leadIns.computeIfAbsent(frame, f -> leadIn(text, f));
                        if (lead.nonOperative()) {
                            skip = true;
                            break;
                        }
                        pieces.add(lead);
                    }
                }
                if (skip) {
                    String term = definedTerm(text, block);
                    if (term != null) {
                        definitions.computeIfAbsent(term, x -> new ArrayList<>()).add(new Definition(block, own));
                    }
                    continue;
                }
                pieces.add(own);
                readProposition(context, pieces, block, findings, limits);
                operative.add(new Definition(block, own));
            }
        }
        readDefinedTerms(context, definitions, operative, findings, limits);
        return new Result(List.copyOf(findings), List.copyOf(limits));
    }

    /** The cues of pieces read as one: those of each piece, and those that straddle where two pieces meet. */
    private BitSet cuesOf(List<Piece> pieces, String t) {
        if (pieces.size() == 1) {
            return pieces.get(0).present();
        }
        BitSet present = new BitSet();
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
            present.or(pieces.get(i).present());
            at += pieces.get(i).normalized().text().length();
            if (i + 1 < pieces.size()) {
                present.or(vocabulary.cueIndex().scan(t.substring(Math.max(0, at - JOIN_WINDOW), Math.min(t.length(), at + 1 + JOIN_WINDOW))));
                at++;
            }
        }
        return present;
    }

    /** One document being read: its (masked) text and where it names an immigration authority. */
    private record Context(String text, int[] authorities) {

        boolean authorityWithin(int from, int to) {
            int i = java.util.Arrays.binarySearch(authorities, Math.max(0, from));
            int at = i >= 0 ? i : -i - 1;
            return at < authorities.length && authorities[at] <= to;
        }
    }

    /** Sorted original offsets where the text names an immigration authority. */
    private int[] authorityOffsets(String text) {
        // lower case keeps every offset; white space is not collapsed, which is good enough to find a nearby name
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.length() != text.length()) {
            t = Normalized.of(text, 0, text.length()).text();
            if (t.length() != text.length()) {
                return new int[0];
            }
        }
        // the authorities' names start with literals, so each is found by searching for those (no cue scan needed)
        List<Integer> offsets = new ArrayList<>();
        for (Cues authority : vocabulary.authorities()) {
            for (int[] m : authority.spans(t)) {
                offsets.add(m[0]);
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** A sentence kept for a second reading: an item of a definition, or an operative sentence that may use one. */
    private record Definition(Segmenter.Block block, Piece piece) {
    }

    /**
     * A sentence (or a lead-in) ready to read: its normalized words, the cues they contain, where it is in the
     * original, and whether it is operative at all.
     */
    private record Piece(Normalized normalized, BitSet present, int[] original, boolean nonOperative) {
    }

    private Piece piece(String text, int start, int end, int[] original) {
        Normalized normalized = Normalized.of(text, start, end);
        BitSet present = vocabulary.cueIndex().scan(normalized.text());
        return new Piece(normalized, present, original, isNonOperative(normalized.text(), present));
    }

    /**
     * The last sentence of a lead-in, without its closing colon: what each of its items reads with. A last sentence
     * without a word of force ("This includes restrictions on:") reads with the sentence before it, which it refers to.
     */
    private Piece leadIn(String text, Segmenter.Block frame) {
        List<int[]> frameSentences = Sentences.split(text, frame.start(), frame.end());
        int[] last = frameSentences.get(frameSentences.size() - 1);
        int start = last[0];
        if (frameSentences.size() > 1 && !Segmenter.hasForceWord(text.substring(last[0], last[1]))) {
            start = frameSentences.get(frameSentences.size() - 2)[0];
        }
        int end = last[1];
        while (end > start && ":—-–\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return piece(text, start, end, new int[] {start, last[1]});
    }

    private static final Pattern QUOTED_TERM = Pattern.compile("[\"“]([^\"”]{3,60})[\"”]");

    /** The term an item's innermost lead-in defines ("(4) "Sanctuary policy", any order that:"), or null. */
    private static String definedTerm(String text, Segmenter.Block block) {
        if (block.frames().isEmpty()) {
            return null;
        }
        Segmenter.Block frame = block.frames().get(block.frames().size() - 1);
        Matcher m = QUOTED_TERM.matcher(text.substring(frame.start(), Math.min(frame.end(), frame.start() + 200)));
        return m.find() ? Normalized.of(m.group(1), 0, m.group(1).length()).text() : null;
    }

    /**
     * Reads each item of a defined term with every operative sentence that uses the term: "No municipality shall
     * adopt any sanctuary policy", with "sanctuary policy" defined as an order that "(a) limits ... communicating with
     * federal agencies", forbids limits on communicating with them.
     */
    private void readDefinedTerms(Context context, Map<String, List<Definition>> definitions, List<Definition> operative,
                                  List<Finding> findings, List<SectionLimit> limits) {
        String text = context.text;
        if (definitions.isEmpty()) {
            return;
        }
        for (Definition use : operative) {
            String t = use.piece().normalized().text();
            for (Map.Entry<String, List<Definition>> entry : definitions.entrySet()) {
                int at = t.indexOf(entry.getKey());
                if (at < 0) {
                    continue;
                }
                if (forces(t.substring(0, at)).isEmpty()) {
                    // "records relating to ICE access": the term is named, not governed
                    continue;
                }
                int cut = use.piece().normalized().originalEnd(at + entry.getKey().length());
                int[] sentence = use.piece().original();
                Piece prefix = piece(text, sentence[0], cut, sentence);
                for (Definition item : entry.getValue()) {
                    readProposition(context, List.of(prefix, item.piece()), item.block(), findings, limits);
                }
            }
        }
    }

    /**
     * The length of what opens a normalized sentence before its words: quote marks, brackets, a section number
     * ("§ 7." "sec. 2-173-020."), enumerators ("(a) (1)").
     */
    static int labelLength(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && "[(\"' ".indexOf(s.charAt(i)) >= 0 && !(s.charAt(i) == '(' && i + 1 < n && isEnumeratorStart(s, i))) {
            i++;
        }
        int save = i;
        if (s.startsWith("§", i) || s.startsWith("sec.", i) || s.startsWith("section", i)) {
            i += s.startsWith("§", i) ? 1 : s.startsWith("sec.", i) ? 4 : 7;
            while (i < n && s.charAt(i) == '§') {
                i++;
            }
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int number = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) {
                i++;
            }
            if (i == number) {
                i = save;
            }
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        while (i < n && (s.charAt(i) == '(' || s.charAt(i) == '[') && isEnumeratorStart(s, i)) {
            int close = i + 1;
            while (close < n && close - i <= 5 && Character.isLetterOrDigit(s.charAt(close))) {
                close++;
            }
            i = close + 1;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
        return Math.min(i, n);
    }

    private static boolean isEnumeratorStart(String s, int open) {
        int j = open + 1;
        while (j < s.length() && j - open <= 5 && Character.isLetterOrDigit(s.charAt(j))) {
            j++;
        }
        return j > open + 1 && j - open <= 5 && j < s.length() && (s.charAt(j) == ')' || s.charAt(j) == ']');
    }

    boolean isNonOperative(String normalized) {
        return isNonOperative(normalized, vocabulary.cueIndex().scan(normalized));
    }

    private boolean isNonOperative(String normalized, BitSet present) {
        String s = normalized.substring(labelLength(normalized));
        for (Cues p : vocabulary.nonOperativeStarts()) {
            if (p.mayMatch(present) && p.pattern().matcher(s).lookingAt()) {
                return true;
            }
        }
        return matchesAny(vocabulary.nonOperativeContains(), normalized, present);
    }

    private void readProposition(Context context, List<Piece> pieces, Segmenter.Block block, List<Finding> findings,
                                 List<SectionLimit> limits) {
        String text = context.text;
        List<Normalized> normalizedParts = new ArrayList<>(pieces.size());
        List<int[]> originals = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            normalizedParts.add(piece.normalized());
            originals.add(piece.original());
        }
        Normalized p = Normalized.join(normalizedParts);
        String t = p.text();
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < normalizedParts.size(); i++) {
            int length = normalizedParts.get(i).text().length();
            parts.add(new Part(at, at + length, originals.get(i)[0], originals.get(i)[1]));
            at += length + 1;
        }
        Part own = parts.get(parts.size() - 1);
        BitSet present = cuesOf(pieces, t);

        // a sentence that takes people with a criminal record out of the section's protections
        if (t.contains("appl") && APPLICABILITY.matcher(t).find() && criminalAt(t, 0, t.length(), present) >= 0) {
            limits.add(new SectionLimit(block.section(), own.originalStart, own.originalEnd));
        }

        // penalties and bans that are contrary whatever the modal
        Map<String, List<Cues>> contrary = vocabulary.direct().getOrDefault("contrary", Map.of());
        for (Map.Entry<String, List<Cues>> entry : contrary.entrySet()) {
            for (Cues pattern : entry.getValue()) {
                int[] m = pattern.mayMatch(present) ? pattern.first(t, 0, t.length()) : null;
                if (m != null && m[1] > own.from) {
                    Part part = partAt(parts, Math.max(m[0], own.from));
                    findings.add(finding(text, entry.getKey(), Reading.CONTRARY_DIRECT, p, part, m[0], m[1], block,
                            "", null, EnumSet.noneOf(Note.class)));
                    break;
                }
            }
        }

        Map<String, List<int[]>> named = new java.util.HashMap<>();
        boolean anyNamed = false;
        for (ProvisionTerms provision : vocabulary.provisions().values()) {
            List<int[]> spans = new ArrayList<>();
            for (Cues term : provision.terms()) {
                if (term.mayMatch(present)) {
                    spans.addAll(term.spans(t));
                }
            }
            named.put(provision.id(), spans);
            anyNamed |= !spans.isEmpty();
        }
        if (!anyNamed) {
            // most sentences name no provision: nothing more to read in them
            return;
        }
        List<ForceMatch> forces = forces(t, present);
        List<int[]> exceptions = exceptionSpans(t, forces, parts, present);
        boolean authorityNear = matchesAny(vocabulary.authorities(), t, present)
                || context.authorityWithin(parts.get(0).originalStart - AUTHORITY_CONTEXT, parts.get(0).originalStart);
        for (ProvisionTerms provision : vocabulary.provisions().values()) {
            List<int[]> seen = new ArrayList<>();
            List<int[]> yielded = new ArrayList<>();
            for (String stronger : vocabulary.yieldsTo().getOrDefault(provision.id(), List.of())) {
                yielded.addAll(named.getOrDefault(stronger, List.of()));
            }
            for (int[] m : named.get(provision.id())) {
                {
                    int ms = m[0];
                    int me = m[1];
                    if (overlaps(seen, ms, me) || overlaps(yielded, ms, me)) {
                        continue;
                    }
                    seen.add(new int[] {ms, me});
                    Finding f = readMention(text, t, present, p, parts, forces, exceptions, provision, ms, me, authorityNear, block);
                    if (f != null) {
                        findings.add(f);
                    }
                }
            }
        }
    }

    private Finding readMention(String text, String t, BitSet present, Normalized p, List<Part> parts, List<ForceMatch> forces,
                                List<int[]> exceptions, ProvisionTerms provision, int ms, int me, boolean authorityNear,
                                Segmenter.Block block) {
        int[] clause = clause(t, ms);
        int[] inException = containing(exceptions, ms);
        if (inException != null && !provision.safeguard()) {
            return null;
        }
        if (provision.requiresAuthority() && !authorityNear) {
            return null;
        }
        ForceMatch force = govern(forces, clause, ms);
        String id = provision.id();
        boolean structural = id.equals("287g") || id.equals("detention-contracts");
        if (force == null) {
            if (structural && !NEGATION.matcher(t.substring(clause[0], clause[1])).find()) {
                return finding(text, id, Reading.CONTRARY, p, partAt(parts, ms), ms, me, block, "", null, EnumSet.noneOf(Note.class));
            }
            return null;
        }
        String subject = t.substring(Math.min(clause[0], force.start), force.end);
        boolean federalSubject = force.start >= clause[0] && matchesAny(vocabulary.federalActors(), subject, present)
                && !subject.contains("local") && !subject.contains("state or ");
        if (federalSubject && !vocabulary.federalMandatesCount().contains(id)) {
            return null;
        }
        if (!provision.safeguard() && PERSON_SUBJECT.matcher(t.substring(Math.max(clause[0], force.start - 40), force.start)).find()) {
            // "the individual may decline to be interviewed": the person's choice, not the agency's rule
            return null;
        }
        String verb = t.substring(force.end, Math.min(clause[1], force.end + VERB_WINDOW)).strip();
        if (!provision.safeguard() && matchesAny(vocabulary.reportingVerbs(), verb, present)) {
            // "shall transmit a report ... providing the number of detainer requests": counted, not done
            return null;
        }
        boolean limiting = matchesAny(vocabulary.limitingVerbs(), verb, present);
        String forceWords = t.substring(force.start, force.end);
        if (forceWords.length() > 24 && forceWords.startsWith("no ")) {
            // "no county, city, town or village ... shall": show the frame, not the subject
            forceWords = "no \u2026 " + forceWords.substring(forceWords.lastIndexOf(' ') + 1);
        }
        Reading reading;
        EnumSet<Note> notes = EnumSet.noneOf(Note.class);
        if (provision.safeguard()) {
            reading = switch (force.force) {
                // "no interview without written consent" protects; "prosecutors shall not consider immigration
                // consequences" forbids the safeguard itself (a report or a remedy cannot be read that way reliably)
                case PROHIBIT -> inException != null ? Reading.PROTECTS
                        : !id.equals("oversight-enforcement") && !limiting ? Reading.CONTRARY : null;
                case REQUIRE, ONLY_IF -> Reading.PROTECTS;
                case PERMIT -> id.equals("prosecutor-consequences") ? Reading.LIMITED_DISCRETION : Reading.PROTECTS;
                case DISCOURAGE -> Reading.LIMITED_DISCRETION;
            };
        } else {
            reading = switch (force.force) {
                case PROHIBIT -> limiting ? Reading.CONTRARY : Reading.PROTECTS;
                // "shall provide notice to ICE ... only when": a mandate confined to the cases named
                case REQUIRE -> limiting || conditionAfter(forces, t, clause, ms, false) ? Reading.PROTECTS
                        : PERSON_RECIPIENT.matcher(verb).find() && !matchesAny(vocabulary.authorities(), verb, present) ? null : Reading.CONTRARY;
                // "only after confirming status": the practice is the condition of something else, so it is allowed
                case ONLY_IF -> force.start < ms && CONDITION_FORM.matcher(forceWords).lookingAt() ? Reading.PERMISSION : Reading.PROTECTS;
                case DISCOURAGE -> limiting || !BARE_SHOULD.matcher(forceWords).matches() || verb.startsWith("not ") ? Reading.LIMITED_DISCRETION : null;
                // "may honor a detainer only if ...": a permission confined to the cases named; but "are authorized to
                // arrest ..., but only after ..." grants the power and sets a procedure
                case PERMIT -> limiting ? Reading.LIMITED_DISCRETION
                        : conditionAfter(forces, t, clause, ms, true) ? Reading.PROTECTS : Reading.PERMISSION;
            };
        }
        if (reading == null) {
            return null;
        }
        if (federalSubject && reading != Reading.CONTRARY) {
            return null;
        }
        if (reading == Reading.LIMITED_DISCRETION) {
            notes.add(Note.DISCRETIONARY);
        }
        // exceptions in the clause
        int[] exceptionSpan = null;
        boolean criminal = false;
        boolean consent = false;
        for (int[] span : exceptions) {
            if (span[1] <= clause[0] || span[0] >= clause[1]) {
                continue;
            }
            String e = t.substring(span[0], span[1]);
            boolean judicialAlongside = AND_JUDICIAL.matcher(e).find();
            int c = criminalAt(t, span[0], span[1], present);
            if (c >= 0 && !judicialAlongside) {
                criminal = true;
                // quote the item's own words where the record is named there: "(ii) A dangerous crime ..."
                int ownFrom = parts.get(parts.size() - 1).from;
                int inOwn = criminalAt(t, Math.max(span[0], ownFrom), span[1], present);
                exceptionSpan = originalSpan(p, parts, span[0], span[1], inOwn >= 0 ? inOwn : c);
            } else if (matchesAny(vocabulary.exceptions().get("consent"), e, present)) {
                consent = true;
                if (exceptionSpan == null) {
                    exceptionSpan = originalSpan(p, parts, span[0], span[1], span[0]);
                }
            }
            if (WARRANT.matcher(e).find() && !TRUSTED_WARRANT.matcher(e).find()) {
                notes.add(Note.ADMINISTRATIVE_WARRANT);
            }
            if (matchesAny(vocabulary.exceptions().get("neutral"), e, present) && e.contains("law")) {
                notes.add(Note.REQUIRED_BY_LAW);
            }
        }
        if (!criminal && (reading == Reading.PERMISSION || reading == Reading.PROTECTS || reading == Reading.LIMITED_DISCRETION)
                && force.end <= clause[1]) {
            // a permission limited to criminal matters is a carve-out anywhere in its clause; a protection only when
            // it singles out a class of people by their record
            int c;
            if (reading == Reading.PERMISSION) {
                c = criminalAt(t, Math.max(clause[0], force.end), clause[1], present);
            } else {
                int[] m = firstMatch(vocabulary.exceptions().get("criminal-class"), t, Math.max(clause[0], force.end), clause[1], present);
                c = m == null ? -1 : m[0];
            }
            if (c >= 0 && !AND_JUDICIAL.matcher(t.substring(clause[0], clause[1])).find()) {
                criminal = true;
                exceptionSpan = originalSpan(p, parts, c, Math.min(clause[1], partAt(parts, c).to), c);
            }
        }
        boolean protective = reading == Reading.PROTECTS || reading == Reading.LIMITED_DISCRETION;
        if (criminal && reading == Reading.PERMISSION) {
            // "may honor a detainer for a person convicted of ...": a carve-out in a protective text, an authority in another
            notes.add(Note.CRIMINAL_EXCEPTION);
        } else if (criminal && protective && !provision.safeguard()) {
            reading = Reading.LIMITED_CRIMINAL;
            notes.add(Note.CRIMINAL_EXCEPTION);
        } else if (consent && id.equals("jail-access") && (reading == Reading.PROTECTS || reading == Reading.LIMITED_DISCRETION)) {
            reading = Reading.LIMITED_CONSENT;
            notes.add(Note.CONSENT_EXCEPTION);
        }
        Part part = partAt(parts, ms);
        if (exceptionSpan != null && reading != Reading.LIMITED_CRIMINAL && reading != Reading.LIMITED_CONSENT
                && !notes.contains(Note.CRIMINAL_EXCEPTION)) {
            exceptionSpan = null;
        }
        return finding(text, id, reading, p, part, ms, me, block, forceWords, exceptionSpan, notes);
    }

    /** The force words of a text, overlapping ones resolved: the longest wins, then the earlier kind. */
    private List<ForceMatch> forces(String t) {
        return forces(t, vocabulary.cueIndex().scan(t));
    }

    private List<ForceMatch> forces(String t, BitSet present) {
        List<ForceMatch> all = new ArrayList<>();
        for (Map.Entry<Force, List<Cues>> entry : vocabulary.force().entrySet()) {
            for (Cues pattern : entry.getValue()) {
                if (pattern.mayMatch(present)) {
                    for (int[] m : pattern.spans(t)) {
                        all.add(new ForceMatch(entry.getKey(), m[0], m[1]));
                    }
                }
            }
        }
        all.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start)
                : a.end != b.end ? Integer.compare(b.end, a.end) : a.force.compareTo(b.force));
        List<int[]> neutral = new ArrayList<>();
        for (Cues pattern : vocabulary.neutralForce()) {
            if (pattern.mayMatch(present)) {
                neutral.addAll(pattern.spans(t));
            }
        }
        List<ForceMatch> kept = new ArrayList<>();
        for (ForceMatch f : all) {
            boolean covered = overlaps(neutral, f.start, f.end);
            for (ForceMatch k : kept) {
                // a force word inside "no agency shall ..." is that word: "no agency shall be permitted to" forbids
                if (f.start >= k.start && f.end <= k.end || k.force == Force.PROHIBIT && f.start > k.start && f.start < k.end) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean conditionAfter(List<ForceMatch> forces, String t, int[] clause, int at, boolean restrictiveOnly) {
        for (ForceMatch f : forces) {
            if (f.force == Force.ONLY_IF && f.start > at && f.start < clause[1] && CONDITION_FORM.matcher(t.substring(f.start, f.end)).lookingAt()) {
                return !restrictiveOnly || !BUT_BEFORE.matcher(t.substring(Math.max(at, f.start - 8), f.start)).find();
            }
        }
        return false;
    }

    /** The force that governs a mention: the nearest one before it in its clause, else the first after it. */
    private static ForceMatch govern(List<ForceMatch> forces, int[] clause, int at) {
        ForceMatch before = null;
        ForceMatch after = null;
        for (ForceMatch f : forces) {
            if (f.start < clause[0] || f.start >= clause[1]) {
                continue;
            }
            if (f.start <= at) {
                if (before == null || f.start > before.start || f.start == before.start && f.end > before.end) {
                    before = f;
                }
            } else if (after == null) {
                after = f;
            }
        }
        if (before != null) {
            // "may not be prohibited": the first of two adjacent force words governs, the second is its verb
            boolean moved = true;
            while (moved) {
                moved = false;
                for (ForceMatch f : forces) {
                    if (f.end < before.start && before.start - f.end <= 1 && f.start >= clause[0]) {
                        before = f;
                        moved = true;
                        break;
                    }
                }
            }
            return before;
        }
        if (after != null) {
            return after;
        }
        // the nearest force before the clause in the same proposition (a list joined by semicolons)
        for (int i = forces.size() - 1; i >= 0; i--) {
            if (forces.get(i).start < clause[0]) {
                return forces.get(i);
            }
        }
        return null;
    }

    /**
     * Spans of exceptions and conditions. An exception that opens a sentence ("Unless ..., no officer shall") ends at
     * the comma before the next force word; any other runs to the end of its clause. In a lead-in, an exception ends
     * with the lead-in ("Except for people awaiting trial: (A) ...") unless the lead-in ends with it ("may comply only
     * if: (1) ..."), when the items are the condition.
     */
    private List<int[]> exceptionSpans(String t, List<ForceMatch> forces, List<Part> parts, BitSet present) {
        List<int[]> spans = new ArrayList<>();
        for (Cues marker : vocabulary.exceptions().get("markers")) {
            for (int[] m : marker.mayMatch(present) ? marker.spans(t) : List.<int[]>of()) {
                int start = m[0];
                int[] clause = clause(t, start);
                Part part = partAt(parts, start);
                int limit = clause[1];
                boolean opensPart = labelLength(t.substring(part.from, start)) >= start - part.from;
                if (part != parts.get(parts.size() - 1) && opensPart && part.to - m[1] > 3) {
                    limit = Math.min(limit, part.to);
                }
                int end = limit;
                int from = Math.max(clause[0], part.from);
                ForceMatch next = null;
                for (ForceMatch f : forces) {
                    if (f.start > m[1] && f.start < limit) {
                        next = f;
                        break;
                    }
                }
                if (next != null) {
                    int comma = t.lastIndexOf(',', next.start);
                    boolean leading = !hasForceBetween(forces, from, start);
                    if (leading && comma > m[1]) {
                        end = comma;
                    } else if (leading) {
                        end = next.start;
                    }
                }
                spans.add(new int[] {start, end});
            }
        }
        return spans;
    }

    private static boolean hasForceBetween(List<ForceMatch> forces, int from, int to) {
        for (ForceMatch f : forces) {
            if (f.start >= from && f.start < to) {
                return true;
            }
        }
        return false;
    }

    /** The position of the first criminal-history term in {@code t[from, to)}, or -1. */
    private int criminalAt(String t, int from, int to, BitSet present) {
        if (from >= to) {
            return -1;
        }
        int first = -1;
        for (Cues p : vocabulary.exceptions().get("criminal")) {
            if (!p.mayMatch(present)) {
                continue;
            }
            for (int[] m : p.spans(t, from, to)) {
                // "criminal warrant" and the like are a judge's order, not a person's record
                if (t.startsWith("criminal warrant", m[0])) {
                    continue;
                }
                if (first < 0 || m[0] < first) {
                    first = m[0];
                }
                break;
            }
        }
        return first;
    }

    private static int[] clause(String t, int at) {
        int start = Math.max(t.lastIndexOf(';', at - 1) + 1, 0);
        int end = t.indexOf(';', at);
        return new int[] {start, end < 0 ? t.length() : end};
    }

    private static int[] containing(List<int[]> spans, int at) {
        for (int[] span : spans) {
            if (at >= span[0] && at < span[1]) {
                return span;
            }
        }
        return null;
    }

    private static boolean overlaps(List<int[]> seen, int start, int end) {
        for (int[] s : seen) {
            if (start < s[1] && end > s[0]) {
                return true;
            }
        }
        return false;
    }

    private static Part partAt(List<Part> parts, int at) {
        for (Part part : parts) {
            if (at >= part.from && at < part.to + 1) {
                return part;
            }
        }
        return parts.get(parts.size() - 1);
    }

    /**
     * The original span of an exception: from its start to its end within one part, or, when the words that matter
     * ({@code key}) are in a later part (an item of a lead-in that ends "... only if:"), that whole item.
     */
    private static int[] originalSpan(Normalized p, List<Part> parts, int from, int to, int key) {
        Part start = partAt(parts, from);
        Part keyPart = partAt(parts, key);
        if (keyPart != start) {
            return new int[] {keyPart.originalStart, keyPart.originalEnd};
        }
        int end = Math.min(to, start.to);
        return new int[] {p.original(from), Math.max(p.original(from), p.originalEnd(end))};
    }

    private static Finding finding(String text, String provision, Reading reading, Normalized p, Part part, int ms, int me,
                                   Segmenter.Block block, String force, int[] exception, Set<Note> notes) {
        int start = part.originalStart;
        int end = part.originalEnd;
        if (end - start > LONG_EVIDENCE) {
            int mentionStart = Math.max(part.originalStart, Math.min(p.original(ms), part.originalEnd));
            int mentionEnd = Math.max(mentionStart, Math.min(p.originalEnd(me), part.originalEnd));
            start = Math.max(part.originalStart, mentionStart - 160);
            end = Math.min(part.originalEnd, Math.max(mentionEnd, start + 120) + 200);
            while (start > part.originalStart && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            while (end < part.originalEnd && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Finding(provision, reading, start, end, block.section(), block.path(), force,
                exception == null ? -1 : exception[0], exception == null ? -1 : exception[1],
                notes.isEmpty() ? Set.of() : Set.copyOf(notes), p.original(ms), p.originalEnd(me));
    }

    private static int[] firstMatch(List<Cues> patterns, String t, int from, int to, BitSet present) {
        int[] first = null;
        for (Cues p : patterns) {
            if (!p.mayMatch(present)) {
                continue;
            }
            int[] m = p.first(t, from, to);
            if (m != null && (first == null || m[0] < first[0])) {
                first = m;
            }
        }
        return first;
    }

    private static boolean matchesAny(List<Cues> patterns, String s) {
        for (Cues p : patterns) {
            if (p.find(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any pattern matches {@code s}, a stretch of a clause whose cues are {@code present}. */
    private static boolean matchesAny(List<Cues> patterns, String s, BitSet present) {
        for (Cues p : patterns) {
            if (p.mayMatch(present) && p.first(s, 0, s.length()) != null) {
                return true;
            }
        }
        return false;
    }
}
