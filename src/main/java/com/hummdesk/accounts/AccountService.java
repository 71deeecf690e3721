package com.hummdesk.accounts;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.db.Scope;
import com.hummdesk.platform.errors.Conflict;
import com.hummdesk.platform.errors.FieldErrors;
import com.hummdesk.platform.security.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Accounts (tenants), the people who sign in, and their memberships. */
public final class AccountService {
    private final Database db;
    private final AccountRepository repository = new AccountRepository();
    private final UnaryOperator<String> passwordHasher;

    /** {@code passwordHasher} turns a plain password into its stored hash (owned by the auth feature). */
    public AccountService(Database db, UnaryOperator<String> passwordHasher) {
        this.db = db;
        this.passwordHasher = passwordHasher;
    }

    /** Creates an account with its owner, atomically; the owner's email must not be taken. */
    public NewAccount createAccount(String accountName, String ownerName, String ownerEmail, String ownerPassword) {
        new FieldErrors()
                .required(accountName, "name")
                .maxLength(accountName, 200, "name")
                .required(ownerEmail, "ownerEmail")
                .check(ownerEmail == null || ownerEmail.contains("@"), "ownerEmail", "must be an email address")
                .check(
                        ownerPassword != null && ownerPassword.length() >= 8,
                        "ownerPassword",
                        "must be at least 8 characters")
                .throwIfAny();
        var hash = passwordHasher.apply(ownerPassword);
        return db.global(tx -> {
            if (repository.findUserByEmail(tx, ownerEmail).isPresent()) {
                throw new Conflict("email_taken", "A user with email " + ownerEmail + " already exists.");
            }
            long userId = repository.insertUser(
                    tx, ownerEmail, ownerName == null || ownerName.isBlank() ? ownerEmail : ownerName, hash);
            long accountId = repository.nextAccountId(tx);
            Scope.account(accountId).applyTo(tx);
            repository.insertAccount(tx, accountId, accountName);
            repository.insertMembership(tx, accountId, userId, Role.OWNER);
            return new NewAccount(accountId, userId);
        });
    }

    /** Adds an existing or new user to an account; returns the user id. */
    public long addMember(long accountId, String name, String email, String password, Role role) {
        var hash = passwordHasher.apply(password);
        return db.global(tx -> {
            var existing = repository.findUserByEmail(tx, email);
            long userId = existing.map(User::id).orElseGet(() -> repository.insertUser(tx, email, name, hash));
            Scope.account(accountId).applyTo(tx);
            repository.insertMembership(tx, accountId, userId, role);
            return userId;
        });
    }

    public Optional<User> findUserByEmail(String email) {
        return db.global(tx -> repository.findUserByEmail(tx, email));
    }

    public Optional<User> findUser(long userId) {
        return db.global(tx -> repository.findUser(tx, userId));
    }

    public List<Membership> memberships(long userId) {
        return db.transaction(Scope.user(userId), tx -> repository.memberships(tx, userId));
    }
}
