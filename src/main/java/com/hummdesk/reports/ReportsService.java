package com.hummdesk.reports;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.errors.BadRequest;
import com.hummdesk.platform.security.CurrentUser;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jooq.exception.DataAccessException;

/** Reports for any member of the account, over at most a year of days in a time zone. */
final class ReportsService {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private final Database db;
    private final Clock clock;
    private final ReportsRepository reports = new ReportsRepository();

    ReportsService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** from, to (ISO dates, both included) and timeZone (an IANA name) may each be null: the last 30 days in UTC. */
    ReportOverview overview(CurrentUser user, String fromText, String toText, String timeZoneText) {
        var zone = zone(timeZoneText);
        var to = toText == null ? LocalDate.now(clock.withZone(zone)) : date(toText, "to");
        var from = fromText == null ? to.minusDays(DEFAULT_DAYS - 1) : date(fromText, "from");
        if (from.isAfter(to)) {
            throw new BadRequest(
                    "invalid_range",
                    "from (" + from + ") must not be after to (" + to + ").",
                    Map.of("from", from.toString(), "to", to.toString()));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new BadRequest(
                    "invalid_range",
                    "A report covers at most " + MAX_DAYS + " days; this range has " + days + ".",
                    Map.of("from", from.toString(), "to", to.toString(), "maxDays", MAX_DAYS));
        }
        var window = new ReportsRepository.Window(
                user.accountId(),
                from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                zone.getId(),
                from,
                to);
        try {
            return db.inAccount(user.accountId(), tx -> {
                var byDay = reports.volumeByDay(tx, window);
                long total =
                        byDay.stream().mapToLong(ReportOverview.DayCount::count).sum();
                return new ReportOverview(
                        new ReportOverview.Range(from, to, zone.getId()),
                        new ReportOverview.Volume(
                                total,
                                byDay,
                                reports.volumeByCategory(tx, window),
                                reports.volumeBySentiment(tx, window)),
                        reports.firstResponse(tx, window),
                        reports.resolution(tx, window),
                        reports.ai(tx, window));
            });
        } catch (DataAccessException e) {
            // Java and PostgreSQL ship their own time zone databases; a name only Java knows is still bad input.
            if ("22023".equals(e.sqlState())) {
                throw invalidZone(zone.getId());
            }
            throw e;
        }
    }

    /** Region names only: PostgreSQL reads a bare offset like "+02:00" with the opposite (POSIX) sign. */
    private static ZoneId zone(String text) {
        if (text == null) {
            return ZoneId.of("UTC");
        }
        var trimmed = text.trim();
        if (!ZoneId.getAvailableZoneIds().contains(trimmed)) {
            throw invalidZone(trimmed);
        }
        try {
            return ZoneId.of(trimmed);
        } catch (DateTimeException e) {
            throw invalidZone(trimmed);
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(
                    "invalid_date",
                    field + " must be a date like 2026-01-31; got '" + text + "'.",
                    Map.of("field", field, "value", text));
        }
    }

    private static BadRequest invalidZone(String value) {
        return new BadRequest(
                "invalid_time_zone",
                "tz must be a time zone name like UTC or Europe/Helsinki; got '" + value + "'.",
                Map.of("field", "tz", "value", value));
    }
}
