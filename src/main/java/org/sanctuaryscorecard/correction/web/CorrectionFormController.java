package org.sanctuaryscorecard.correction.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.correction.CorrectionInput;
import org.sanctuaryscorecard.correction.CorrectionInputException;
import org.sanctuaryscorecard.correction.CorrectionLimitException;
import org.sanctuaryscorecard.correction.Corrections;
import org.sanctuaryscorecard.correction.NoPublishedScorecardException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public correction form of a published scorecard: anyone, with or without an account, says what is wrong and
 * gives evidence. A refused request comes back with the reason and everything typed (but the file); one over a rate
 * limit comes back 429 with Retry-After. Nothing is stored in either case.
 */
@Controller
class CorrectionFormController {

    private final Corrections corrections;
    private final CorrectionPage page;

    CorrectionFormController(Corrections corrections, CorrectionPage page) {
        this.corrections = corrections;
        this.page = page;
    }

    @GetMapping("/corrections/assessments/{id}")
    String form(@PathVariable long id, @RequestParam(required = false) String part, Model model) {
        requireOpen(id);
        return page.form(model, id, CorrectionForm.empty(part), null, null);
    }

    @PostMapping("/corrections/assessments/{id}")
    String send(@PathVariable long id, @ModelAttribute CorrectionForm form,
                @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                HttpServletResponse response) throws IOException {
        requireOpen(id);
        try {
            corrections.receive(id, new CorrectionInput(form.name(), form.organization(), form.email(), form.part(),
                    form.whatIsWrong(), form.shouldSay(), form.citation(), form.link(), upload(file), form.website()));
            return "redirect:/corrections/assessments/" + id + "/sent";
        } catch (CorrectionInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.form(model, id, form, page.message(e), e.field());
        } catch (CorrectionLimitException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
            return page.form(model, id, form, page.message(e), null);
        }
    }

    @GetMapping("/corrections/assessments/{id}/sent")
    String sent(@PathVariable long id, Model model) {
        requireOpen(id);
        model.addAttribute("scorecard", page.scorecard(id));
        return "correction/sent";
    }

    private void requireOpen(long id) {
        if (!corrections.open(id)) {
            throw new NoPublishedScorecardException(id);
        }
    }

    /** The file part, or null when none was chosen (a browser then sends an empty part without a name). */
    static CorrectionInput.Upload upload(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            return null;
        }
        return new CorrectionInput.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }
}
