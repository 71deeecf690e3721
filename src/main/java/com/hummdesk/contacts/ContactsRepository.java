package com.hummdesk.contacts;

import static com.hummdesk.platform.db.generated.Tables.CONTACTS;
import static com.hummdesk.platform.db.generated.Tables.CONVERSATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.hummdesk.platform.http.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.impl.DSL;

/**
 * SQL for contacts. Merging is the one place the contacts feature writes another feature's table: it moves the
 * merged contact's conversations (conversations.contact_id) to the contact that remains.
 */
final class ContactsRepository {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final SelectFieldOrAsterisk[] COLUMNS = {
        CONTACTS.ID,
        CONTACTS.NAME,
        CONTACTS.EMAIL,
        CONTACTS.UNVERIFIED_EMAIL,
        CONTACTS.PHONE,
        CONTACTS.IDENTIFIER,
        CONTACTS.ATTRIBUTES,
        CONTACTS.CREATED_AT,
        CONTACTS.UPDATED_AT
    };

    List<Contact> page(DSLContext tx, long accountId, ContactSearch search, int offset, int limit) {
        return tx.select(COLUMNS)
                .from(CONTACTS)
                .where(CONTACTS.ACCOUNT_ID.eq(accountId), matches(search))
                .orderBy(order(search))
                .offset(offset)
                .limit(limit)
                .fetch(ContactsRepository::toContact);
    }

    long count(DSLContext tx, long accountId, ContactSearch search) {
        return tx.fetchCount(CONTACTS, CONTACTS.ACCOUNT_ID.eq(accountId), matches(search));
    }

    Optional<Contact> find(DSLContext tx, long accountId, long id) {
        return tx.select(COLUMNS)
                .from(CONTACTS)
                .where(CONTACTS.ACCOUNT_ID.eq(accountId), CONTACTS.ID.eq(id))
                .fetchOptional(ContactsRepository::toContact);
    }

    /** Locks the given contacts in id order (so two merges of the same pair cannot deadlock). */
    List<Contact> lock(DSLContext tx, long accountId, long firstId, long secondId) {
        return tx.select(COLUMNS)
                .from(CONTACTS)
                .where(CONTACTS.ACCOUNT_ID.eq(accountId), CONTACTS.ID.in(firstId, secondId))
                .orderBy(CONTACTS.ID)
                .forUpdate()
                .fetch(ContactsRepository::toContact);
    }

    Contact insert(DSLContext tx, long accountId, ContactValues values) {
        return tx.insertInto(CONTACTS)
                .set(CONTACTS.ACCOUNT_ID, accountId)
                .set(CONTACTS.NAME, values.name())
                .set(CONTACTS.EMAIL, values.email())
                .set(CONTACTS.PHONE, values.phone())
                .set(CONTACTS.IDENTIFIER, values.identifier())
                .set(CONTACTS.ATTRIBUTES, json(values.attributes()))
                .returningResult(COLUMNS)
                .fetchSingle(ContactsRepository::toContact);
    }

    Contact update(DSLContext tx, long accountId, long id, ContactValues values) {
        return tx.update(CONTACTS)
                .set(CONTACTS.NAME, values.name())
                .set(CONTACTS.EMAIL, values.email())
                .set(CONTACTS.PHONE, values.phone())
                .set(CONTACTS.IDENTIFIER, values.identifier())
                .set(CONTACTS.ATTRIBUTES, json(values.attributes()))
                .set(CONTACTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONTACTS.ACCOUNT_ID.eq(accountId), CONTACTS.ID.eq(id))
                .returningResult(COLUMNS)
                .fetchSingle(ContactsRepository::toContact);
    }

    /** The merge's write on conversations (see the class comment); returns how many moved. */
    int moveConversations(DSLContext tx, long accountId, long fromContactId, long toContactId) {
        return tx.update(CONVERSATIONS)
                .set(CONVERSATIONS.CONTACT_ID, toContactId)
                .set(CONVERSATIONS.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(CONVERSATIONS.ACCOUNT_ID.eq(accountId), CONVERSATIONS.CONTACT_ID.eq(fromContactId))
                .execute();
    }

    /** Deleting a contact deletes its conversations (cascade): callers move what must survive first. */
    void delete(DSLContext tx, long accountId, long id) {
        tx.deleteFrom(CONTACTS)
                .where(CONTACTS.ACCOUNT_ID.eq(accountId), CONTACTS.ID.eq(id))
                .execute();
    }

    private static Condition matches(ContactSearch search) {
        if (search.isEmpty()) {
            return DSL.noCondition();
        }
        var like = search.likePattern();
        var anywhere = CONTACTS.NAME
                .likeIgnoreCase(like, '\\')
                .or(CONTACTS.EMAIL.likeIgnoreCase(like, '\\'))
                .or(CONTACTS.PHONE.likeIgnoreCase(like, '\\'))
                .or(CONTACTS.IDENTIFIER.likeIgnoreCase(like, '\\'));
        var prefixes = search.prefixQuery();
        if (prefixes.isEmpty()) {
            return anywhere;
        }
        // The stored, GIN-indexed column of V8 (contacts_fts_idx).
        var words = DSL.condition(
                "{0} @@ to_tsquery('simple', {1})",
                DSL.field(DSL.name(CONTACTS.getName(), "search_tsv")), DSL.val(prefixes));
        return words.or(anywhere);
    }

    /** By name; when searching, an exact email match comes before everything else. */
    private static List<OrderField<?>> order(ContactSearch search) {
        if (search.isEmpty()) {
            return List.of(CONTACTS.NAME, CONTACTS.ID);
        }
        Field<Integer> exactEmail =
                DSL.when(CONTACTS.EMAIL.eq(search.lowerCase()), DSL.inline(0)).otherwise(DSL.inline(1));
        return List.of(exactEmail, CONTACTS.NAME, CONTACTS.ID);
    }

    private static Contact toContact(Record r) {
        return new Contact(
                r.get(CONTACTS.ID),
                r.get(CONTACTS.NAME),
                r.get(CONTACTS.EMAIL),
                r.get(CONTACTS.UNVERIFIED_EMAIL),
                r.get(CONTACTS.PHONE),
                r.get(CONTACTS.IDENTIFIER),
                attributes(r.get(CONTACTS.ATTRIBUTES)),
                r.get(CONTACTS.CREATED_AT),
                r.get(CONTACTS.UPDATED_AT));
    }

    private static Map<String, Object> attributes(JSON json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.mapper().readValue(json.data(), OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contacts.attributes holds invalid JSON", e);
        }
    }

    private static JSON json(Map<String, Object> attributes) {
        try {
            return JSON.valueOf(Json.mapper().writeValueAsString(attributes == null ? Map.of() : attributes));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes must be serialisable", e);
        }
    }
}
