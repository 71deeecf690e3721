package com.hummdesk.cannedresponses;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Constraints;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.errors.PayloadTooLarge;
import com.hummdesk.platform.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Canned responses count as account settings: every member reads and finds them by short code; admins and owners
 * create, change and delete them (unlike Chatwoot, where agents may create their own).
 */
final class CannedResponsesService {
    static final int MAX_CONTENT = 10_000;
    static final int MAX_SEARCH = 200;
    private static final Pattern SHORT_CODE = Pattern.compile("[a-z0-9_-]{1,50}");

    /** A create or a partial update: null leaves a field as it is. */
    record Changes(String shortCode, String content) {}

    private final Database db;
    private final CannedResponsesRepository responses = new CannedResponsesRepository();
    private final AuditRepository audit = new AuditRepository();

    CannedResponsesService(Database db) {
        this.db = db;
    }

    CannedResponsePage list(CurrentUser user, String search, int page, int pageSize) {
        var term = search == null || search.isBlank() ? null : search.trim();
        if (term != null && term.length() > MAX_SEARCH) {
            throw new BadRequest(
                    "invalid_parameter",
                    "search must be at most " + MAX_SEARCH + " characters",
                    Map.of("field", "search", "max", MAX_SEARCH));
        }
        return db.inAccount(
                user.accountId(),
                tx -> CannedResponsePage.of(
                        responses.page(tx, user.accountId(), term, (page - 1) * pageSize, pageSize),
                        page,
                        pageSize,
                        responses.count(tx, user.accountId(), term)));
    }

    CannedResponse get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> responses.find(tx, user.accountId(), id))
                .orElseThrow(CannedResponsesService::notFound);
    }

    CannedResponse byShortCode(CurrentUser user, String shortCode) {
        var code = shortCode == null ? "" : shortCode.trim();
        return db.inAccount(user.accountId(), tx -> responses.findByShortCode(tx, user.accountId(), code))
                .orElseThrow(() -> new NotFound("not_found", "No canned response with short code '" + code + "'."));
    }

    CannedResponse create(CurrentUser user, Changes input) {
        user.requireManager();
        var changes = validate(input, true);
        return uniqueShortCode(
                changes.shortCode(),
                () -> db.inAccount(user.accountId(), tx -> {
                    var created = responses.insert(tx, user.accountId(), changes.shortCode(), changes.content());
                    audit.record(
                            tx,
                            user,
                            "canned_response.created",
                            "canned_response",
                            created.id(),
                            Map.of("shortCode", created.shortCode()));
                    return created;
                }));
    }

    CannedResponse update(CurrentUser user, long id, Changes input) {
        user.requireManager();
        var changes = validate(input, false);
        return uniqueShortCode(
                changes.shortCode(),
                () -> db.inAccount(user.accountId(), tx -> {
                    var current =
                            responses.find(tx, user.accountId(), id).orElseThrow(CannedResponsesService::notFound);
                    var updated = responses.update(
                            tx,
                            user.accountId(),
                            id,
                            changes.shortCode() == null ? current.shortCode() : changes.shortCode(),
                            changes.content() == null ? current.content() : changes.content());
                    var details = new LinkedHashMap<String, Object>();
                    details.put("shortCode", updated.shortCode());
                    details.put("contentChanged", changes.content() != null);
                    audit.record(tx, user, "canned_response.updated", "canned_response", id, details);
                    return updated;
                }));
    }

    void delete(CurrentUser user, long id) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            var current = responses.find(tx, user.accountId(), id).orElseThrow(CannedResponsesService::notFound);
            responses.delete(tx, user.accountId(), id);
            audit.record(
                    tx,
                    user,
                    "canned_response.deleted",
                    "canned_response",
                    id,
                    Map.of("shortCode", current.shortCode()));
        });
    }

    private static Changes validate(Changes input, boolean creating) {
        var shortCode = input.shortCode() == null ? null : input.shortCode().trim();
        var content = input.content();
        if (content != null && content.length() > MAX_CONTENT) {
            throw new PayloadTooLarge(
                    "content_too_large",
                    "content must be at most " + MAX_CONTENT + " characters; it has " + content.length() + ".",
                    Map.of("field", "content", "max", MAX_CONTENT));
        }
        var errors = new FieldErrors();
        if (creating || shortCode != null) {
            errors.required(shortCode, "shortCode")
                    .check(
                            shortCode == null
                                    || shortCode.isEmpty()
                                    || SHORT_CODE.matcher(shortCode).matches(),
                            "shortCode",
                            "must be 1 to 50 lowercase letters, digits, - or _");
        }
        if (creating || content != null) {
            errors.required(content, "content");
        }
        errors.throwIfAny();
        return new Changes(shortCode, content);
    }

    private static <T> T uniqueShortCode(String shortCode, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Conflict(
                        "short_code_taken", "A canned response with short code '" + shortCode + "' already exists.");
            }
            throw e;
        }
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such canned response.");
    }
}
