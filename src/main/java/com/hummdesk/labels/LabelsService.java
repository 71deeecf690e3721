package com.hummdesk.labels;

import com.hummdesk.audit.AuditRepository;
import com.hummdesk.platform.db.Constraints;
import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.errors.NotFound;
import com.hummdesk.platform.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Labels: every member reads them; admins and owners manage them. */
final class LabelsService {
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 1000;
    private static final String DEFAULT_COLOR = "#6b7280";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** A create or a partial update: null leaves a field as it is. */
    record LabelChanges(String name, String color, String description) {}

    private final Database db;
    private final LabelsRepository labels = new LabelsRepository();
    private final AuditRepository audit = new AuditRepository();

    LabelsService(Database db) {
        this.db = db;
    }

    LabelPage list(CurrentUser user, int page, int pageSize) {
        return db.inAccount(
                user.accountId(),
                tx -> LabelPage.of(
                        labels.page(tx, user.accountId(), (page - 1) * pageSize, pageSize),
                        page,
                        pageSize,
                        labels.count(tx, user.accountId())));
    }

    Label get(CurrentUser user, long id) {
        return db.inAccount(user.accountId(), tx -> labels.find(tx, user.accountId(), id))
                .orElseThrow(LabelsService::notFound);
    }

    Label create(CurrentUser user, LabelChanges input) {
        user.requireManager();
        var changes = validate(input, true);
        return uniqueName(
                changes.name(),
                () -> db.inAccount(user.accountId(), tx -> {
                    var label = labels.insert(
                            tx,
                            user.accountId(),
                            changes.name(),
                            changes.color() == null ? DEFAULT_COLOR : changes.color(),
                            changes.description() == null ? "" : changes.description());
                    audit.record(tx, user, "label.created", "label", label.id(), Map.of("name", label.name()));
                    return label;
                }));
    }

    Label update(CurrentUser user, long id, LabelChanges input) {
        user.requireManager();
        var changes = validate(input, false);
        return uniqueName(
                changes.name(),
                () -> db.inAccount(user.accountId(), tx -> {
                    var current = labels.find(tx, user.accountId(), id).orElseThrow(LabelsService::notFound);
                    var updated = labels.update(
                                    tx,
                                    user.accountId(),
                                    id,
                                    changes.name() == null ? current.name() : changes.name(),
                                    changes.color() == null ? current.color() : changes.color(),
                                    changes.description() == null ? current.description() : changes.description())
                            .orElseThrow(LabelsService::notFound);
                    var details = new LinkedHashMap<String, Object>();
                    if (changes.name() != null) details.put("name", changes.name());
                    if (changes.color() != null) details.put("color", changes.color());
                    if (changes.description() != null) details.put("description", changes.description());
                    audit.record(tx, user, "label.updated", "label", id, details);
                    return updated;
                }));
    }

    void delete(CurrentUser user, long id) {
        user.requireManager();
        db.runInAccount(user.accountId(), tx -> {
            var label = labels.find(tx, user.accountId(), id).orElseThrow(LabelsService::notFound);
            labels.delete(tx, user.accountId(), id);
            audit.record(tx, user, "label.deleted", "label", id, Map.of("name", label.name()));
        });
    }

    private static LabelChanges validate(LabelChanges input, boolean creating) {
        var name = input.name() == null ? null : input.name().trim();
        var color = input.color() == null ? null : input.color().trim();
        var description =
                input.description() == null ? null : input.description().trim();
        var errors = new FieldErrors();
        if (creating || name != null) {
            errors.required(name, "name");
        }
        errors.maxLength(name, MAX_NAME, "name")
                .check(color == null || COLOR.matcher(color).matches(), "color", "must be a hex colour like #1f9d55")
                .maxLength(description, MAX_DESCRIPTION, "description")
                .throwIfAny();
        return new LabelChanges(name, color == null ? null : color.toLowerCase(Locale.ROOT), description);
    }

    private static <T> T uniqueName(String name, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Conflict("label_name_taken", "A label named '" + name + "' already exists.");
            }
            throw e;
        }
    }

    private static NotFound notFound() {
        return new NotFound("not_found", "No such label.");
    }
}
