package org.sanctuaryscorecard.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the toolkit's system is, how to use the product, and the search box. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
