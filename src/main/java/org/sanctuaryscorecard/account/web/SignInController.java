package org.sanctuaryscorecard.account.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.web.ErrorReplies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security reads the form ({@code POST /login}) and sends people back here with
 * {@code ?error=bad|locked|disabled} (a lock with {@code &until=}, its end in seconds since 1970), after signing out
 * with {@code ?signedOut}, and the setup page with {@code ?setup}; this page turns those known words into sentences
 * and never shows other query text.
 */
@Controller
class SignInController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final ErrorReplies replies;

    SignInController(ErrorReplies replies) {
        this.replies = replies;
    }

    @GetMapping("/login")
    @Gate(Gate.Who.ANYONE)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String until,
                  @RequestParam(required = false) String setup, @RequestParam(required = false) String signedOut,
                  Model model) {
        if (error != null) {
            model.addAttribute("problem", problem(error, until));
        }
        if (setup != null) {
            model.addAttribute("flash", replies.message("account.signIn.afterSetup"));
        } else if (signedOut != null) {
            model.addAttribute("flash", replies.message("account.signIn.signedOut"));
        }
        return "account/sign-in";
    }

    private String problem(String error, String until) {
        return switch (error) {
            case "locked" -> lockedUntil(until) == null ? replies.message("account.signIn.locked", Accounts.LOCK.toMinutes())
                    : replies.message("account.signIn.lockedUntil", TIME.format(lockedUntil(until)));
            case "disabled" -> replies.message("account.signIn.disabled");
            default -> replies.message("account.signIn.bad");
        };
    }

    /** The end of a lock, from seconds since 1970; null for anything else. */
    private static Instant lockedUntil(String until) {
        if (until == null || !until.matches("[0-9]{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(until));
    }
}
