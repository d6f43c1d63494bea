package org.sanctuaryscorecard.backup.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sanctuaryscorecard.account.AccessPolicy;
import org.sanctuaryscorecard.account.Accounts;
import org.sanctuaryscorecard.account.Organization;
import org.sanctuaryscorecard.backup.BackupScope;
import org.sanctuaryscorecard.backup.Backups;
import org.sanctuaryscorecard.web.ExplainedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Backups to download: the whole installation for site administrators ({@code /admin/backup}), one organization for
 * its admins ({@code /organizations/{slug}/backup}). Each download is recorded in the audit trail. Restoring is done
 * from the command line ({@code backup import}), into a new installation.
 */
@Controller
class BackupController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Backups backups;
    private final Accounts accounts;
    private final AccessPolicy policy;

    BackupController(Backups backups, Accounts accounts, AccessPolicy policy) {
        this.backups = backups;
        this.accounts = accounts;
        this.policy = policy;
    }

    @GetMapping("/admin/backup")
    void installation(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!policy.siteAdmin()) {
            throw new ExplainedException(HttpStatus.FORBIDDEN, "backup.error.siteAdminOnly");
        }
        send(BackupScope.installation(), request, response);
    }

    @GetMapping("/organizations/{slug}/backup")
    void organization(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Organization organization = accounts.organization(slug)
                .orElseThrow(() -> new ExplainedException(HttpStatus.NOT_FOUND, "backup.error.noSuchOrganization", slug));
        if (!policy.canAdminister(organization.id())) {
            // a member learns that only admins may; anyone else learns nothing about the organization
            throw policy.roleIn(organization.id()).isPresent()
                    ? new ExplainedException(HttpStatus.FORBIDDEN, "backup.error.adminOnly", organization.name())
                    : new ExplainedException(HttpStatus.NOT_FOUND, "backup.error.noSuchOrganization", slug);
        }
        send(BackupScope.of(organization), request, response);
    }

    /** Streams the backup as it is written: a large installation is never held in memory. A HEAD request gets the headers. */
    private void send(BackupScope scope, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String file = Backups.FILE_PREFIX + scope.label() + "-" + STAMP.format(java.time.Instant.now()) + ".zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        OutputStream out = response.getOutputStream();
        backups.export(scope, out);
        out.flush();
    }
}
